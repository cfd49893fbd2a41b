import { describe, expect, it } from 'vitest';
import { demoSites, getDemoSite } from '../demo-sites.ts';
import { deviceCatalogue } from '../catalogue.ts';
import { SiteSchema } from '../schema/site.ts';
import { buildTwinScene, defaultMarkerSizeM } from './twin-scene.ts';
import { syntheticSite } from './synthetic-site.ts';
import { instancePoint } from './test-support.ts';

describe('twin scene', () => {
  for (const site of demoSites()) {
    const scene = buildTwinScene(site);

    it(`${site.id}: every drawn device is addressable, and every sensor, valve actuator, power switch and tag is drawn`, () => {
      const catalogue = deviceCatalogue(site);
      const drawn = [...scene.deviceIds()];
      expect(new Set(drawn)).toEqual(new Set(catalogue.keys()));
      for (const deviceId of drawn) {
        const slot = scene.slotOf(deviceId)!;
        const batch = scene.batches[slot.batchIndex]!;
        expect(batch.deviceIds![slot.instance], deviceId).toBe(deviceId);
      }
      expect(scene.slotOf('NO-SUCH-DEVICE')).toBeUndefined();
    });

    it(`${site.id}: sensor markers sit on their sensor`, () => {
      for (const s of site.sensors) {
        const slot = scene.slotOf(s.id)!;
        const batch = scene.batches[slot.batchIndex]!;
        const p = instancePoint(batch, slot.instance, 0, -0.5, 0);
        expect(p[0], s.id).toBeCloseTo(s.position.eastM, 2);
        expect(p[2], s.id).toBeCloseTo(-s.position.northM, 2);
      }
    });

    it(`${site.id}: is deterministic`, () => {
      const again = buildTwinScene(site);
      expect(again.batches.map((b) => b.kind)).toEqual(scene.batches.map((b) => b.kind));
      again.batches.forEach((b, i) => {
        expect(b.matrices, b.kind).toEqual(scene.batches[i]!.matrices);
        expect(b.colors, b.kind).toEqual(scene.batches[i]!.colors);
        expect(b.entityIds, b.kind).toEqual(scene.batches[i]!.entityIds);
      });
      expect(again.pois).toEqual(scene.pois);
    });

    it(`${site.id}: bounds hold every instance, matrices are finite, no batch is empty`, () => {
      const { min, max, center, radiusM } = scene.bounds;
      for (const b of scene.batches) {
        expect(b.count, b.kind).toBeGreaterThan(0);
        expect(b.matrices.every(Number.isFinite), b.kind).toBe(true);
        for (let i = 0; i < b.count; i++) {
          const o = i * 16;
          for (let k = 0; k < 3; k++) {
            const v = b.matrices[o + 12 + k]!;
            if (b.kind === 'miner') continue;
            expect(v, `${b.kind}[${i}]`).toBeGreaterThanOrEqual(min[k]! - 1e-3);
            expect(v, `${b.kind}[${i}]`).toBeLessThanOrEqual(max[k]! + 1e-3);
          }
        }
      }
      expect(radiusM).toBeCloseTo(Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2, 5);
      expect(center[0]).toBeCloseTo((min[0] + max[0]) / 2, 5);
      expect(scene.pois[0]).toMatchObject({ id: site.id, kind: 'site', tourStop: true });
      expect(scene.outlines[0]!.points.length).toBe(site.boundary.length * 2);
    });
  }

  it('frames a mine by its workings, not its (much larger) lease', () => {
    const mine = getDemoSite('cm-yangquan')!;
    const { min, max } = buildTwinScene(mine).bounds;
    const nodes = mine.kind === 'coal-mine' ? mine.roadways.nodes : [];
    const westM = Math.min(...nodes.map((n) => n.position.eastM)), eastM = Math.max(...nodes.map((n) => n.position.eastM));
    expect(min[0]).toBeGreaterThan(westM - 50);
    expect(max[0]).toBeLessThan(eastM + 50);
    expect(min[1]).toBeLessThan(-440);
  });

  it('sizes markers from the site extent (1.5…6 m) unless told', () => {
    const park = getDemoSite('cp-nanjing')!;
    expect(defaultMarkerSizeM(park)).toBeCloseTo(2400 / 1000, 5);
    expect(buildTwinScene(park, { markerSizeM: 7 }).markerSizeM).toBe(7);
    expect(() => buildTwinScene(park, { markerSizeM: -1 })).toThrow(/markerSizeM/);
  });

  // Build times are printed, not asserted (tests never assert a duration): bench:wall measures the wall.
  it('builds a mine with 10,000 sensors and 500 people (time printed)', () => {
    const big = syntheticSite(getDemoSite('cm-yangquan')!, { sensorCount: 10_000, minerCount: 500 });
    buildTwinScene(big); // warm the JIT
    const t0 = performance.now();
    const scene = buildTwinScene(big);
    const elapsedMs = performance.now() - t0;
    expect(scene.batches.find((b) => b.kind === 'sensor')!.count).toBe(10_000);
    expect(scene.batches.find((b) => b.kind === 'miner')!.count).toBe(500);
    console.log(`[twin-scene] mine with 10,000 sensors and 500 people built in ${elapsedMs.toFixed(0)} ms`);
  });

  it('builds a park with 10,000 sensors (time printed)', () => {
    const big = syntheticSite(getDemoSite('cp-nanjing')!, { sensorCount: 10_000 });
    const t0 = performance.now();
    const scene = buildTwinScene(big);
    console.log(`[twin-scene] park with 10,000 sensors built in ${(performance.now() - t0).toFixed(0)} ms`);
    expect([...scene.deviceIds()].length).toBe(deviceCatalogue(big).size);
  });
});

