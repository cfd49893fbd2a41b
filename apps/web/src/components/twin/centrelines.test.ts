import { describe, expect, it } from 'vitest';
import { buildTwinScene, getDemoSite, type CoalMine } from '@safetwin/twin-models';
import { CENTRELINE_KINDS, centrelineArrays } from './centrelines.ts';

describe('centrelineArrays', () => {
  const site = getDemoSite('cm-yangquan') as CoalMine;
  const scene = buildTwinScene(site);
  const nodes = new Map(site.roadways.nodes.map((n) => [n.id, n.position]));

  it('runs each roadway line from its from-node to its to-node', () => {
    for (const batch of scene.batches.filter((b) => CENTRELINE_KINDS.has(b.kind))) {
      const { positions } = centrelineArrays(batch);
      expect(positions).toHaveLength(batch.count * 6);
      batch.entityIds.forEach((id, i) => {
        const r = site.roadways.edges.find((e) => e.id === id)!;
        const a = nodes.get(r.from)!, b = nodes.get(r.to)!;
        const got = [...positions.slice(i * 6, i * 6 + 6)];
        const want = [a.eastM, a.upM, -a.northM, b.eastM, b.upM, -b.northM];
        got.forEach((v, k) => expect(v, `${id}[${k}]`).toBeCloseTo(want[k]!, 2));
      });
    }
  });

  it('brightens the tube colour toward white', () => {
    const batch = scene.batches.find((b) => b.kind === 'roadway')!;
    const { colors } = centrelineArrays(batch, 1);
    expect([...colors.slice(0, 6)]).toEqual([1, 1, 1, 1, 1, 1]);
    const plain = centrelineArrays(batch, 0).colors;
    expect(plain[0]).toBeLessThan(1);
  });
});
