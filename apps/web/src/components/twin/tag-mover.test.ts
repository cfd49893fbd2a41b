import { describe, expect, it } from 'vitest';
import { SNAP_DISTANCE_M, TagMover, easeFactor } from './tag-mover.ts';

describe('easeFactor', () => {
  it('is 1 − e^(−dt/τ), 0 for no time, 1 for no smoothing', () => {
    expect(easeFactor(0.6, 0.6)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(easeFactor(0, 0.6)).toBe(0);
    expect(easeFactor(0.016, 0)).toBe(1);
  });
  it('is frame-rate independent: two half steps equal one full step', () => {
    const half = easeFactor(0.05, 0.6), full = easeFactor(0.1, 0.6);
    expect(1 - (1 - half) * (1 - half)).toBeCloseTo(full, 12);
  });
});

describe('TagMover', () => {
  it('takes the first position at once, then eases toward new ones', () => {
    const m = new TagMover(2, 0.5);
    expect(m.isKnown(0)).toBe(false);
    m.setTarget(0, 10, -440, -20);
    expect(m.isKnown(0)).toBe(true);
    expect([...m.current.slice(0, 3)]).toEqual([10, -440, -20]);
    m.setTarget(0, 20, -440, -20);
    expect(m.step(0.5)).toBe(true);
    expect(m.current[0]).toBeCloseTo(10 + 10 * (1 - Math.exp(-1)), 4);
    for (let i = 0; i < 200; i++) m.step(0.1);
    expect(m.current[0]).toBe(20);
    expect(m.step(0.1)).toBe(false);
  });

  it('snaps across long jumps instead of sliding through rock', () => {
    const m = new TagMover(1, 0.5);
    m.setTarget(0, 0, 0, 0);
    m.setTarget(0, SNAP_DISTANCE_M + 1, 0, 0);
    expect(m.current[0]).toBe(SNAP_DISTANCE_M + 1);
  });

  it('writes an upright body standing on its point', () => {
    const m = new TagMover(1);
    m.setTarget(0, 5, -100, 7);
    const out = new Float32Array(16);
    m.writeMatrix(0, out, 2, 4, 1.5);
    expect([...out]).toEqual([3, 0, 0, 0, 0, 6, 0, 0, 0, 0, 3, 0, 5, -97, 7, 1]);
  });
});
