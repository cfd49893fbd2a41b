import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../demo-sites.ts';
import type { CoalMine } from '../schema/site.ts';
import { buildTwinScene } from './twin-scene.ts';
import { arrowCount, carriesReturnAir, roadwayBatchKind, tubeDiameterM } from './mine-scene.ts';
import { MINE_COLORS } from './structure-colors.ts';
import { batchOf, indexOf, instancePoint, instanceScale } from './test-support.ts';

const site = getDemoSite('cm-yangquan') as CoalMine;
const scene = buildTwinScene(site, { arrowSpacingM: 80 });
const nodes = new Map(site.roadways.nodes.map((n) => [n.id, n.position]));

describe('mine scene', () => {
  it('draws every roadway once as a tube between its nodes, sized by its cross-section', () => {
    for (const r of site.roadways.edges) {
      const b = batchOf(scene, roadwayBatchKind(r.kind));
      const i = indexOf(b, r.id);
      const a = nodes.get(r.from)!, z = nodes.get(r.to)!;
      const start = instancePoint(b, i, 0, -0.5, 0), end = instancePoint(b, i, 0, 0.5, 0);
      expect(start[1], r.id).toBeCloseTo(a.upM, 2);
      expect(end[0], r.id).toBeCloseTo(z.eastM, 2);
      expect(end[2], r.id).toBeCloseTo(-z.northM, 2);
      expect(instanceScale(b, i)[0], r.id).toBeCloseTo(Math.max(tubeDiameterM(r.crossSectionM2), 1.5), 4);
      expect(b.translucent).toBe(true);
    }
    const tubes = scene.batches.filter((b) => ['roadway', 'shaft', 'workface', 'vent-duct'].includes(b.kind));
    expect(tubes.reduce((n, b) => n + b.count, 0)).toBe(site.roadways.edges.length);
    expect(batchOf(scene, 'shaft').count).toBe(site.roadways.edges.filter((r) => r.kind === 'shaft').length);
  });

  it('puts arrows on every ventilated roadway, each pointing from → to (with the airflow)', () => {
    const arrows = batchOf(scene, 'vent-arrow');
    const flowing = site.roadways.edges.filter((r) => r.airflowM3S > 0);
    expect(arrows.count).toBe(flowing.reduce((n, r) => n + arrowCount(r.lengthM, 80), 0));
    for (let i = 0; i < arrows.count; i++) {
      const r = site.roadways.edges.find((e) => e.id === arrows.entityIds[i])!;
      const a = nodes.get(r.from)!, z = nodes.get(r.to)!;
      const flow = [z.eastM - a.eastM, z.upM - a.upM, -(z.northM - a.northM)];
      const tip = instancePoint(arrows, i, 0, 0.5, 0), tail = instancePoint(arrows, i, 0, -0.5, 0);
      const dot = (tip[0] - tail[0]) * flow[0]! + (tip[1] - tail[1]) * flow[1]! + (tip[2] - tail[2]) * flow[2]!;
      expect(dot, `${r.id} arrow ${i}`).toBeGreaterThan(0);
    }
  });

  it('tells return air from fresh air', () => {
    const up = { eastM: 0, northM: 0, upM: 0 }, down = { eastM: 0, northM: 0, upM: -450 };
    expect(carriesReturnAir({ kind: 'shaft' }, down, up)).toBe(true);
    expect(carriesReturnAir({ kind: 'shaft' }, up, down)).toBe(false);
    expect(carriesReturnAir({ kind: 'return-airway' }, down, down)).toBe(true);
    expect(carriesReturnAir({ kind: 'intake-airway' }, down, down)).toBe(false);
    const arrows = batchOf(scene, 'vent-arrow');
    const ventShaft = indexOf(arrows, 'CM-R-21');
    const fresh = indexOf(arrows, 'CM-R-01');
    expect(arrows.colors[ventShaft * 3]).toBeCloseTo(((MINE_COLORS.arrowReturn >> 16) & 0xff) / 255, 5);
    expect(arrows.colors[fresh * 3]).toBeCloseTo(((MINE_COLORS.arrowFresh >> 16) & 0xff) / 255, 5);
  });

  it('every machine carries its power device; miners their tag, hidden until heard', () => {
    const machines = batchOf(scene, 'machine');
    expect(machines.live).toBe('power');
    for (const e of site.equipment) expect(machines.deviceIds![indexOf(machines, e.id)], e.id).toBe(e.deviceId);
    const miners = batchOf(scene, 'miner');
    expect(miners.live).toBe('tag');
    expect(miners.count).toBe(site.miners.length);
    for (const m of site.miners) {
      const i = indexOf(miners, m.id);
      expect(miners.deviceIds![i]).toBe(m.tagDeviceId);
      expect(instanceScale(miners, i)).toEqual([0, 0, 0]);
    }
  });

  it('counts match the description', () => {
    expect(batchOf(scene, 'uwb-anchor').count).toBe(site.uwbAnchors.length);
    expect(batchOf(scene, 'refuge-chamber').count).toBe(site.refugeChambers.length);
    expect(batchOf(scene, 'sensor').count).toBe(site.sensors.length);
  });

  it('tours the shafts, the face, the heading face and the refuges', () => {
    const stops = scene.pois.filter((p) => p.tourStop);
    const kinds = stops.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'shaft')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'workface')).toHaveLength(1);
    expect(stops.filter((p) => p.kind === 'heading').map((p) => p.id)).toEqual(['CM-R-17']);
    expect(kinds.filter((k) => k === 'refuge-chamber')).toHaveLength(site.refugeChambers.length);
    const face = scene.pois.find((p) => p.kind === 'workface')!;
    expect(face.center[1]).toBeCloseTo(-430, 0);
    expect(face.radiusM).toBeGreaterThan(100);
  });

  it('refuses a non-positive arrow spacing', () => {
    expect(() => buildTwinScene(site, { arrowSpacingM: 0 })).toThrow(/arrowSpacingM/);
  });
});
