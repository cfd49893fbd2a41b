// Sensors: every one is a telemetry device whose id is its deviceId.
import { z } from 'zod';
import { MetricNameSchema } from '@safetwin/protocol';
import { DeviceIdSchema, EnuSchema, IdSchema } from './common.ts';
import { unitsForMetric } from '../metrics.ts';
import { METHANE_PLACEMENTS } from '../setpoints.ts';

/** What a sensor measures; gas detectors are one gas each, the weather station many metrics. */
export const SENSOR_KINDS = [
  'gas-flammable', 'gas-cl2', 'gas-nh3', 'gas-h2s', 'gas-co', 'gas-o2', 'gas-hcl', 'gas-so2', 'gas-ch4',
  'pressure', 'temperature', 'level', 'flow', 'weather', 'air-speed', 'roof-displacement',
] as const;
/** Zod enum of {@link SENSOR_KINDS}. */
export const SensorKindSchema = z.enum(SENSOR_KINDS);
/** Parsed form of {@link SensorKindSchema}. */
export type SensorKind = z.infer<typeof SensorKindSchema>;

/** Metric names (unit as suffix) come from the wire protocol; re-exported for site authors. */
export { MetricNameSchema };

/** Unit and physically possible range of one metric; telemetry outside it is rejected. */
export const MetricSpecSchema = z
  .strictObject({ unit: z.string().min(1), minValue: z.number(), maxValue: z.number() })
  .refine((m) => m.minValue < m.maxValue, { message: 'minValue must be below maxValue', path: ['maxValue'] });

/** A device's metrics by name; each name's suffix must agree with its unit. */
export const MetricsSchema = z
  .record(MetricNameSchema, MetricSpecSchema)
  .superRefine((metrics, ctx) => {
    const names = Object.keys(metrics);
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'a device needs at least one metric' });
    for (const name of names) {
      const units = unitsForMetric(name);
      const unit = metrics[name]?.unit;
      if (!units) ctx.addIssue({ code: 'custom', path: [name], message: `metric name has no known unit suffix (e.g. _ppm, _pct, _kpa, _c)` });
      else if (unit !== undefined && !units.includes(unit)) {
        ctx.addIssue({ code: 'custom', path: [name, 'unit'], message: `unit '${unit}' does not match the name's suffix (expected ${units.join(' or ')})` });
      }
    }
  });

const level = z.number().nullable();

/** Alarm set-points of one metric, in its unit; null levels are not configured. Ordering: lowLow < low < high < highHigh. */
export const SetpointsSchema = z
  .strictObject({
    metric: MetricNameSchema,
    lowLow: level,
    low: level,
    high: level,
    highHigh: level,
    /** Where the numbers come from (standard, design value). */
    basis: z.string().min(1),
  })
  .superRefine((s, ctx) => {
    const order = (['lowLow', 'low', 'high', 'highHigh'] as const).filter((k) => s[k] !== null);
    for (let i = 1; i < order.length; i++) {
      const lo = order[i - 1]!, hi = order[i]!;
      if ((s[lo] as number) >= (s[hi] as number)) {
        ctx.addIssue({ code: 'custom', path: [hi], message: `${hi} (${s[hi]}) must be above ${lo} (${s[lo]})` });
      }
    }
    if (order.length === 0) ctx.addIssue({ code: 'custom', message: 'set-points need at least one level' });
  });
/** Parsed form of {@link SetpointsSchema}. */
export type Setpoints = z.infer<typeof SetpointsSchema>;

/** A mine methane sensor's power cut (断电): cut at ≥ cutAtPct, restore below restoreBelowPct, cutting these equipment ids. */
export const PowerCutSchema = z
  .strictObject({
    cutAtPct: z.number().positive(),
    restoreBelowPct: z.number().positive(),
    equipmentIds: z.array(IdSchema).min(1),
  })
  .refine((p) => p.restoreBelowPct <= p.cutAtPct, { message: 'restoreBelowPct must not exceed cutAtPct', path: ['restoreBelowPct'] });
/** Parsed form of {@link PowerCutSchema}. */
export type PowerCut = z.infer<typeof PowerCutSchema>;

/** One sensor (detector, transmitter, weather station); `id` is its telemetry deviceId. */
export const SensorSchema = z
  .strictObject({
    id: DeviceIdSchema,
    kind: SensorKindSchema,
    /** Owner; null for park-operated sensors (weather, fence line). */
    enterpriseId: IdSchema.nullable(),
    position: EnuSchema,
    /** Equipment it watches or is mounted on. */
    equipmentId: IdSchema.optional(),
    /** Pipe segment a flow meter sits on. */
    pipeSegmentId: IdSchema.optional(),
    /** Mine roadway it hangs in. */
    roadwayId: IdSchema.optional(),
    /** Mine methane sensors: the row of the set-point table that applies. */
    placement: z.enum(METHANE_PLACEMENTS).optional(),
    /** Expected reporting interval, ms (staleness is 3× this). */
    intervalMs: z.number().int().positive(),
    metrics: MetricsSchema,
    setpoints: SetpointsSchema.optional(),
    /** Mine methane sensors: what they cut, and when. */
    powerCut: PowerCutSchema.optional(),
  })
  .refine((s) => s.placement === undefined || s.kind === 'gas-ch4', { message: 'only methane sensors have a placement', path: ['placement'] });
/** Parsed form of {@link SensorSchema}. */
export type Sensor = z.infer<typeof SensorSchema>;
