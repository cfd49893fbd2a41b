// Playing a transient release's frames over time: which two frames to blend at a release time,
// the playback clock (loops, play/pause, seek), and the "t = 2 min 30 s" caption. The frame loop
// calls `advance` and reads `blend` every frame; neither allocates.

/** Wall-clock seconds one pass through the whole release takes. */
export const LOOP_WALL_S = 12;
/** Wall-clock seconds the last frame is held before the loop starts again. */
export const LOOP_HOLD_S = 1.5;
/** How often listeners (the time slider) hear of the clock while it plays, wall seconds. */
export const NOTIFY_EVERY_S = 0.25;

/** Two frames and the share of the second: what the shader mixes. */
export interface FrameBlend {
  a: number;
  b: number;
  /** 0 = frame a, 1 = frame b. */
  mix: number;
}

/** Writes the blend for release time `tS` into `out`: clamped before the first and after the last frame. */
export function blendAt(timesS: ArrayLike<number>, tS: number, out: FrameBlend): FrameBlend {
  const n = timesS.length;
  if (n === 0) throw new RangeError('blendAt: no frames');
  if (n === 1 || tS <= timesS[0]!) {
    out.a = 0;
    out.b = 0;
    out.mix = 0;
    return out;
  }
  if (tS >= timesS[n - 1]!) {
    out.a = n - 1;
    out.b = n - 1;
    out.mix = 0;
    return out;
  }
  let k = 0;
  while (k < n - 2 && tS >= timesS[k + 1]!) k++;
  const t0 = timesS[k]!, t1 = timesS[k + 1]!;
  out.a = k;
  out.b = k + 1;
  out.mix = t1 > t0 ? (tS - t0) / (t1 - t0) : 0;
  return out;
}

/** The playback clock of one result (null times: a steady plume, nothing to play). */
export class PlumePlayback {
  /** Release time shown, s. */
  tS: number;
  playing: boolean;
  readonly startS: number;
  readonly endS: number;
  /** Release seconds per wall second. */
  readonly speed: number;
  readonly blend: FrameBlend = { a: 0, b: 0, mix: 0 };
  private holdS = 0;
  private sinceNotifyS = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly timesS: readonly number[]) {
    this.startS = timesS[0] ?? 0;
    this.endS = timesS[timesS.length - 1] ?? 0;
    this.speed = this.endS > this.startS ? (this.endS - this.startS) / LOOP_WALL_S : 0;
    this.tS = this.startS;
    this.playing = timesS.length > 1;
    blendAt(timesS.length ? timesS : [0], this.tS, this.blend);
  }

  /** True when there is more than one frame to play. */
  get animated(): boolean {
    return this.timesS.length > 1;
  }

  /** Moves the clock on by `dtS` wall seconds (looping, holding the last frame a moment); updates `blend`. */
  advance(dtS: number): void {
    if (!this.playing || !this.animated) return;
    if (this.tS >= this.endS) {
      this.holdS += dtS;
      if (this.holdS >= LOOP_HOLD_S) {
        this.holdS = 0;
        this.tS = this.startS;
      }
    } else {
      this.tS = Math.min(this.endS, this.tS + dtS * this.speed);
    }
    blendAt(this.timesS, this.tS, this.blend);
    this.sinceNotifyS += dtS;
    if (this.sinceNotifyS >= NOTIFY_EVERY_S) {
      this.sinceNotifyS = 0;
      this.notify();
    }
  }

  /** Jumps to release time `tS` (clamped to the frames). */
  seek(tS: number): void {
    this.tS = Math.min(this.endS, Math.max(this.startS, tS));
    this.holdS = 0;
    blendAt(this.timesS.length ? this.timesS : [0], this.tS, this.blend);
    this.notify();
  }

  setPlaying(playing: boolean): void {
    this.playing = playing && this.animated;
    this.notify();
  }

  /** Listens to clock changes (≤ 4 per second while playing); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** Minutes and seconds of a release time: 150 → { min: 2, s: 30 }. */
export function minutesSeconds(tS: number): { min: number; s: number } {
  const total = Math.max(0, Math.round(tS));
  return { min: Math.floor(total / 60), s: total % 60 };
}
