// How a tag reading carries its UWB ranges: one metric per anchor heard, named after the
// anchor, `range_<anchor id in lower_snake>_m` (CM-UWB-A0017 → range_cm_uwb_a0017_m), value the
// range in metres. The reading contract stays as it is (lower_snake metric names with the unit
// suffix, at most MAX_METRICS_PER_READING per reading): a gateway that reports positions keeps
// sending east_m / north_m / up_m, one that reports ranges sends these; the hub turns ranges
// into a position before anything else sees the reading. Anchor ids, not their order in the
// site description, name the metric: adding an anchor renumbers nothing.
import { MAX_METRICS_PER_READING, MetricNameSchema } from '@safetwin/protocol';

/** Prefix and suffix of a range metric. */
const PREFIX = 'range_';
const SUFFIX = '_m';
/** Metrics a ranging tag sends besides its ranges (battery_pct, sos): room left for them. */
const OTHER_TAG_METRICS = 2;
/** Most ranges one tag reading carries (the nearest anchors first); far below the reading's metric limit. */
export const MAX_RANGES_PER_READING = Math.min(16, MAX_METRICS_PER_READING - OTHER_TAG_METRICS);
/** Longest range accepted, m: UWB in a straight roadway reaches 60–80 m reliably; 200 m bounds a wrong value. */
export const MAX_RANGE_M = 200;

/** The metric that carries the range to `anchorId`; throws when the id cannot make a metric name (too long). */
export function rangeMetricName(anchorId: string): string {
  const name = PREFIX + anchorId.toLowerCase().replace(/[^a-z0-9]+/g, '_') + SUFFIX;
  const ok = MetricNameSchema.safeParse(name);
  if (!ok.success) throw new Error(`anchor '${anchorId}' makes no valid range metric name ('${name}': ${ok.error.issues[0]?.message})`);
  return name;
}

/** Whether a metric name is a range metric (by its form; the anchor may still be unknown). */
export function isRangeMetric(metric: string): boolean {
  return metric.startsWith(PREFIX) && metric.endsWith(SUFFIX) && metric.length > PREFIX.length + SUFFIX.length;
}

/** Range metric name → anchor id, for one site's anchors; throws when two anchors map to one name. */
export function rangeMetricIndex(anchorIds: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of anchorIds) {
    const name = rangeMetricName(id);
    const other = out.get(name);
    if (other !== undefined) throw new Error(`anchors '${other}' and '${id}' both map to the range metric '${name}'`);
    out.set(name, id);
  }
  return out;
}

/** A tag reading's values split into ranges (by anchor id) and the other metrics, or the first bad range. */
export type SplitRanges =
  | { ok: true; ranges: Array<{ anchorId: string; rangeM: number }>; others: Record<string, number> }
  | { ok: false; metric: string; message: string };

/** Splits a tag reading's values into its ranges and its other metrics, checking each range. */
export function splitRangeValues(values: Readonly<Record<string, number>>, index: ReadonlyMap<string, string>): SplitRanges {
  const ranges: Array<{ anchorId: string; rangeM: number }> = [];
  const others: Record<string, number> = {};
  for (const [metric, value] of Object.entries(values)) {
    if (!isRangeMetric(metric)) {
      others[metric] = value;
      continue;
    }
    const anchorId = index.get(metric);
    if (anchorId === undefined) return { ok: false, metric, message: `values.${metric}: no UWB anchor of this site has that range metric` };
    if (!(value >= 0 && value <= MAX_RANGE_M)) return { ok: false, metric, message: `values.${metric} = ${value} is outside the range 0..${MAX_RANGE_M} m` };
    ranges.push({ anchorId, rangeM: value });
  }
  return { ok: true, ranges, others };
}
