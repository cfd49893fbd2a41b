// Input schemas of the engine's commands (plume, zones, source), validated with zod so a bad field is named by its path.
import { z } from 'zod';
import { SimError } from './errors.ts';

const positive = z.number().positive();
const stability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);

/** A step of a piecewise-constant release-rate schedule (e.g. the valve closes at tS). */
export const rateStepSchema = z.object({ tS: z.number().min(0), rateKgS: z.number().min(0) });

const continuousRelease = z.object({
  kind: z.literal('continuous'),
  rateKgS: positive,
  heightM: z.number().min(0).default(0),
  /** Finite duration [s]; with `auto` a passive release then runs as a puff train. */
  durationS: positive.optional(),
  /** Optional rate schedule overriding rateKgS over time (puff train). */
  rateSteps: z.array(rateStepSchema).min(1).optional(),
  temperatureK: positive.optional(),
  /** Release density override [kg/m³] (e.g. a two-phase jet); default ideal gas at temperatureK. */
  densityKgM3: positive.optional(),
});

const instantaneousRelease = z.object({
  kind: z.literal('instantaneous'),
  massKg: positive,
  heightM: z.number().min(0).default(0),
  temperatureK: positive.optional(),
  densityKgM3: positive.optional(),
});

/** Weather: transport wind, stability, terrain, ambient state. */
export const weatherSchema = z.object({
  windSpeedMS: positive,
  /** Height of the wind measurement [m]; when given, the speed is carried to the release height (and to 10 m for dense gas) by the power law. */
  windHeightM: positive.optional(),
  stability,
  terrain: z.enum(['rural', 'urban']).default('rural'),
  airTempK: positive.default(293.15),
  pressurePa: positive.default(101325),
  mixingHeightM: positive.optional(),
  /** Wind direction the wind comes FROM [deg clockwise from north] (zones only). */
  windFromDeg: z.number().min(0).max(360).optional(),
  /** Standard deviation of the wind direction [deg] if a mast measures it (zones only). */
  sigmaThetaDeg: positive.optional(),
});

/** A receptor: x downwind, y crosswind, z height [m]; tS for puffs (omit for the peak over time). */
export const receptorSchema = z.object({
  xM: z.number(),
  yM: z.number().default(0),
  zM: z.number().min(0).default(0),
  tS: z.number().min(0).optional(),
  /** Times [s] at which to report the concentration ("threat at a point"). */
  seriesTimesS: z.array(z.number().min(0)).max(10_000).optional(),
  /** Integrate the dose ∫C dt from 0 to this time [s]. */
  doseUntilS: positive.optional(),
});

/** The `plume` command input (issue 4). */
export const plumeScenarioSchema = z.object({
  chemical: z.string().min(1),
  model: z.enum(['auto', 'gaussian-plume', 'gaussian-puff', 'dense']).default('auto'),
  release: z.discriminatedUnion('kind', [continuousRelease, instantaneousRelease]),
  weather: weatherSchema,
  sigma: z.enum(['briggs-rural', 'briggs-urban', 'pgt-isc3', 'ccps-puff']).optional(),
  receptors: z.array(receptorSchema).default([]),
  /** Levels of concern [ppm]; default AEGL-3/2/1 (60 min) of the chemical. */
  thresholdsPpm: z.array(positive).optional(),
  thresholdHeightM: z.number().min(0).default(0),
});

/** Validated `plume` scenario. */
export type PlumeScenario = z.infer<typeof plumeScenarioSchema>;

/** The `zones` command input: a plume scenario plus the wind direction and an optional geographic origin. */
export const zonesScenarioSchema = plumeScenarioSchema.extend({
  /** Source position; when given, the polygons are in lon/lat (WGS84), otherwise in local metres east/north. */
  origin: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-89).max(89) }).optional(),
});

/** Validated `zones` scenario. */
export type ZonesScenario = z.infer<typeof zonesScenarioSchema>;

const chemicalOrProps = {
  chemical: z.string().min(1).optional(),
  dischargeCoefficient: positive.max(1).optional(),
  ambientPressurePa: positive.default(101325),
};

/** The `source` command input: one of the source-term models (pressures absolute unless the field says gauge). */
export const sourceInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gas-orifice'), ...chemicalOrProps, pressurePa: positive.optional(), pressureGaugePa: z.number().min(0).optional(), temperatureK: positive, holeDiameterM: positive, molarMassKgMol: positive.optional(), heatCapacityRatio: z.number().gt(1).optional() }),
  z.object({ kind: z.literal('liquid-orifice'), ...chemicalOrProps, pressurePa: positive.optional(), pressureGaugePa: z.number().min(0).optional(), holeDiameterM: positive, liquidDensityKgM3: positive.optional(), liquidHeadM: z.number().min(0).optional() }),
  z.object({ kind: z.literal('flash-fraction'), ...chemicalOrProps, storageTemperatureK: positive, liquidHeatCapacityJKgK: positive.optional(), boilingPointK: positive.optional(), heatOfVaporizationJKg: positive.optional() }),
  z.object({ kind: z.literal('pool-evaporation'), ...chemicalOrProps, poolAreaM2: positive, poolDiameterM: positive.optional(), windSpeed10MS: positive, temperatureK: positive, vapourPressurePa: positive.optional(), molarMassKgMol: positive.optional(), schmidtNumber: positive.optional() }),
]);

/** Validated `source` input. */
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** Parses with a zod schema, throwing SimError('sim:bad-input') that names the first bad field's path (e.g. "release.rateKgS"). */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const all = r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new SimError('sim:bad-input', all, path || '(root)');
}
