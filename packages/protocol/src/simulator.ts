// Scenarios staged on the running demo simulator (drills, browser tests): the hub's
// `POST /simulator/scenarios` body and the staged scenario it answers with.
import { z } from 'zod';
import { DeviceIdSchema } from './reading.ts';

/** Every scenario kind the API knows (`leak` is answered 422 `simulator:not-implemented` for now). */
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
/** A loss of containment: reserved; the hub answers 422 `simulator:not-implemented` (leaks arrive with the incident-response work). */
export const LeakRequestSchema = z.looseObject({ kind: z.literal('leak'), siteId: SiteIdSchema }).describe('not implemented yet: answered 422 simulator:not-implemented');

/** Body of `POST /simulator/scenarios`, told apart by `kind`. */
export const SimulatorScenarioRequestSchema = z.discriminatedUnion('kind', [MethaneRiseRequestSchema, SensorDropoutRequestSchema, LeakRequestSchema]);
/** Parsed {@link SimulatorScenarioRequestSchema}. */
export type SimulatorScenarioRequest = z.infer<typeof SimulatorScenarioRequestSchema>;

const stagedShape = {
  id: z.string().describe('e.g. scenario-3; unique while the simulator runs'),
  startMs: z.number().int().describe('epoch ms, when it starts'),
  endMs: z.number().int().describe('epoch ms, when it is over (startMs + durationS)'),
};

/** A staged scenario as the API shows it: the request as accepted, with its id and times. */
export const StagedScenarioSchema = z.discriminatedUnion('kind', [
  z.object({ ...methaneRiseShape, ...stagedShape }),
  z.object({ ...sensorDropoutShape, ...stagedShape }),
]);
/** Parsed {@link StagedScenarioSchema}. */
export type StagedScenarioView = z.infer<typeof StagedScenarioSchema>;
