// preloadRecentReadings: readings stored by the real writer before a "restart" (a fresh
// RecentReadings over the same store) are back in the rings — the window's, in time order, not the
// older ones — and devices the rings do not keep (pressure sensors, mines) are not read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, writeReadings, type ReadingRow, type SqlClient } from '@safetwin/db';
import type { LiveReading } from '@safetwin/protocol';
import { demoSites, type ChemicalPark, type DeviceInfo } from '@safetwin/twin-models';
import { SiteRegistry } from '../../sites/site-registry.ts';
import { RecentReadings, RECENT_WINDOW_MS } from './recent-readings.ts';
import { preloadRecentReadings } from './preload-recent.ts';

const NOW_MS = 1_780_000_000_000;
const MINUTE_MS = 60_000;

describe.each(testBackends())('preloadRecentReadings ($name)', (backend) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  let registry: SiteRegistry;
  let park: ChemicalPark;
  beforeAll(async () => {
    ({ client: db, dispose } = await backend.open({ now: () => NOW_MS }));
    registry = new SiteRegistry(db);
    for (const site of demoSites()) await registry.upsert(site);
    park = demoSites().find((s) => s.kind === 'chemical-park') as ChemicalPark;
  });
  afterAll(() => dispose());
  const deviceOf = (kind: string): DeviceInfo => registry.devicesOf(park.id).find((d) => d.kind === kind)!;

  /** Stores readings as the ingest path does: one row per metric. */
  const store = (readings: LiveReading[]) =>
    writeReadings(
      db,
      readings.flatMap((r) =>
        Object.entries(r.values).map(([metric, value]): ReadingRow => {
          const info = registry.device(r.deviceId)!;
          return { tsMs: r.ts, deviceNum: registry.deviceNum(r.deviceId), metricNum: registry.metricNum(metric), value, seq: r.seq, gatewayNum: 0, ingestTsMs: r.ts, deviceId: r.deviceId, siteId: info.siteId, metric };
        }),
      ),
      NOW_MS,
    );

  it('refills the window of the kept devices, oldest first, and leaves older and untracked readings out', async () => {
    const cl2 = deviceOf('gas-cl2'), station = deviceOf('weather'), pressure = deviceOf('pressure');
    const mineDevice = registry.devicesOf(demoSites().find((s) => s.kind === 'coal-mine')!.id).find((d) => d.kind.startsWith('gas-'))!;
    const [mineMetric] = Object.keys(mineDevice.metrics);
    const at = (minutesAgo: number) => NOW_MS - minutesAgo * MINUTE_MS;
    // Stored out of order: the preload sorts by time.
    await store([
      { deviceId: cl2.deviceId, ts: at(5), seq: 3, values: { cl2_ppm: 0.5 } },
      { deviceId: cl2.deviceId, ts: at(25), seq: 1, values: { cl2_ppm: 9 } }, // before the window
      { deviceId: cl2.deviceId, ts: at(15), seq: 2, values: { cl2_ppm: 0 } },
      { deviceId: station.deviceId, ts: at(10), seq: 7, values: { wind_speed_ms: 3, wind_dir_deg: 270, air_temp_c: 18, rh_pct: 55, solar_rad_w_m2: 300 } },
      { deviceId: pressure.deviceId, ts: at(5), seq: 1, values: { pressure_kpa: 500 } },
      { deviceId: mineDevice.deviceId, ts: at(5), seq: 1, values: { [mineMetric!]: 0.4 } },
    ]);

    const recent = new RecentReadings(registry); // what a restarted hub starts with
    expect(recent.devicesOf(park.id)).toEqual([]);
    const observed = await preloadRecentReadings({ db, registry, recent, nowMs: NOW_MS });

    expect(observed).toBe(3);
    expect(recent.series(cl2.deviceId, 0)).toEqual({ tMs: [at(15), at(5)], columns: [[0, 0.5]] });
    const wind = recent.series(station.deviceId, 0)!;
    expect(wind.tMs).toEqual([at(10)]);
    expect(wind.columns.map((c) => c[0])).toEqual([3, 270, 18, 300]); // the kept columns only (not humidity)
    expect(recent.series(pressure.deviceId, 0)).toBeNull();
    expect(recent.series(mineDevice.deviceId, 0)).toBeNull();
    // Readings arriving after the preload continue the same ring.
    recent.observe([{ deviceId: cl2.deviceId, ts: NOW_MS + 1000, seq: 4, values: { cl2_ppm: 0.25 } }]);
    expect(recent.series(cl2.deviceId, at(20))!.tMs).toEqual([at(15), at(5), NOW_MS + 1000]);
    expect(RECENT_WINDOW_MS).toBe(20 * MINUTE_MS);
  });

  it('reads at most what a ring holds: the newest readings of a device that sent more', async () => {
    const lel = deviceOf('gas-flammable');
    const windowMs = MINUTE_MS;
    const capacity = Math.ceil((windowMs / lel.intervalMs) * 1.25) + 1;
    const [metric] = Object.keys(lel.metrics).filter((m) => m.startsWith('lel'));
    const count = 2 * capacity;
    // Twice the ring's capacity inside the window (a device sending faster than its interval).
    await store(Array.from({ length: count }, (_, i) => ({ deviceId: lel.deviceId, ts: NOW_MS - windowMs + Math.floor((i * windowMs) / count), seq: 100 + i, values: { [metric!]: i } })));
    const recent = new RecentReadings(registry, windowMs);
    expect(await preloadRecentReadings({ db, registry, recent, nowMs: NOW_MS, windowMs })).toBe(capacity); // the query's limit, not only the ring's
    const kept = recent.series(lel.deviceId, 0)!;
    expect(kept.tMs).toHaveLength(capacity);
    expect(kept.columns[0]![0]).toBe(count - capacity);
    expect(kept.columns[0]!.at(-1)).toBe(count - 1);
  });

  it('refuses a now that is not a time, naming it', async () => {
    await expect(preloadRecentReadings({ db, registry, recent: new RecentReadings(registry), nowMs: NaN })).rejects.toThrow(/nowMs/);
  });
});
