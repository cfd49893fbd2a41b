import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../demo-sites.ts';
import type { ChemicalPark } from '../schema/site.ts';
import { buildTwinScene } from './twin-scene.ts';
import { equipmentBatchKind } from './park-scene.ts';
import { batchOf, indexOf, instancePoint, instanceScale } from './test-support.ts';

const site = getDemoSite('cp-nanjing') as ChemicalPark;
const scene = buildTwinScene(site);

/** A park with one piece of each shape, to check transforms against hand-worked numbers. */
function tinyPark(): ChemicalPark {
  const base = structuredClone(site);
  const e0 = base.equipment.find((e) => e.kind === 'vertical-tank')!;
  return {
    ...base,
    equipment: [
      { ...e0, id: 'T-CYL', kind: 'vertical-tank', position: { eastM: 100, northM: 50, upM: 2 }, geometry: { shape: 'cylinder', diameterM: 20, heightM: 16 } },
      { ...e0, id: 'T-SPH', kind: 'spherical-tank', position: { eastM: -30, northM: 40, upM: 0 }, geometry: { shape: 'sphere', diameterM: 12 } },
      { ...e0, id: 'B-NORTH', kind: 'warehouse', chemical: null, inventoryKg: 0, position: { eastM: 0, northM: 0, upM: 0 }, geometry: { shape: 'box', lengthM: 40, widthM: 10, heightM: 8, headingDeg: 0 } },
    ],
  };
}

describe('park scene: transforms', () => {
  const tiny = buildTwinScene(tinyPark(), { markerSizeM: 4 });

  it('a vertical tank of diameter D and height H at (e, n, u) is a D × H × D cylinder centred H/2 above its base', () => {
    const b = batchOf(tiny, 'tank-vertical');
    const i = indexOf(b, 'T-CYL');
    expect(b.primitive).toBe('cylinder');
    expect(instancePoint(b, i)).toEqual([100, 2 + 8, -50]);
    expect(instanceScale(b, i)).toEqual([20, 16, 20]);
    // The unit cylinder's top rim lands on the tank roof.
    expect(instancePoint(b, i, 0.5, 0.5, 0)).toEqual([110, 18, -50]);
  });

  it('a pressure sphere of diameter D rests on its base point', () => {
    const b = batchOf(tiny, 'tank-sphere');
    const i = indexOf(b, 'T-SPH');
    expect(instancePoint(b, i)).toEqual([-30, 6, -40]);
    expect(instanceScale(b, i)).toEqual([12, 12, 12]);
    expect(instancePoint(b, i, 0, -0.5, 0)[1]).toBe(0);
  });

  it('a box with heading 0° has its length running north (−z)', () => {
    const b = batchOf(tiny, 'equipment-box');
    const i = indexOf(b, 'B-NORTH');
    const end = instancePoint(b, i, 0.5, 0, 0);
    expect(end[0]).toBeCloseTo(0, 5);
    expect(end[1]).toBeCloseTo(4, 5);
    expect(end[2]).toBeCloseTo(-20, 5);
  });
});

describe('park scene: the demo park', () => {
  it('draws every piece of equipment exactly once, in the batch its kind and shape call for', () => {
    let drawn = 0;
    for (const e of site.equipment) {
      const b = batchOf(scene, equipmentBatchKind(e));
      expect(b.entityIds.filter((id) => id === e.id), e.id).toHaveLength(1);
      drawn++;
    }
    const equipmentBatches = scene.batches.filter((b) => ['tank-sphere', 'tank-vertical', 'reactor-cylinder', 'reactor-box', 'column', 'equipment-box'].includes(b.kind));
    expect(equipmentBatches.reduce((n, b) => n + b.count, 0)).toBe(drawn);
    expect(batchOf(scene, 'tank-sphere').count).toBe(site.equipment.filter((e) => e.geometry.shape === 'sphere').length);
    expect(batchOf(scene, 'column').count).toBe(site.equipment.filter((e) => e.kind === 'distillation-column').length);
  });

  it('counts match the description', () => {
    expect(batchOf(scene, 'building').count).toBe(site.buildings.length);
    expect(batchOf(scene, 'pipe').count).toBe(site.pipes.segments.length);
    expect(batchOf(scene, 'valve').count).toBe(site.pipes.valves.length);
    expect(batchOf(scene, 'dike-wall').count).toBe(site.dikes.reduce((n, d) => n + d.polygon.length, 0));
    expect(batchOf(scene, 'sensor').count).toBe(site.sensors.filter((s) => s.kind !== 'weather').length);
    expect(batchOf(scene, 'weather-station').count).toBe(site.sensors.filter((s) => s.kind === 'weather').length);
  });

  it('every pipe segment runs from its from-node to its to-node', () => {
    const nodes = new Map(site.pipes.nodes.map((n) => [n.id, n.position]));
    const b = batchOf(scene, 'pipe');
    site.pipes.segments.forEach((s) => {
      const i = indexOf(b, s.id);
      const a = nodes.get(s.from)!, z = nodes.get(s.to)!;
      const bottom = instancePoint(b, i, 0, -0.5, 0), top = instancePoint(b, i, 0, 0.5, 0);
      expect(bottom[0], s.id).toBeCloseTo(a.eastM, 2);
      expect(bottom[2], s.id).toBeCloseTo(-a.northM, 2);
      expect(top[0], s.id).toBeCloseTo(z.eastM, 2);
      expect(top[1], s.id).toBeCloseTo(z.upM, 2);
    });
  });

  it('valves carry their actuator device (null for manual valves)', () => {
    const b = batchOf(scene, 'valve');
    expect(b.live).toBe('valve');
    for (const v of site.pipes.valves) expect(b.deviceIds![indexOf(b, v.id)], v.id).toBe(v.deviceId);
  });

  it('tours every enterprise and its largest inventory', () => {
    const stops = scene.pois.filter((p) => p.tourStop);
    expect(stops[0]!.kind).toBe('site');
    for (const ent of site.enterprises) expect(stops.some((p) => p.id === ent.id), ent.id).toBe(true);
    const cl2 = site.equipment.filter((e) => e.enterpriseId === 'CP-E1').sort((a, b) => b.inventoryKg - a.inventoryKg)[0]!;
    expect(stops.find((p) => p.id === cl2.id)?.kind).toBe('equipment');
    expect(new Set(scene.pois.map((p) => p.id)).size).toBe(scene.pois.length);
  });
});
