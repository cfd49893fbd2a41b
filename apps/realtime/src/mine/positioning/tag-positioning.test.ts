// The positioning service on a real hub (PGlite, and PostgreSQL with DATABASE_URL): the demo
// simulator's ranging tags go through POST /ingest and come out as stored positions on the
// roadways; position tags pass through; bad ranges are refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reading } from '@safetwin/protocol';
import { createSimulator } from '@safetwin/simulator';
import { rangeMetricName, RoadwayGeometry, type CoalMine } from '@safetwin/twin-models';
import { call, login, startTestHub, storeVariants, TEST_GATEWAY_KEY } from '../../test-support/test-hub.ts';
import { TagPositioning } from './tag-positioning.ts';

const T0 = Date.now() - 120_000;

describe.each(storeVariants())('TagPositioning on a hub ($name)', (variant) => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let mine: CoalMine;
  let positioning: TagPositioning;
  let token: string;
  const ingest = (readings: unknown[]) => call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings } });
  const history = async (deviceId: string) => (await call(hub, 'GET', `/sensors/${deviceId}/readings?from=${new Date(T0 - 1000).toISOString()}`, { token })).body;

  beforeAll(async () => {
    hub = await startTestHub(variant);
    mine = hub.registry.all().find((s) => s.kind === 'coal-mine') as CoalMine;
    positioning = new TagPositioning({ site: (id) => hub.registry.site(id) });
    hub.ingest.useTransform(positioning.transform);
    token = await login(hub, 'commander');
  }, 60_000);
  afterAll(() => hub?.dispose());

  it('stores positions on the roadways for ranging tags and passes position tags through', async () => {
    const direct = mine.miners[0]!.tagDeviceId;
    const sim = createSimulator({ sites: [mine], startMs: T0, seed: 3, faultRatePerDeviceHour: 0, maxCatchUpMs: 0, uwb: { report: 'ranges', positionTags: [direct] } });
    const tags: Reading[] = [];
    for (let t = T0; t <= T0 + 30_000; t += 1000) tags.push(...sim.tick(t).filter((r) => r.deviceId.startsWith('CM-TAG')));
    expect(tags.some((r) => Object.keys(r.values).some((m) => m.startsWith('range_')))).toBe(true);
    const res = await ingest(tags);
    expect(res.status).toBe(202);
    expect(res.body.rejected).toEqual([]);
    expect(res.body.accepted).toBe(tags.length);
    expect(positioning.stats.solved).toBeGreaterThan(tags.length * 0.95);

    const geometry = new RoadwayGeometry(mine);
    const offRoadway = (p: [number, number, number]) => Math.min(...geometry.roadways.map((_, i) => geometry.distanceTo(i, p)));
    const ranging = mine.miners[1]!.tagDeviceId;
    for (const id of [ranging, direct]) {
      const h = await history(id);
      expect(h.readings.length).toBeGreaterThan(20);
      for (const r of h.readings) {
        expect(Object.keys(r.values).filter((m) => m.startsWith('range_'))).toEqual([]);
        expect(offRoadway([r.values.east_m, r.values.north_m, r.values.up_m])).toBeLessThan(id === direct ? 1 : 0.01);
      }
    }
  });

  it('refuses a range to an unknown anchor or out of range, naming the metric', async () => {
    const tag = mine.miners[2]!.tagDeviceId;
    const a = mine.uwbAnchors[5]!;
    const bad = await ingest([{ deviceId: tag, ts: T0 + 60_000, seq: 900, values: { range_cm_uwb_a9999_m: 3, battery_pct: 50 } }]);
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/values\.range_cm_uwb_a9999_m: no UWB anchor/);
    const far = await ingest([{ deviceId: tag, ts: T0 + 60_000, seq: 901, values: { [rangeMetricName(a.id)]: 500 } }]);
    expect(far.status).toBe(422);
    expect(far.body.error.message).toMatch(new RegExp(`values\\.${rangeMetricName(a.id)} = 500 is outside the range 0\\.\\.200 m`));
  });

  it('keeps a one-anchor reading without a track as battery and SOS only, and refuses one that carries nothing else', async () => {
    const tag = mine.miners[3]!.tagDeviceId;
    const fresh = new TagPositioning({ site: (id) => hub.registry.site(id) });
    hub.ingest.useTransform(fresh.transform);
    try {
      const metric = rangeMetricName(mine.uwbAnchors[10]!.id);
      const kept = await ingest([{ deviceId: tag, ts: T0 + 70_000, seq: 950, values: { [metric]: 12.3, battery_pct: 77, sos: 0 } }]);
      expect(kept.status).toBe(202);
      expect(kept.body.accepted).toBe(1);
      const onlyRange = await ingest([{ deviceId: tag, ts: T0 + 71_000, seq: 951, values: { [metric]: 12.3 } }]);
      expect(onlyRange.status).toBe(422);
      expect(onlyRange.body.error.message).toMatch(/1 range fix no position/);
      const h = await history(tag);
      const stored = h.readings.find((r: { seq: number }) => r.seq === 950);
      expect(stored.values).toEqual({ battery_pct: 77, sos: 0 });
    } finally {
      hub.ingest.useTransform(positioning.transform);
    }
  });

  it('answers a retried reading with the same position and stores it once', async () => {
    const sim = createSimulator({ sites: [mine], startMs: T0 + 80_000, seed: 4, faultRatePerDeviceHour: 0, maxCatchUpMs: 0, uwb: { report: 'ranges' } });
    const tag = mine.miners[4]!.tagDeviceId;
    const readings = sim.tick(T0 + 82_000).filter((r) => r.deviceId === tag).map((r) => ({ ...r, seq: 10_000 + r.seq }));
    expect(readings.length).toBeGreaterThan(0);
    const first = await ingest(readings);
    const again = await ingest(readings);
    expect(first.body.accepted).toBe(readings.length);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: readings.length });
  });
});
