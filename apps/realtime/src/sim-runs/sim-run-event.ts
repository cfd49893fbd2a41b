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
  // UTF-16 length ≥ UTF-8 bytes / 3; results are ASCII JSON, so the length is the byte count.
  if (JSON.stringify(run.result).length <= EVENT_RESULT_MAX_BYTES) return run;
  return { ...run, result: null, resultOmitted: true };
}
