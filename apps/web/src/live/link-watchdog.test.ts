import { describe, expect, it } from 'vitest';
import { LinkWatchdog } from './link-watchdog.ts';

describe('LinkWatchdog', () => {
  it('calls the link silent after the silence is seen by two checks in a row, once', () => {
    const dog = new LinkWatchdog(1_500);
    dog.heard(0);
    expect(dog.check(1_000)).toBe(false);
    expect(dog.check(1_600)).toBe(false); // first look over the limit
    expect(dog.check(1_850)).toBe(true); // confirmed: within 2 s of the last message
    expect(dog.silent).toBe(true);
    expect(dog.check(2_100)).toBe(false); // said once
  });
  it('does not flash after a main-thread stall when queued messages follow the late timer', () => {
    const dog = new LinkWatchdog(1_500);
    dog.heard(0);
    expect(dog.check(3_000)).toBe(false); // the timer ran first after a 3 s stall…
    dog.heard(3_001); // …then the queued heartbeats were delivered
    expect(dog.check(3_250)).toBe(false);
    expect(dog.silent).toBe(false);
  });
  it('reports the end of a silence, and stays quiet before anything was heard', () => {
    const dog = new LinkWatchdog(1_500);
    expect(dog.check(10_000)).toBe(false);
    dog.heard(0);
    dog.check(2_000);
    dog.check(2_250);
    expect(dog.heard(2_400)).toBe(true);
    expect(dog.heard(2_500)).toBe(false);
    dog.reset();
    expect(dog.check(99_000)).toBe(false);
  });
});
