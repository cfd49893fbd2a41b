import type { SimRunStore } from './sim-run-store.ts';

/** What a heartbeat needs. */
export interface RunHeartbeatDeps {
  store: SimRunStore;
  runId: string;
  /** Each beat extends the lease to the database's now + this, ms. */
  leaseMs: number;
  /** Beat period, ms: also how soon a cancel or a sweep made elsewhere is noticed. */
  everyMs: number;
  /** This process's clock: only paces the beats and reports, never written (leases use the database clock). */
  now: () => number;
  /** The run is no longer running in the database (cancelled, or failed by a sweep): stop computing. */
  onLost: () => void;
  /** New progress was stored as the run's `version`: announce it. */
  onReport: (progress: number, stage: string | null, version: number) => void;
  onError: (err: unknown) => void;
}

/**
 * The computing worker's side of a run's lease: every `everyMs` one conditional UPDATE renews
 * the lease and learns whether the run is still running. The engine's progress is stored and
 * announced with a beat too: at once when the last report is `everyMs` old (leading edge, so a
 * short run still shows its first checkpoint), else with the next beat — at most 1000/everyMs
 * reports a second. Progress only rises and stays below 1 while running (1 is the `done`
 * state's), so announced progress strictly increases.
 */
export class RunHeartbeat {
  private fraction = 0;
  private stage: string | null = null;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private lastReportMs = -Infinity;

  constructor(private readonly deps: RunHeartbeatDeps) {}

  /** The engine's checkpoint callback (called from the worker thread's progress port). */
  readonly progress = (fraction: number, stage: string): void => {
    this.stage = stage;
    if (fraction > this.fraction && fraction < 1) {
      this.fraction = fraction;
      this.dirty = true;
      if (this.timer && this.deps.now() - this.lastReportMs >= this.deps.everyMs) this.beat();
    }
  };

  start(): void {
    this.timer = setInterval(() => this.beat(), this.deps.everyMs);
  }

  private beat(): void {
    if (this.inFlight) return; // the database is slow: never stack beats
    const { store, runId, leaseMs, now } = this.deps;
    const report = this.dirty ? { progress: this.fraction, stage: this.stage } : undefined;
    this.dirty = false;
    if (report) this.lastReportMs = now();
    this.inFlight = store
      .heartbeat(runId, leaseMs, report)
      .then(
        (version) => {
          if (version === null) this.deps.onLost();
          else if (report) this.deps.onReport(report.progress, report.stage, version);
        },
        (err: unknown) => {
          if (report) this.dirty = true;
          this.deps.onError(err);
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
  }

  /**
   * Stops beating and waits for a beat in flight (so no progress is announced after the final
   * state); progress not yet reported goes out in a last beat when the rate allows it.
   */
  async stop(): Promise<void> {
    if (!this.timer) return this.inFlight ?? undefined;
    clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
    if (this.dirty && this.deps.now() - this.lastReportMs >= this.deps.everyMs) {
      this.beat();
      await this.inFlight;
    }
  }
}
