import type { SimRunView } from '@safetwin/protocol';

/** Results above this much JSON are left out of `sim-run` events (clients GET the run), bytes. */
export const EVENT_RESULT_MAX_BYTES = 64 * 1024;

/**
 * A run as a `sim-run` event carries it: a large result (an assessment grid) is replaced by
 * `result: null, resultOmitted: true`, so a progress or state change never pushes megabytes
 * to every wall watching the site.
 */
export function simRunEvent(run: SimRunView): SimRunView {
  if (run.result === null || run.result === undefined) return run;
  // String length counts UTF-16 units: the byte count for ASCII JSON, a close estimate otherwise.
  if (JSON.stringify(run.result).length <= EVENT_RESULT_MAX_BYTES) return run;
  return { ...run, result: null, resultOmitted: true };
}
