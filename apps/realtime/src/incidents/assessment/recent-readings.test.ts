// RecentReadings: what it keeps (gas detectors' gas metrics with zeros, stations' wind, flow, tags), what
// it skips (other sensors, mines), and its bound (a ring per device sized for the window).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { demoSites, type ChemicalPark, type Site } from '@safetwin/twin-models';
import { SiteRegistry } from '../../sites/site-registry.ts';
import { RecentReadings, RECENT_WINDOW_MS } from './recent-readings.ts';
import { SampleRing } from './sample-ring.ts';

describe('RecentReadings', () => {
  let db: SqlClient;
  let registry: SiteRegistry;
  let park: ChemicalPark;
  let mine: Site;
  beforeAll(async () => {
    db = await openDatabase({});
    registry = new SiteRegistry(db);
    for (const site of demoSites()) await registry.upsert(site);
    park = demoSites().find((s) => s.kind === 'chemical-park') as ChemicalPark;
    mine = demoSites().find((s) => s.kind === 'coal-mine')!;
  });
  afterAll(() => db.close());
  const sensorOf = (kind: string) => park.sensors.find((s) => s.kind === kind)!;

  it('keeps gas readings (zeros too), the stations\' wind and the flow transmitters\' flow; skips other sensors and mine devices', () => {
    const recent = new RecentReadings(registry);
    const cl2 = sensorOf('gas-cl2'), lel = sensorOf('gas-flammable'), station = sensorOf('weather'), pressure = sensorOf('pressure'), flow = sensorOf('flow');
    const mineDevice = registry.devicesOf(mine.id).find((d) => d.kind.startsWith('gas-'))!;
    const t = 1_780_000_000_000;
    recent.observe([
      { deviceId: cl2.id, ts: t, seq: 1, values: { cl2_ppm: 0 } },
      { deviceId: cl2.id, ts: t + 1000, seq: 2, values: { cl2_ppm: 0.42 } },
      { deviceId: lel.id, ts: t, seq: 1, values: { lel_pct: 3 } },
      { deviceId: station.id, ts: t, seq: 1, values: { wind_speed_ms: 2.5, wind_dir_deg: 90, air_temp_c: 21, rh_pct: 60, solar_rad_w_m2: 400 } },
      { deviceId: pressure.id, ts: t, seq: 1, values: { pressure_kpa: 500 } },
      { deviceId: flow.id, ts: t, seq: 1, values: { flow_kg_s: 0.83 } },
      { deviceId: mineDevice.deviceId, ts: t, seq: 1, values: { [Object.keys(mineDevice.metrics)[0]!]: 0.3 } },
    ]);
    expect(recent.series(cl2.id, t)).toEqual({ tMs: [t, t + 1000], columns: [[0, expect.closeTo(0.42, 6)]] });
    expect(recent.series(lel.id, 0)!.columns).toEqual([[3]]);
    const wind = recent.series(station.id, 0)!;
    expect(wind.tMs).toEqual([t]);
    expect(wind.columns.map((c) => c[0])).toEqual([2.5, 90, 21, 400]); // speed, direction, temperature, radiation (not humidity)
    expect(recent.series(pressure.id, 0)).toBeNull();
    expect(recent.series(flow.id, 0)).toEqual({ tMs: [t], columns: [[expect.closeTo(0.83, 6)]] });
    expect(recent.series(mineDevice.deviceId, 0)).toBeNull();
    expect(recent.series(cl2.id, t + 1)!.tMs).toEqual([t + 1000]);
    expect(recent.devicesOf(park.id).map((d) => [d.info.deviceId, d.role]).sort()).toEqual([[cl2.id, 'gas'], [lel.id, 'gas'], [station.id, 'weather'], [flow.id, 'flow']].sort());
  });

  it('is bounded: a detector keeps at most its window at its interval (+25 %), the oldest dropped first', () => {
    const recent = new RecentReadings(registry, 60_000);
    const cl2 = sensorOf('gas-cl2');
    const capacity = Math.ceil((60_000 / cl2.intervalMs) * 1.25) + 1;
    const t0 = 1_780_000_000_000;
    for (let i = 0; i < 3 * capacity; i++) recent.observe([{ deviceId: cl2.id, ts: t0 + i * cl2.intervalMs, seq: i + 1, values: { cl2_ppm: i } }]);
    const kept = recent.series(cl2.id, 0)!;
    expect(kept.tMs).toHaveLength(capacity);
    expect(kept.columns[0]![0]).toBe(2 * capacity); // the newest `capacity` readings, oldest first
    expect(kept.columns[0]!.at(-1)).toBe(3 * capacity - 1);
    expect(RECENT_WINDOW_MS).toBe(20 * 60_000);
  });

  it('starts a device over when its site is reloaded (a new catalogue entry)', async () => {
    const recent = new RecentReadings(registry);
    const cl2 = sensorOf('gas-cl2');
    recent.observe([{ deviceId: cl2.id, ts: 1, seq: 1, values: { cl2_ppm: 0.1 } }]);
    await registry.upsert(park);
    recent.observe([{ deviceId: cl2.id, ts: 2, seq: 2, values: { cl2_ppm: 0.2 } }]);
    expect(recent.series(cl2.id, 0)!.tMs).toEqual([2]);
  });
});

describe('SampleRing', () => {
  it('returns the samples since a time in arrival order, NaN for a column not sent', () => {
    const ring = new SampleRing(3, 2);
    ring.push(10, [1, 2]);
    ring.push(20, [3]);
    ring.push(30, [5, 6]);
    ring.push(40, [7, 8]);
    expect(ring.length).toBe(3);
    expect(ring.since(25)).toEqual({ tMs: [30, 40], columns: [[5, 7], [6, 8]] });
    expect(ring.since(0).columns[1]).toEqual([NaN, 6, 8]);
  });
});
