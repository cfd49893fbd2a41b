import { describe, expect, it } from 'vitest';
import { reconnectAction, trendGapMs } from './use-trend.ts';

describe('reconnectAction', () => {
  const CASES = [
    { title: 'first connection: nothing to catch up', prev: 'connecting', next: 'live', loaded: false, expected: 'none' },
    { title: 'back after a loss with the hour held: fetch the gap', prev: 'lost', next: 'live', loaded: true, expected: 'refill' },
    { title: 'back after a loss without the hour (first fetch failed): fetch it all', prev: 'lost', next: 'live', loaded: false, expected: 'reload' },
    { title: 'losing the link: nothing yet', prev: 'live', next: 'lost', loaded: true, expected: 'none' },
    { title: 'refused: nothing', prev: 'lost', next: 'refused', loaded: true, expected: 'none' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(reconnectAction(c.prev, c.next, c.loaded), c.title).toBe(c.expected));
});

describe('trendGapMs', () => {
  it('breaks the line after 3× the interval (the staleness rule)', () => {
    expect(trendGapMs(500)).toBe(1500);
    expect(trendGapMs(null)).toBe(3000);
  });
});
