import { describe, expect, it } from 'vitest';
import { TourClock } from './tour.ts';

describe('TourClock', () => {
  it('does nothing until started, then visits every stop in turn every dwell', () => {
    const tour = new TourClock(3, { dwellMs: 12_000 });
    expect(tour.tick(0)).toBe(-1);
    tour.start(1_000);
    expect(tour.tick(1_000)).toBe(0);
    expect(tour.tick(5_000)).toBe(-1);
    expect(tour.tick(13_000)).toBe(1);
    expect(tour.tick(25_000)).toBe(2);
    expect(tour.tick(37_000)).toBe(0);
    expect(tour.current).toBe(0);
  });

  it('holds while the view is in use and carries on after the resume delay', () => {
    const tour = new TourClock(4, { dwellMs: 10_000, resumeAfterMs: 20_000 });
    tour.start(0);
    expect(tour.tick(0)).toBe(0);
    tour.interactionStart();
    expect(tour.isPaused(5_000)).toBe(true);
    expect(tour.tick(60_000)).toBe(-1);
    tour.interactionEnd(60_000);
    expect(tour.tick(79_999)).toBe(-1);
    expect(tour.isPaused(79_999)).toBe(true);
    expect(tour.tick(80_000)).toBe(1);
    expect(tour.isPaused(80_000)).toBe(false);
  });

  it('stops and restarts from the next stop', () => {
    const tour = new TourClock(3, { dwellMs: 1_000 });
    tour.start(0);
    tour.tick(0);
    tour.stop();
    expect(tour.on).toBe(false);
    expect(tour.tick(10_000)).toBe(-1);
    tour.start(10_000);
    expect(tour.tick(10_000)).toBe(1);
  });

  it('with no stops never moves, and refuses bad settings', () => {
    const tour = new TourClock(0);
    tour.start(0);
    expect(tour.tick(100_000)).toBe(-1);
    expect(() => new TourClock(-1)).toThrow(/stopCount/);
    expect(() => new TourClock(2, { dwellMs: 0 })).toThrow(/dwellMs/);
  });
});
