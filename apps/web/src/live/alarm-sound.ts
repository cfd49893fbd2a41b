// What the wall sounds, as pure functions: a tone pattern per alarm level (IEC 60601-1-8-like:
// level 1 an urgent repeating burst, level 2 a shorter, slower one, level 3 one soft chime per new
// alarm, level 4 silent), which level sounds for a standing list, and the tones' start/stop times
// on an AudioContext clock. The player (alarm-sound-player.ts) only turns these into oscillators.
import type { AlarmView } from '@safetwin/protocol';

/** One tone of a pattern, relative to the pattern's start. */
export interface Tone {
  freqHz: number;
  offsetMs: number;
  durationMs: number;
  /** Peak gain, 0–1 (before the wall's master volume). */
  gain: number;
}

/** A level's sound: its tones, and how often it repeats while the alarm waits (null: once). */
export interface SoundPattern {
  tones: readonly Tone[];
  repeatMs: number | null;
}

/** A burst of `n` equal tones `gapMs` apart (start to start). */
function burst(freqsHz: readonly number[], durationMs: number, gapMs: number, gain: number): Tone[] {
  return freqsHz.map((freqHz, i) => ({ freqHz, offsetMs: i * gapMs, durationMs, gain }));
}

/**
 * Patterns per level. Level 1: ten fast pulses in 3+2 (twice), every 4 s — IEC 60601-1-8's
 * high-priority rhythm, which nobody mistakes for anything else. Level 2: three slower pulses
 * every 15 s (medium priority). Level 3: one soft two-note chime, once. Level 4: nothing.
 */
export const SOUND_PATTERNS: Readonly<Record<AlarmView['level'], SoundPattern | null>> = {
  1: {
    tones: [
      ...burst([988, 988, 988], 120, 200, 0.9),
      ...burst([988, 988], 120, 200, 0.9).map((t) => ({ ...t, offsetMs: t.offsetMs + 1_000 })),
      ...burst([988, 988, 988], 120, 200, 0.9).map((t) => ({ ...t, offsetMs: t.offsetMs + 1_800 })),
      ...burst([988, 988], 120, 200, 0.9).map((t) => ({ ...t, offsetMs: t.offsetMs + 2_800 })),
    ],
    repeatMs: 4_000,
  },
  2: { tones: burst([740, 740, 740], 200, 400, 0.6), repeatMs: 15_000 },
  3: { tones: [...burst([660], 350, 0, 0.25), { freqHz: 880, offsetMs: 300, durationMs: 500, gain: 0.2 }], repeatMs: null },
  4: null,
};

/** The pattern for a level; null when the level is silent. */
export function soundPatternFor(level: AlarmView['level']): SoundPattern | null {
  return SOUND_PATTERNS[level];
}

/** A tone placed on an audio clock, seconds. */
export interface ScheduledTone {
  freqHz: number;
  startS: number;
  stopS: number;
  gain: number;
}

/** Places a pattern's tones at `startS` on an AudioContext clock (ordered by start). */
export function scheduleTones(pattern: SoundPattern, startS: number): ScheduledTone[] {
  return pattern.tones
    .map((tone) => ({ freqHz: tone.freqHz, startS: startS + tone.offsetMs / 1_000, stopS: startS + (tone.offsetMs + tone.durationMs) / 1_000, gain: tone.gain }))
    .sort((a, b) => a.startS - b.startS);
}

/** What the wall should sound now: a repeating level (1 or 2) while such an alarm waits for acknowledgement, and a chime for a new level-3 alarm. */
export interface SoundDecision {
  /** The level whose pattern repeats, or null for quiet. */
  loopLevel: 1 | 2 | null;
  /** Whether to chime once now (a level-3 activation not heard before). */
  chime: boolean;
  /** Activations already announced (`id@raisedAt`), to pass to the next decision. */
  heard: ReadonlySet<string>;
}

/** Activation key: a repeat of the same alarm point is a new activation. */
function activationKey(alarm: AlarmView): string {
  return `${alarm.id}@${alarm.raisedAt ?? 0}`;
}

/**
 * Decides the sound for a standing list. Only `unacknowledged` alarms sound (ISA-18.2: an alarm
 * that returned to normal, or was acknowledged, shelved or suppressed, is silent); acknowledging
 * silences it. `heard` keeps a level-3 chime to once per activation.
 */
export function soundDecision(alarms: readonly AlarmView[], heard: ReadonlySet<string>): SoundDecision {
  let loopLevel: 1 | 2 | null = null;
  let chime = false;
  const nextHeard = new Set<string>();
  for (const alarm of alarms) {
    if (alarm.state !== 'unacknowledged') continue;
    if (alarm.level === 1) loopLevel = 1;
    else if (alarm.level === 2 && loopLevel === null) loopLevel = 2;
    else if (alarm.level === 3) {
      const key = activationKey(alarm);
      nextHeard.add(key);
      if (!heard.has(key)) chime = true;
    }
  }
  return { loopLevel, chime, heard: nextHeard };
}

/** Why the wall is quiet or not: the user muted it, the browser blocks audio until a click, or it may sound. */
export type SoundPermission = 'muted' | 'blocked' | 'on';

/** The wall's sound state from the mute toggle and the AudioContext's state (`suspended` before a user gesture under Chromium's autoplay policy). */
export function soundPermission(muted: boolean, contextState: AudioContextState | 'none'): SoundPermission {
  if (muted) return 'muted';
  return contextState === 'running' ? 'on' : 'blocked';
}

/** localStorage key of a wall's mute toggle (`site:cp-nanjing`, `region`). */
export function muteStorageKey(wallId: string): string {
  return `safetwin.alarm-sound.muted.${wallId}`;
}
