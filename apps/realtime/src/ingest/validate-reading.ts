import { MAX_AGE_MS, MAX_FUTURE_SKEW_MS, ReadingSchema, toEpochMs, type ErrorCode, type Reading } from '@safetwin/protocol';
import type { DeviceInfo } from '@safetwin/twin-models';

/** Where a reading came from, for checks and provenance. */
export interface IngestSource {
  /** Provenance: the gateway key's id (or channel, `mqtt`) and its number in `gateway_keys`. */
  gatewayId: string;
  gatewayNum: number;
  /** The site the gateway may feed; null: any site. */
  allowedSiteId: string | null;
  /** MQTT: the site and device named by the topic, which the payload must match. */
  topic?: { siteId: string; deviceId: string };
}

/** A reading that passed every check, with its device. */
export interface ValidReading {
  reading: Reading;
  device: DeviceInfo;
}

/** Why a reading was refused. */
export interface ReadingProblem {
  code: ErrorCode;
  message: string;
  /** For a value out of its physical range: which device, metric and value (a sensor-health alarm). */
  outOfRange?: { deviceId: string; metric: string; value: number };
  /**
   * A gas detector driven above its range (a rich cloud saturates a catalytic cell): the
   * reading with those values at the range top, for the alarm engine and rules. It is still
   * refused (not stored), and the out-of-range health alarm is raised too.
   */
  saturated?: Reading;
}

const GAS_KIND = /^gas-/;

/**
 * Rewrites a reading after its device, site and time are checked and before its metrics are:
 * e.g. a UWB tag's ranges solved into a position (mine/positioning). Returns the reading to
 * check and store, or why it is refused.
 */
export type ReadingTransform = (reading: Reading, device: DeviceInfo) => Reading | ReadingProblem;

/** Formats the first zod issue as `path: message`. */
function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'not a reading';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Checks one raw reading: the contract (DESIGN.md §4), a known device on a site this gateway
 * may feed, a plausible time (≤ 1 day ahead, ≤ 1 year old), known metrics within the
 * physically possible range. Returns the reading or the first problem.
 */
export function validateReading(
  raw: unknown,
  source: IngestSource,
  lookup: (deviceId: string) => DeviceInfo | undefined,
  nowMs: number,
  transform?: ReadingTransform,
): ValidReading | ReadingProblem {
  const parsed = ReadingSchema.safeParse(raw);
  if (!parsed.success) return { code: 'ingest:bad-reading', message: describeIssue(parsed.error.issues) };
  const { deviceId, seq } = parsed.data;
  let values = parsed.data.values;
  const device = lookup(deviceId);
  if (!device) return { code: 'ingest:unknown-device', message: `unknown device '${deviceId}'` };
  if (source.allowedSiteId !== null && device.siteId !== source.allowedSiteId)
    return { code: 'ingest:wrong-site', message: `device '${deviceId}' belongs to site '${device.siteId}', which this gateway key may not feed` };
  if (source.topic && (source.topic.deviceId !== deviceId || source.topic.siteId !== device.siteId))
    return { code: 'ingest:wrong-site', message: `topic names ${source.topic.siteId}/${source.topic.deviceId} but the reading is from ${device.siteId}/${deviceId}` };
  const ts = toEpochMs(parsed.data.ts);
  if (ts > nowMs + MAX_FUTURE_SKEW_MS)
    return { code: 'ingest:bad-time', message: `ts ${new Date(ts).toISOString()} is more than a day in the future` };
  if (ts < nowMs - MAX_AGE_MS)
    return { code: 'ingest:bad-time', message: `ts ${new Date(ts).toISOString()} is more than a year in the past` };
  if (transform) {
    const out = transform({ deviceId, ts, seq, values }, device);
    if ('code' in out) return out;
    values = out.values;
  }
  let overRange: ReadingProblem | null = null;
  let saturatedValues: Record<string, number> | null = null;
  for (const [metric, value] of Object.entries(values)) {
    // Own properties only: a metric called `constructor` must not find Object.prototype's.
    const spec = Object.hasOwn(device.metrics, metric) ? device.metrics[metric] : undefined;
    if (!spec) return { code: 'ingest:bad-reading', message: `device '${deviceId}' has no metric '${metric}' (it has ${Object.keys(device.metrics).join(', ')})` };
    if (value >= spec.minValue && value <= spec.maxValue) continue;
    const problem: ReadingProblem = {
      code: 'ingest:out-of-range',
      message: `values.${metric} = ${value} is outside the physical range ${spec.minValue}..${spec.maxValue} ${spec.unit}`,
      outOfRange: { deviceId, metric, value },
    };
    // Above the range of a gas detector: saturated, not impossible; below it (negative): a fault.
    if (!GAS_KIND.test(device.kind) || value < spec.minValue) return problem;
    overRange ??= problem;
    (saturatedValues ??= { ...values })[metric] = spec.maxValue;
  }
  if (overRange && saturatedValues) return { ...overRange, saturated: { deviceId, ts, seq, values: saturatedValues } };
  return { reading: { deviceId, ts, seq, values }, device };
}

/** Narrows a validation result. */
export function isProblem(result: ValidReading | ReadingProblem): result is ReadingProblem {
  return 'code' in result;
}
