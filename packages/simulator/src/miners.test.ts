import { describe, expect, it } from 'vitest';
import { demoSites } from '@safetwin/twin-models';
import type { Reading } from '@safetwin/protocol';
import { createSimulator } from './simulator.ts';
import { MinerWalker, WalkGraph } from './miners.ts';
import { Rng } from './prng.ts';

const MINE = demoSites().find((s) => s.kind === 'coal-mine')!;
const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
type P = { eastM: number; northM: number; upM: number };
const NODE = new Map(MINE.roadways.nodes.map((n) => [n.id, n.position]));
const SEGMENTS = MINE.roadways.edges.map((e) => [NODE.get(e.from)!, NODE.get(e.to)!] as const);

/** 3D distance from p to the segment ab, m. */
function distanceToSegment(p: P, a: P, b: P): number {
  const d = [b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM];
  const w = [p.eastM - a.eastM, p.northM - a.northM, p.upM - a.upM];
  const len2 = d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (w[0]! * d[0]! + w[1]! * d[1]! + w[2]! * d[2]!) / len2));
  return Math.hypot(w[0]! - t * d[0]!, w[1]! - t * d[1]!, w[2]! - t * d[2]!);
}
const nearestRoadwayM = (p: P) => Math.min(...SEGMENTS.map(([a, b]) => distanceToSegment(p, a, b)));
const at = (r: Reading): P => ({ eastM: r.values.east_m!, northM: r.values.north_m!, upM: r.values.up_m! });

describe('miners', () => {
  it('stay on the roadways, move at walking speed, and most of them move within an hour', () => {
    const sim = createSimulator({ sites: [MINE], startMs: T0, seed: 8, faultRatePerDeviceHour: 0, maxCatchUpMs: 0 });
    const tags = new Map<string, Reading[]>();
    for (let t = T0; t <= T0 + 3_600_000; t += 2000) {
      for (const r of sim.tick(t)) {
        if (!r.deviceId.startsWith('CM-TAG')) continue;
        const list = tags.get(r.deviceId) ?? [];
        list.push(r);
        tags.set(r.deviceId, list);
      }
    }
    expect(tags.size).toBe(MINE.miners.length);
    const off: string[] = [];
    const tooFast: string[] = [];
    let moved = 0;
    for (const [id, rs] of tags) {
      let farthest = 0;
      const first = at(rs[0]!);
      rs.forEach((r, i) => {
        const q = at(r);
        farthest = Math.max(farthest, Math.hypot(q.eastM - first.eastM, q.northM - first.northM, q.upM - first.upM));
        const d = nearestRoadwayM(at(r));
        if (d > 1) off.push(`${id} ${d.toFixed(2)} m off at ${r.ts}`);
        if (i > 0) {
          const p = at(rs[i - 1]!), q = at(r);
          const step = Math.hypot(q.eastM - p.eastM, q.northM - p.northM, q.upM - p.upM);
          // 1.5 m/s at most, plus UWB noise on both fixes.
          if (step > 1.5 * ((r.ts - rs[i - 1]!.ts) / 1000) + 1.2) tooFast.push(`${id} ${step.toFixed(1)} m in ${r.ts - rs[i - 1]!.ts} ms`);
        }
      });
      if (farthest > 20) moved++; // well beyond UWB noise
      const battery = rs.map((r) => r.values.battery_pct!);
      expect(battery.every((b) => b >= 0 && b <= 100)).toBe(true);
      expect(rs.every((r) => r.values.sos === 0)).toBe(true);
    }
    expect(off.slice(0, 5)).toEqual([]);
    expect(tooFast.slice(0, 5)).toEqual([]);
    expect(moved / tags.size).toBeGreaterThan(0.5);
  });

  it('would notice a position off the roadways (the check can fail)', () => {
    expect(nearestRoadwayM({ eastM: 500, northM: 500, upM: -440 })).toBeGreaterThan(1);
  });

  it('routes along the graph: a walk from the face to the shaft bottom follows connected legs', () => {
    const graph = new WalkGraph(MINE.roadways);
    const face = graph.edgeOf('CM-R-14'), link = graph.edgeOf('CM-R-05');
    expect(face).toBeGreaterThanOrEqual(0);
    expect(graph.edgeOf('CM-R-01'), 'shafts are not walked').toBe(-1);
    const legs = graph.route(face, 50, link, 10);
    expect(legs[0]!.edge).toBe(face);
    expect(legs.at(-1)!.edge).toBe(link);
    const end = (e: number, m: number) => graph.pointOn(e, m, { eastM: 0, northM: 0, upM: 0 });
    for (let i = 1; i < legs.length; i++) {
      const a = end(legs[i - 1]!.edge, legs[i - 1]!.toM), b = end(legs[i]!.edge, legs[i]!.fromM);
      expect(Math.hypot(a.eastM - b.eastM, a.northM - b.northM, a.upM - b.upM)).toBeLessThan(1e-6);
    }
  });

  it('drains the tag battery slowly and swaps it when low', () => {
    const graph = new WalkGraph(MINE.roadways);
    const w = new MinerWalker(graph, graph.edgeOf('CM-R-14'), new Rng(1, 'battery'), T0, { meanSpeedMS: 1, meanPauseMs: 600_000, errandChance: 0.2 });
    const b0 = w.batteryPct;
    w.advance(T0 + 3_600_000);
    expect(b0 - w.batteryPct).toBeGreaterThan(0.2);
    expect(b0 - w.batteryPct).toBeLessThan(1);
    w.advance(T0 + 400 * 3_600_000);
    expect(w.batteryPct).toBeGreaterThanOrEqual(10);
  });
});
