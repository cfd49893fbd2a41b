import { describe, expect, it } from 'vitest';
import { buildAdjacency, connectedComponents, reachableFrom } from './graph.ts';
import { pointInPolygon, polygonAreaM2 } from './geometry.ts';

describe('graph helpers', () => {
  const edges = [
    { id: 'a', from: '1', to: '2' },
    { id: 'b', from: '2', to: '3' },
    { id: 'c', from: '4', to: '5' },
  ];
  it('finds components, largest first', () => {
    expect(connectedComponents(['1', '2', '3', '4', '5', '6'], edges).map((c) => [...c].sort())).toEqual([['1', '2', '3'], ['4', '5'], ['6']]);
  });
  it('follows direction when asked', () => {
    expect([...reachableFrom(buildAdjacency(['1', '2', '3'], edges, true), ['2'])].sort()).toEqual(['2', '3']);
    expect([...reachableFrom(buildAdjacency(['1', '2', '3'], edges), ['2'])].sort()).toEqual(['1', '2', '3']);
  });
});

describe('geometry helpers', () => {
  const square = [{ eastM: 0, northM: 0 }, { eastM: 10, northM: 0 }, { eastM: 10, northM: 10 }, { eastM: 0, northM: 10 }];
  const CASES = [
    { title: 'inside', p: { eastM: 5, northM: 5 }, inside: true },
    { title: 'outside', p: { eastM: 15, northM: 5 }, inside: false },
    { title: 'on an edge', p: { eastM: 10, northM: 3 }, inside: true },
    { title: 'on a vertex', p: { eastM: 0, northM: 0 }, inside: true },
  ];
  for (const c of CASES) it(`point in polygon: ${c.title}`, () => expect(pointInPolygon(c.p, square), c.title).toBe(c.inside));
  it('area of a 10 m square', () => expect(polygonAreaM2(square)).toBe(100));
});