describe('synthetic site', () => {
  it('is still a valid site description', () => {
    for (const site of demoSites()) {
      const big = syntheticSite(site, site.kind === 'coal-mine' ? { sensorCount: 600, minerCount: 120 } : { sensorCount: 1_000 });
      const parsed = SiteSchema.safeParse(big);
      expect(parsed.success, parsed.success ? site.id : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
      expect(big.sensors).toHaveLength(site.kind === 'coal-mine' ? 600 : 1_000);
    }
  });

  it('refuses sizes below the original and miners in a park', () => {
    const park = getDemoSite('cp-nanjing')!;
    expect(() => syntheticSite(park, { sensorCount: 10 })).toThrow(/at least/);
    expect(() => syntheticSite(park, { sensorCount: 1_000, minerCount: 5 })).toThrow(/no miners/);
  });
});

/** A safety officer's view as the hub serves it: items of other enterprises dropped at any depth. */
function ownedBy<T>(value: T, enterpriseId: string): T {
  if (Array.isArray(value)) {
    return value
      .filter((item: unknown) => !(item && typeof item === 'object' && 'enterpriseId' in item) || [null, enterpriseId].includes((item as { enterpriseId: string | null }).enterpriseId))
      .map((item) => ownedBy(item, enterpriseId)) as T;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownedBy(v, enterpriseId)])) as T;
  return value;
}

describe('twin scene of a scoped (safety officer) view', () => {
  it('builds from a park with only one enterprise\'s equipment, pipes, valves and sensors', () => {
    const park = getDemoSite('cp-nanjing')!;
    const view = { ...ownedBy(park, 'CP-E2'), enterprises: park.enterprises.filter((e) => e.id === 'CP-E2') } as typeof park;
    const scene = buildTwinScene(view);
    const drawn = [...scene.deviceIds()];
    expect(new Set(drawn)).toEqual(new Set(deviceCatalogue(view).keys()));
    expect(drawn.every((id) => id.startsWith('CP-E2-') || id.startsWith('CP-PK-'))).toBe(true);
    expect(scene.pois.filter((p) => p.kind === 'enterprise').map((p) => p.id)).toEqual(['CP-E2']);
  });
});
