// Refills RecentReadings at hub start from the stored readings of its window, so that the first
// assessments of an incident restored after a restart see the minutes before the restart too (the
// rings are memory only). Runs before intake and before incidents are restored; the readings go
// through `observe`, so exactly what the live path keeps is kept.
import type { LiveReading } from '@safetwin/protocol';
import { groupStoredRows, type SqlClient } from '@safetwin/db';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { RECENT_WINDOW_MS, type RecentReadings, type TrackedDevice } from './recent-readings.ts';

/** Most stored rows (one per metric value) one query returns: bounds the memory of a batch (~50 000 rows ≈ a few MB). */
export const MAX_PRELOAD_ROWS_PER_QUERY = 50_000;

/** What the preload reads from. */
export interface PreloadRecentOptions {
  db: SqlClient;
  registry: Pick<SiteRegistry, 'all' | 'devicesOf' | 'deviceNum' | 'metricNum'>;
  recent: RecentReadings;
  /** The end of the window, epoch ms (the hub's now). */
  nowMs: number;
  /** The window's length, ms; the rings' own window. @defaultValue {@link RECENT_WINDOW_MS} */
  windowMs?: number;
}

/** One device of a batch: its storage number and the most rows its ring can use (capacity × columns). */
interface PreloadDevice {
  deviceId: string;
  deviceNum: number;
  maxRows: number;
}

/**
 * Reads, per chemical park, the stored readings of the tracked devices (gas detectors, weather
 * stations, tags) at or after `nowMs − windowMs` and feeds them to `recent.observe`, each device's
 * in time order. Bounded: per device at most the newest rows its ring can hold (a ring overwrites
 * older ones anyway), devices batched so one query returns at most
 * {@link MAX_PRELOAD_ROWS_PER_QUERY} rows. Returns the readings observed.
 */
export async function preloadRecentReadings(options: PreloadRecentOptions): Promise<number> {
  const { db, registry, recent, nowMs, windowMs = RECENT_WINDOW_MS } = options;
  if (!Number.isFinite(nowMs)) throw new Error(`preloadRecentReadings: nowMs must be a finite epoch ms, got ${nowMs}`);
  if (!(windowMs > 0)) throw new Error(`preloadRecentReadings: windowMs must be positive, got ${windowMs}`);
  let observed = 0;
  for (const site of registry.all()) {
    const tracked = registry.devicesOf(site.id).map((d) => recent.tracked(d.deviceId)).filter((t): t is TrackedDevice => t !== null);
    if (tracked.length === 0) continue; // mines, or a park without kept devices
    const metricNames = new Map<number, string>();
    for (const t of tracked) for (const c of t.columns) metricNames.set(registry.metricNum(c), c);
    for (const batch of batches(tracked.map((t) => ({ deviceId: t.info.deviceId, deviceNum: registry.deviceNum(t.info.deviceId), maxRows: t.ring.capacity * t.columns.length })))) {
      const readings = await readBatch(db, batch, [...metricNames.keys()], nowMs - windowMs, metricNames);
      recent.observe(readings);
      observed += readings.length;
    }
  }
  return observed;
}

/** Splits devices into batches of at most {@link MAX_PRELOAD_ROWS_PER_QUERY} rows (a device larger than that alone in its batch). */
function batches(devices: PreloadDevice[]): PreloadDevice[][] {
  const out: PreloadDevice[][] = [];
  let current: PreloadDevice[] = [];
  let rows = 0;
  for (const d of devices) {
    if (current.length > 0 && rows + d.maxRows > MAX_PRELOAD_ROWS_PER_QUERY) {
      out.push(current);
      current = [];
      rows = 0;
    }
    current.push(d);
    rows += d.maxRows;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * One query for a batch: per device (the `readings_device_ts_idx` index), its newest `maxRows`
 * rows of the kept metrics since `fromMs`; regrouped into readings by (ts, seq), oldest first.
 * Where the limit cuts through a reading, its oldest one lacks some metrics: NaN in the ring, as a
 * live reading that did not send them.
 */
async function readBatch(db: SqlClient, batch: PreloadDevice[], metricNums: number[], fromMs: number, metricNames: Map<number, string>): Promise<LiveReading[]> {
  const rows = await db.query<{ device_num: number; ts: Date | string; seq: string | number; metric_num: number; value: number }>(
    `SELECT d.num AS device_num, r.ts, r.seq, r.metric_num, r.value
       FROM unnest($1::int[], $2::int[]) AS d(num, max_rows)
       CROSS JOIN LATERAL (
         SELECT ts, seq, metric_num, value FROM readings
          WHERE device_num = d.num AND ts >= $3::timestamptz AND metric_num = ANY($4::int[])
          ORDER BY ts DESC, seq DESC LIMIT d.max_rows
       ) r
      ORDER BY r.ts, r.seq, d.num`,
    [batch.map((d) => d.deviceNum), batch.map((d) => d.maxRows), new Date(fromMs).toISOString(), metricNums],
  );
  const idOf = new Map(batch.map((d) => [d.deviceNum, d.deviceId]));
  // Rows came oldest first: so do the readings.
  return groupStoredRows(rows, (row) => idOf.get(Number(row.device_num))!, (row) => metricNames.get(Number(row.metric_num))!)
    .map(({ device, ts, seq, values }) => ({ deviceId: device, ts, seq, values }));
}
