import { describe, expect, it } from 'vitest';
import { likelySources } from './likely-sources.ts';

const ranked = (...ps: number[]) => ps.map((probability, i) => ({ id: `c${i}`, probability }));

describe('likelySources (the credible set the response isolates)', () => {
  it('is the first candidate alone when it holds the coverage', () => {
    expect(likelySources(ranked(0.95, 0.04, 0.01)).map((c) => c.id)).toEqual(['c0']);
  });

  it('adds candidates in rank order until they reach 90 % together', () => {
    expect(likelySources(ranked(0.56, 0.44)).map((c) => c.id)).toEqual(['c0', 'c1']);
    expect(likelySources(ranked(0.5, 0.3, 0.15, 0.05)).map((c) => c.id)).toEqual(['c0', 'c1', 'c2']);
  });

  it('stops at four items however flat the estimate, takes items of zero probability in rank order, and gives nothing for no candidates', () => {
    expect(likelySources(ranked(0.2, 0.2, 0.2, 0.2, 0.2))).toHaveLength(4);
    expect(likelySources(ranked(0, 0)).map((c) => c.id)).toEqual(['c0', 'c1']);
    expect(likelySources([])).toEqual([]);
  });

  it('takes another coverage and size', () => {
    expect(likelySources(ranked(0.6, 0.3, 0.1), 0.5).map((c) => c.id)).toEqual(['c0']);
    expect(likelySources(ranked(0.4, 0.3, 0.3), 0.99, 2).map((c) => c.id)).toEqual(['c0', 'c1']);
  });
});
