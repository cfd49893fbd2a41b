// Plays the wall's alarm sounds with Web Audio oscillators (no audio files, nothing fetched).
// Chromium's autoplay policy starts an AudioContext created without a user gesture as
// `suspended`; `unlock()` (called from a click) resumes it, and `state` tells the wall whether to
// offer "click to enable sound".
import { scheduleTones, soundPatternFor, type SoundPattern } from './alarm-sound.ts';

/** Attack/release of each tone, s: short enough to stay crisp, long enough not to click. */
const RAMP_S = 0.01;
/** Master volume under the patterns' own gains. */
const MASTER_GAIN = 0.35;

/** Owns one AudioContext for a wall and loops or chimes the patterns of alarm-sound.ts. */
export class AlarmSoundPlayer {
  private context: AudioContext | null = null;
  private loopTimer: ReturnType<typeof setInterval> | undefined;
  private loopLevel: 1 | 2 | null = null;
  private readonly listeners = new Set<() => void>();

  /** The AudioContext's state, or `none` where Web Audio is missing (or not created yet). */
  get state(): AudioContextState | 'none' {
    return this.context?.state ?? 'none';
  }

  /** Creates the context (suspended without a prior gesture); returns false where Web Audio is missing. */
  init(): boolean {
    if (this.context) return true;
    const Ctor = typeof window === 'undefined' ? undefined : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
    if (!Ctor) return false;
    this.context = new Ctor();
    this.context.onstatechange = () => this.notify();
    return true;
  }

  /** Resumes audio after a user gesture (a click on the wall's sound button). */
  async unlock(): Promise<void> {
    if (!this.init()) return;
    try {
      await this.context!.resume();
    } catch {
      // Still blocked: the wall keeps offering the button.
    }
    this.notify();
  }

  /** Repeats a level's pattern (1 or 2) until changed; null stops. Starting the same level again does not restart it. */
  loop(level: 1 | 2 | null): void {
    if (level === this.loopLevel) return;
    clearInterval(this.loopTimer);
    this.loopTimer = undefined;
    this.loopLevel = level;
    if (level === null) return;
    const pattern = soundPatternFor(level)!;
    this.play(pattern);
    if (pattern.repeatMs !== null) this.loopTimer = setInterval(() => this.play(pattern), pattern.repeatMs);
  }

  /** One soft chime (a new level-3 alarm). */
  chime(): void {
    const pattern = soundPatternFor(3);
    if (pattern) this.play(pattern);
  }

  /** Listens for state changes (suspended ↔ running); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops everything and closes the context. */
  close(): void {
    this.loop(null);
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.listeners.clear();
  }

  private play(pattern: SoundPattern): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    for (const tone of scheduleTones(pattern, context.currentTime + 0.05)) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = tone.freqHz;
      gain.gain.setValueAtTime(0, tone.startS);
      gain.gain.linearRampToValueAtTime(tone.gain * MASTER_GAIN, tone.startS + RAMP_S);
      gain.gain.setValueAtTime(tone.gain * MASTER_GAIN, Math.max(tone.startS + RAMP_S, tone.stopS - RAMP_S));
      gain.gain.linearRampToValueAtTime(0, tone.stopS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(tone.startS);
      oscillator.stop(tone.stopS + 0.01);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
