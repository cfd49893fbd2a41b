import { describe, expect, it } from 'vitest';
import { blendAt, LOOP_HOLD_S, LOOP_WALL_S, minutesSeconds, PlumePlayback } from './plume-field-timing.ts';

describe('blendAt', () => {
  const times = [30, 90, 150, 210];
  const out = { a: -1, b: -1, mix: -1 };
  it('clamps before the first and after the last frame', () => {
    expect(blendAt(times, 0, out)).toEqual({ a: 0, b: 0, mix: 0 });
    expect(blendAt(times, 500, out)).toEqual({ a: 3, b: 3, mix: 0 });
  });
  it('blends the two frames around a time', () => {
    expect(blendAt(times, 105, out)).toEqual({ a: 1, b: 2, mix: 0.25 });
    expect(blendAt(times, 90, out)).toEqual({ a: 1, b: 2, mix: 0 });
  });
  it('writes into the object it is given', () => {
    expect(blendAt([0], 10, out)).toBe(out);
  });
});

describe('PlumePlayback', () => {
  it('plays the whole release in LOOP_WALL_S, holds the last frame, then loops', () => {
    const p = new PlumePlayback([0, 60, 120]);
    expect(p.animated).toBe(true);
    p.advance(LOOP_WALL_S / 2);
    expect(p.tS).toBeCloseTo(60);
    expect(p.blend).toEqual({ a: 1, b: 2, mix: 0 });
    p.advance(LOOP_WALL_S);
    expect(p.tS).toBe(120);
    p.advance(LOOP_HOLD_S);
    expect(p.tS).toBe(0);
  });
  it('pauses, seeks within the frames and tells listeners', () => {
    const p = new PlumePlayback([0, 60, 120]);
    let heard = 0;
    p.subscribe(() => heard++);
    p.setPlaying(false);
    p.advance(5);
    expect(p.tS).toBe(0);
    p.seek(1_000);
    expect(p.tS).toBe(120);
    expect(heard).toBe(2);
  });
  it('a steady plume does not play', () => {
    const p = new PlumePlayback([0]);
    expect(p.animated).toBe(false);
    expect(p.playing).toBe(false);
    p.advance(1);
    expect(p.blend).toEqual({ a: 0, b: 0, mix: 0 });
  });
  it('formats minutes and seconds', () => {
    expect(minutesSeconds(150)).toEqual({ min: 2, s: 30 });
    expect(minutesSeconds(59.6)).toEqual({ min: 1, s: 0 });
  });
});
