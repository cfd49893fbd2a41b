// The unattended tour of the wall: visit the points of interest in turn, dwelling on each; pause
// while someone uses the view and carry on once they leave it alone. Pure: time is an argument.

/** Tour timing, ms. */
export interface TourTiming {
  /** Time spent at each stop, flight included. @default 12000 */
  dwellMs?: number;
  /** Idle time after the last interaction before the tour carries on. @default 20000 */
  resumeAfterMs?: number;
}

/** Which stop the tour shows, and when it moves on. */
export class TourClock {
  private running = false;
  private index = -1;
  private nextAtMs = 0;
  private pausedUntilMs = -Infinity;
  private readonly dwellMs: number;
  private readonly resumeAfterMs: number;

  constructor(readonly stopCount: number, timing: TourTiming = {}) {
    if (!Number.isInteger(stopCount) || stopCount < 0) throw new Error(`TourClock: stopCount must be a non-negative integer, got ${stopCount}`);
    this.dwellMs = timing.dwellMs ?? 12_000;
    this.resumeAfterMs = timing.resumeAfterMs ?? 20_000;
    if (!(this.dwellMs > 0) || !(this.resumeAfterMs >= 0)) throw new Error('TourClock: dwellMs must be positive and resumeAfterMs not negative');
  }

  /** Whether the tour is switched on. */
  get on(): boolean {
    return this.running;
  }

  /** The stop shown last (-1 before the first). */
  get current(): number {
    return this.index;
  }

  /** Switches the tour on; the next stop is due at once. */
  start(nowMs: number): void {
    this.running = true;
    this.nextAtMs = nowMs;
    this.pausedUntilMs = -Infinity;
  }

  /** Switches the tour off (it will carry on from the next stop when started again). */
  stop(): void {
    this.running = false;
  }

  /** Someone started using the view: hold the tour until they stop. */
  interactionStart(): void {
    this.pausedUntilMs = Infinity;
  }

  /** Someone stopped using the view (or touched it briefly): hold the tour for the resume delay. */
  interactionEnd(nowMs: number): void {
    this.pausedUntilMs = nowMs + this.resumeAfterMs;
  }

  /** Whether the tour is on but held by an interaction at `nowMs`. */
  isPaused(nowMs: number): boolean {
    return this.running && nowMs < this.pausedUntilMs;
  }

  /** The stop to fly to now, or -1 when nothing is due (off, paused, dwelling, no stops). */
  tick(nowMs: number): number {
    if (!this.running || this.stopCount === 0 || nowMs < this.pausedUntilMs || nowMs < this.nextAtMs) return -1;
    this.index = (this.index + 1) % this.stopCount;
    this.nextAtMs = nowMs + this.dwellMs;
    return this.index;
  }
}
