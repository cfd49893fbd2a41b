import { describe, expect, it } from 'vitest';
import type { Point2 } from './geo.ts';
import { zonesEnvelope } from './zone-geometry.ts';

const square = (e: number, n: number, sideM: number): Point2[] => [[e, n], [e + sideM, n], [e + sideM, n + sideM], [e, n + sideM], [e, n]];
/** Shoelace area of a closed planar ring, m². */
const planarAreaM2 = (ring: readonly Point2[]) => Math.abs(ring.slice(1).reduce((s, [x, y], i) => s + ring[i]![0] * y - x * ring[i]![1], 0)) / 2;

describe('zonesEnvelope', () => {
  it('one zone: the ring itself', () => {
    const ring = square(5, 5, 20);
    expect(zonesEnvelope([ring])).toEqual(ring);
  });

  it('two separate zones: the hull spans both and the ground between them', () => {
    const hull = zonesEnvelope([square(0, 0, 10), square(100, 0, 10)]);
    expect(hull[0]).toEqual(hull.at(-1));
    expect(planarAreaM2(hull)).toBeCloseTo(110 * 10, 6);
    expect(new Set(hull.slice(1).map((p) => p.join(',')))).toEqual(new Set(['0,0', '110,0', '110,10', '0,10']));
  });

  it('a zone inside another: the outer one', () => {
    const hull = zonesEnvelope([square(0, 0, 100), square(40, 40, 10)]);
    expect(planarAreaM2(hull)).toBeCloseTo(100 * 100, 6);
  });

  it('degenerate input is refused with the reason', () => {
    expect(() => zonesEnvelope([[[0, 0], [0, 0]], [[1, 1], [1, 1]]])).toThrow(/three distinct vertices/);
  });
});
