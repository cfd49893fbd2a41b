// Following one simulation run to its end: `sim-run` events move the progress bar; when the run
// is done its result is fetched (`GET /sim/runs/:id`) if the event left it out (`resultOmitted`,
// contract.md). A slow poll covers events lost on a reconnect.
import type { SimRunView } from '@safetwin/protocol';
import type { SimRunFeed } from './sim-run-feed.ts';

/** How often the run is fetched while no event arrives, ms (events are the fast path). */
export const FOLLOW_POLL_MS = 2_000;

/** States after which a run changes no more. */
export const FINAL_STATES: ReadonlySet<SimRunView['state']> = new Set(['done', 'failed', 'cancelled']);

/** A `sim-run` event may say the result was left out for size. */
type RunEvent = SimRunView & { resultOmitted?: boolean; stage?: string };

/** What following a run needs. */
export interface FollowOptions {
  feed: SimRunFeed;
  runId: string;
  fetchRun(runId: string): Promise<SimRunView>;
  /** Every change of the run (progress, stage, state); the last call has a final state and, when done, the result. */
  onUpdate(run: RunEvent): void;
  onError(error: unknown): void;
  pollMs?: number;
}

/** Follows a run until it ends; returns a function that stops following. */
export function followRun({ feed, runId, fetchRun, onUpdate, onError, pollMs = FOLLOW_POLL_MS }: FollowOptions): () => void {
  let stopped = false;
  let fetching = false;
  let lastHeardMs = Date.now();
  // Events can arrive out of order (protocol SimRunView.version): apply only what is newer, or the
  // same version once more when it brings the result the event left out.
  let appliedVersion = -1;
  let appliedResult = false;
  const isNews = (run: RunEvent): boolean => {
    const version = typeof run.version === 'number' ? run.version : Number.MAX_SAFE_INTEGER;
    const hasResult = run.result !== null && run.result !== undefined;
    if (version < appliedVersion || (version === appliedVersion && (appliedResult || !hasResult))) return false;
    appliedVersion = version;
    appliedResult = hasResult;
    return true;
  };
  const refresh = async () => {
    if (fetching || stopped) return;
    fetching = true;
    try {
      const full = await fetchRun(runId);
      if (stopped || !isNews(full)) return;
      if (FINAL_STATES.has(full.state)) stop();
      onUpdate(full);
    } catch (err) {
      if (!stopped) onError(err);
    } finally {
      fetching = false;
    }
  };
  const off = feed.subscribe((run: RunEvent) => {
    if (stopped || run.id !== runId) return;
    lastHeardMs = Date.now();
    if (run.state === 'done' && (run.resultOmitted || run.result === null || run.result === undefined)) {
      if (typeof run.version === 'number' && run.version < appliedVersion) return;
      onUpdate({ ...run, state: 'running', progress: 1 });
      void refresh();
      return;
    }
    if (!isNews(run)) return;
    if (FINAL_STATES.has(run.state)) stop();
    onUpdate(run);
  });
  const timer = setInterval(() => {
    if (Date.now() - lastHeardMs >= pollMs) void refresh();
  }, pollMs / 2);
  function stop() {
    stopped = true;
    off();
    clearInterval(timer);
  }
  return stop;
}
