// Scenarios staged on the running demo simulator (drills, browser tests): the hub's
// `POST /simulator/scenarios` body and the staged scenario it answers with.
import { z } from 'zod';
import { DeviceIdSchema } from './reading.ts';

/** Every scenario kind the API knows. */
export const SIMULATOR_SCENARIO_KINDS = ['methane-rise', 'sensor-dropout', 'leak'] as const;
/** One of {@link SIMULATOR_SCENARIO_KINDS}. */
export type SimulatorScenarioKind = (typeof SIMULATOR_SCENARIO_KINDS)[number];

/** Longest scenario one request may stage, s (one hour: a drill, not a new normal). */
export const MAX_SCENARIO_DURATION_S = 3600;

const SiteIdSchema = z.string().min(1).max(64).describe('the site the device belongs to');
const DurationSchema = z
  .number()
  .positive('durationS must be a positive number of seconds')
  .max(MAX_SCENARIO_DURATION_S, `durationS must be at most ${MAX_SCENARIO_DURATION_S} s`)
  .describe('whole event, s');

const methaneRiseShape = {
  kind: z.literal('methane-rise'),
  siteId: SiteIdSchema,
  sensorId: DeviceIdSchema.describe('a CH4 sensor (metric ch4_pct) of the site'),
  peakPct: z.number().positive('peakPct must be above 0 %vol').max(100, 'peakPct must be at most 100 %vol').describe('peak CH4, %vol; ramp up 40 %, hold 20 %, ramp down 40 % of durationS'),
  durationS: DurationSchema,
};
const sensorDropoutShape = {
  kind: z.literal('sensor-dropout'),
  siteId: SiteIdSchema,
  deviceId: DeviceIdSchema.describe('a sensor, weather station or miner tag of the site'),
  durationS: DurationSchema.describe('how long the device sends nothing, s; then it resumes'),
};

/** A methane rise on one CH4 sensor: a ramp to `peakPct` and back within `durationS`. */
export const MethaneRiseRequestSchema = z.strictObject(methaneRiseShape);
/** A device that sends nothing for `durationS`, then resumes (a detector failing during a drill). */
export const SensorDropoutRequestSchema = z.strictObject(sensorDropoutShape);
/**
 * Substances a staged leak may release: those the demo park holds that the plume engine
 * (@safetwin/sim) models. Sour gas and hydrogen are held but not modelled.
 */
export const LEAK_CHEMICALS = ['Cl2', 'NH3', 'H2S', 'HCl', 'SO2', 'CO', 'CH4', 'C3H8', 'LPG'] as const;
/** One of {@link LEAK_CHEMICALS}. */
export type LeakChemical = (typeof LEAK_CHEMICALS)[number];
/** Longest distance along a pipe segment a request may name, m (longer than any park's segment; the segment's own length is checked when staged). */
export const MAX_SEGMENT_ALONG_M = 100_000;
/** Largest release rate one request may stage, kg/s (a full-bore rupture of a large line). */
export const MAX_LEAK_RATE_KG_S = 1000;

const leakShape = {
  kind: z.literal('leak'),
  siteId: SiteIdSchema.describe('the chemical park of the leaking item'),
  equipmentId: z.string().min(1).max(64).describe('equipment or pipe segment of the site that leaks'),
  chemical: z.enum(LEAK_CHEMICALS).describe('what leaks; must be what the item holds'),
  rateKgS: z.number().positive('rateKgS must be above 0 kg/s').max(MAX_LEAK_RATE_KG_S, `rateKgS must be at most ${MAX_LEAK_RATE_KG_S} kg/s`).describe('release rate, kg/s, constant over durationS'),
  durationS: DurationSchema.describe('how long it leaks, s; the cloud then drifts off'),
  heightM: z.number().min(0, 'heightM must be at least 0 m').max(200, 'heightM must be at most 200 m').optional()
    .describe("height of the hole above grade, m, within the item's height (default: 1 m for equipment, the pipe's own height for a segment)"),
  alongM: z.number().min(0, 'alongM must be at least 0 m').max(MAX_SEGMENT_ALONG_M, `alongM must be at most ${MAX_SEGMENT_ALONG_M} m`).optional()
    .describe('pipe segments only: where the hole is, m along the segment from its first node, within its length (default: its middle)'),
};
/** A loss of containment at a park item: the simulator drives the site's gas detectors from the plume model. */
export const LeakRequestSchema = z.strictObject(leakShape);

/** Body of `POST /simulator/scenarios`, told apart by `kind`. */
export const SimulatorScenarioRequestSchema = z.discriminatedUnion('kind', [MethaneRiseRequestSchema, SensorDropoutRequestSchema, LeakRequestSchema]);
/** Parsed {@link SimulatorScenarioRequestSchema}. */
export type SimulatorScenarioRequest = z.infer<typeof SimulatorScenarioRequestSchema>;

const stagedShape = {
  id: z.string().describe('e.g. scenario-3; unique while the simulator runs'),
  startMs: z.number().int().describe('epoch ms, when it starts'),
  endMs: z.number().int().describe('epoch ms, when it is over (startMs + durationS)'),
};

/** A fault the simulator gives a detector during a staged leak (seeded; part of the truth). */
export const LeakFaultSchema = z.object({
  deviceId: DeviceIdSchema,
  kind: z.enum(['stuck', 'silent']).describe('stuck: repeats its last value; silent: sends nothing'),
  startMs: z.number().int(),
  endMs: z.number().int(),
});

/** What really happened in a staged leak, for drills and the source-estimation benchmark. */
export const LeakTruthSchema = z.object({
  sourceKind: z.enum(['equipment', 'pipe-segment']),
  enterpriseId: z.string().nullable().describe("the leaking item's owner; null for the park's pipe corridor"),
  source: z.object({ eastM: z.number(), northM: z.number(), upM: z.number() }).describe('release point, metres east/north/up of the site origin'),
  massKg: z.number().describe('mass released, rateKgS × durationS'),
  detectorKinds: z.array(z.string()).describe('detector kinds that see the chemical'),
  detectorCount: z.number().int().describe('detectors of those kinds on the site'),
  faults: z.array(LeakFaultSchema),
});

/** A staged scenario as the API shows it: the request as accepted, with its id and times (a leak adds its truth). */
export const StagedScenarioSchema = z.discriminatedUnion('kind', [
  z.object({ ...methaneRiseShape, ...stagedShape }),
  z.object({ ...sensorDropoutShape, ...stagedShape }),
  z.object({ ...leakShape, heightM: z.number().describe('height of the hole above grade, m, as used'), ...stagedShape, truth: LeakTruthSchema }),
]);
/** Parsed {@link StagedScenarioSchema}. */
export type StagedScenarioView = z.infer<typeof StagedScenarioSchema>;
