import { z } from 'zod';

/** How far ahead of the hub's clock a sensor timestamp may be (clock skew allowance), ms. */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
/** How old a reading may be and still be accepted (late gateway buffers), ms. */
export const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
/** Most metrics one reading may carry. */
export const MAX_METRICS_PER_READING = 64;

/** Device ids are printable, URL- and MQTT-topic-safe: e.g. `CP1-GT-017`. */
export const DeviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'deviceId may hold letters, digits and . _ : - only');

/** Metric names carry their unit as a suffix: `h2s_ppm`, `temp_c`, `ch4_pct`. */
export const MetricNameSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'metric names are lower_snake_case with the unit as suffix, e.g. h2s_ppm');

/** Sensor time: epoch milliseconds, or an ISO-8601 string with a zone. */
export const SensorTimeSchema = z.union([
  z.number().int('ts must be whole epoch milliseconds').nonnegative(),
  z.iso.datetime({ offset: true, message: 'ts must be epoch ms or an ISO-8601 date-time with zone' }),
]);

/** One telemetry reading as gateways send it (DESIGN.md §4). */
export const ReadingSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  ts: SensorTimeSchema,
  seq: z.number().int('seq must be an integer').nonnegative().max(Number.MAX_SAFE_INTEGER),
  values: z
    .record(MetricNameSchema, z.number().refine(Number.isFinite, 'values must be finite numbers'))
    .refine((v) => Object.keys(v).length > 0, 'values must hold at least one metric')
    .refine((v) => Object.keys(v).length <= MAX_METRICS_PER_READING, `values may hold at most ${MAX_METRICS_PER_READING} metrics`),
});
export type ReadingInput = z.input<typeof ReadingSchema>;

/** A reading after validation: time normalised to epoch ms. */
export interface Reading {
  deviceId: string;
  /** Sensor time, epoch ms. */
  ts: number;
  seq: number;
  values: Record<string, number>;
}

/** Most readings one HTTP or socket batch may carry. */
export const MAX_READINGS_PER_BATCH = 10_000;

/** HTTP ingestion body: the readings are checked one by one, the envelope as a whole. */
export const IngestRequestSchema = z.strictObject({
  readings: z.array(z.unknown()).min(1, 'readings must hold at least one reading').max(MAX_READINGS_PER_BATCH),
});

/** Why one reading of a batch was refused. */
export const RejectedReadingSchema = z.object({
  index: z.number().int(),
  code: z.string(),
  error: z.string(),
});
export type RejectedReading = z.infer<typeof RejectedReadingSchema>;

/** Answer to an ingestion batch (HTTP 202 body, socket.io ack, MQTT error topic). */
export const IngestResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(RejectedReadingSchema),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

/** Normalises a validated sensor time to epoch ms. */
export function toEpochMs(ts: number | string): number {
  return typeof ts === 'number' ? ts : Date.parse(ts);
}
