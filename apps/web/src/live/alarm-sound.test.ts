import { describe, expect, it } from 'vitest';
import { muteStorageKey, scheduleTones, SOUND_PATTERNS, soundDecision, soundPatternFor, soundPermission } from './alarm-sound.ts';
import { alarmView } from './alarm-test-support.ts';

describe('soundPatternFor (priority-dependent)', () => {
  it('level 1 is an urgent repeating burst, level 2 shorter and slower, level 3 one soft chime, level 4 silent', () => {
    const [l1, l2, l3] = [soundPatternFor(1)!, soundPatternFor(2)!, soundPatternFor(3)!];
    expect(l1.tones).toHaveLength(10);
    expect(l1.repeatMs).toBe(4_000);
    expect(l2.tones.length).toBeLessThan(l1.tones.length);
    expect(l2.repeatMs!).toBeGreaterThan(l1.repeatMs!);
    expect(l3.repeatMs).toBeNull();
    expect(Math.max(...l3.tones.map((t) => t.gain))).toBeLessThan(Math.min(...l1.tones.map((t) => t.gain)));
    expect(soundPatternFor(4)).toBeNull();
  });

  it('every repeating pattern ends before it repeats (no overlapping bursts)', () => {
    for (const pattern of Object.values(SOUND_PATTERNS)) {
      if (!pattern?.repeatMs) continue;
      const endMs = Math.max(...pattern.tones.map((t) => t.offsetMs + t.durationMs));
      expect(endMs).toBeLessThan(pattern.repeatMs);
    }
  });
});

describe('scheduleTones', () => {
  it('places tones on the audio clock in seconds, in order', () => {
    const tones = scheduleTones({ tones: [{ freqHz: 500, offsetMs: 400, durationMs: 100, gain: 0.5 }, { freqHz: 700, offsetMs: 0, durationMs: 250, gain: 1 }], repeatMs: null }, 10);
    expect(tones).toEqual([
      { freqHz: 700, startS: 10, stopS: 10.25, gain: 1 },
      { freqHz: 500, startS: 10.4, stopS: 10.5, gain: 0.5 },
    ]);
  });

  it('level 1 follows the 3+2 rhythm: gaps of 0.2 s inside a burst, longer between bursts', () => {
    const starts = scheduleTones(soundPatternFor(1)!, 0).map((t) => Math.round(t.startS * 1_000));
    expect(starts).toEqual([0, 200, 400, 1_000, 1_200, 1_800, 2_000, 2_200, 2_800, 3_000]);
  });
});

describe('soundDecision', () => {
  const none = new Set<string>();
  const CASES = [
    { title: 'nothing standing: quiet', alarms: [], loop: null, chime: false },
    { title: 'an unacknowledged level 1 loops level 1', alarms: [alarmView({ level: 2 }), alarmView({ id: 'x', level: 1 })], loop: 1, chime: false },
    { title: 'level 2 alone loops level 2', alarms: [alarmView({ level: 2 })], loop: 2, chime: false },
    { title: 'acknowledged level 1 is silent', alarms: [alarmView({ level: 1, state: 'acknowledged' })], loop: null, chime: false },
    { title: 'rtn-unack and shelved are silent', alarms: [alarmView({ level: 1, state: 'rtn-unacknowledged' }), alarmView({ id: 's', level: 1, state: 'shelved' })], loop: null, chime: false },
    { title: 'a new level 3 chimes', alarms: [alarmView({ level: 3 })], loop: null, chime: true },
    { title: 'level 4 is silent', alarms: [alarmView({ level: 4 })], loop: null, chime: false },
  ] as const;
  for (const c of CASES) {
    it(c.title, () => {
      const decision = soundDecision(c.alarms, none);
      expect(decision.loopLevel, c.title).toBe(c.loop);
      expect(decision.chime, c.title).toBe(c.chime);
    });
  }

  it('chimes once per level-3 activation; a repeat (new raisedAt) chimes again', () => {
    const first = soundDecision([alarmView({ level: 3, raisedAt: 1_000 })], none);
    expect(first.chime).toBe(true);
    const again = soundDecision([alarmView({ level: 3, raisedAt: 1_000, count: 1 })], first.heard);
    expect(again.chime).toBe(false);
    const repeat = soundDecision([alarmView({ level: 3, raisedAt: 9_000, count: 2 })], again.heard);
    expect(repeat.chime).toBe(true);
  });
});

describe('soundPermission and the mute key', () => {
  it('muted wins; otherwise on only while the AudioContext runs (autoplay policy)', () => {
    expect(soundPermission(true, 'running')).toBe('muted');
    expect(soundPermission(false, 'running')).toBe('on');
    expect(soundPermission(false, 'suspended')).toBe('blocked');
    expect(soundPermission(false, 'none')).toBe('blocked');
  });
  it('remembers mute per wall', () => {
    expect(muteStorageKey('site:cp-nanjing')).not.toBe(muteStorageKey('region'));
  });
});
