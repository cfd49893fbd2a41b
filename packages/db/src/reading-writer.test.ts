import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from './test-backends.ts';
import { writeReadings } from './reading-writer.ts';
import { maintainPartitions, partitionName, utcDayStart } from './partitions.ts';
import { migrate } from './migrate.ts';
import type { SqlClient } from './client.ts';
import type { ReadingRow } from './reading-rows.ts';
import { deviceKey, numberDevices, numberMetrics } from './numbering.ts';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;

const DEVICE_NUMS: Record<string, number> = { 'DEV-1': 1, 'DEV-2': 2, 'DEV-3': 3, 'DEV-4': 4, 'DEV-5': 5, 'DEV-6': 6 };
const METRIC_NUMS: Record<string, number> = { h2s_ppm: 1, temp_c: 2, battery_pct: 3 };

function row(overrides: Partial<ReadingRow> = {}): ReadingRow {
  const r = { tsMs: NOW, siteId: 'site-a', deviceId: 'DEV-1', metric: 'h2s_ppm', value: 1.5, seq: 1, gatewayNum: 7, ingestTsMs: NOW + 5, ...overrides };
  return { deviceNum: DEVICE_NUMS[r.deviceId]!, metricNum: METRIC_NUMS[r.metric]!, ...r };
}

describe.each(testBackends())('store on $name', (backend) => {
  let client: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ client, dispose } = await backend.open({ now: () => NOW }));
  });
  afterAll(() => dispose());

  it('applies migrations idempotently', async () => {
    await migrate(client);
    const tables = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.t)).toEqual(expect.arrayContaining(['readings', 'device_state', 'devices', 'metrics', 'users', 'sessions', 'gateway_keys', 'sites', 'commands']));
  });

  it('takes Date parameters in raw queries on either engine', async () => {
    const [row] = await client.query<{ t: Date | string }>(`SELECT $1::timestamptz AS t`, [new Date(NOW)]);
    expect(new Date(row!.t).getTime()).toBe(NOW);
  });

  it('stores a batch with provenance and lands it in its day partition', async () => {
    await writeReadings(client, [row(), row({ metric: 'temp_c', value: 21.5 }), row({ deviceId: 'DEV-2', seq: 7, value: 3 })], NOW);
    const rows = await client.query<{ device_num: number; metric_num: number; value: number; gateway_num: number; ts: Date; ingest_ts: Date; part: string }>(
      `SELECT device_num, metric_num, value, gateway_num, ts, ingest_ts, tableoid::regclass::text AS part FROM readings ORDER BY device_num, metric_num`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ device_num: 1, metric_num: 1, value: 1.5, gateway_num: 7, part: partitionName(utcDayStart(NOW)) });
    expect(new Date(rows[0]!.ts).getTime()).toBe(NOW);
    expect(new Date(rows[0]!.ingest_ts).getTime()).toBe(NOW + 5);
  });

  it('keeps the newest values per device, merging metrics and ignoring older readings', async () => {
    await writeReadings(client, [row({ seq: 2, tsMs: NOW + 1000, value: 2.5 })], NOW);
    await writeReadings(client, [row({ seq: 3, tsMs: NOW + 2000, metric: 'battery_pct', value: 80 })], NOW);
    await writeReadings(client, [row({ seq: 0, tsMs: NOW - 5000, value: 99 })], NOW);
    const [state] = await client.query<{ last_seq: string | number; values: Record<string, number>; last_ts: Date }>(
      `SELECT last_seq, values, last_ts FROM device_state WHERE device_id = 'DEV-1'`,
    );
    expect(Number(state!.last_seq)).toBe(3);
    expect(state!.values).toEqual({ h2s_ppm: 2.5, temp_c: 21.5, battery_pct: 80 });
    expect(new Date(state!.last_ts).getTime()).toBe(NOW + 2000);
  });

  it('keeps the newest reading\'s seq with its time, also after the device restarted its counter', async () => {
    await writeReadings(client, [row({ deviceId: 'DEV-2', seq: 450, tsMs: NOW + 10_000 })], NOW);
    await writeReadings(client, [row({ deviceId: 'DEV-2', seq: 3, tsMs: NOW + 20_000 })], NOW); // restarted at 0
    const [state] = await client.query<{ last_seq: string | number; last_ts: Date }>(`SELECT last_seq, last_ts FROM device_state WHERE device_id = 'DEV-2'`);
    expect(Number(state!.last_seq)).toBe(3);
    expect(new Date(state!.last_ts).getTime()).toBe(NOW + 20_000);
  });

  it('writes nothing of a batch that fails part-way', async () => {
    const before = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`);
    const bad = row({ deviceId: 'DEV-6', seq: 2 });
    (bad as { siteId: unknown }).siteId = null; // device_state.site_id is NOT NULL: the second statement fails
    await expect(writeReadings(client, [row({ deviceId: 'DEV-3', seq: 1 }), bad], NOW)).rejects.toThrow();
    const after = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await client.query(`SELECT 1 FROM device_state WHERE device_id = 'DEV-3'`)).toHaveLength(0);
    expect(await client.query(`SELECT 1 FROM readings WHERE device_num IN (3, 6)`)).toHaveLength(0);
  });

  it('round-trips values exactly through the write path (binary COPY on PostgreSQL)', async () => {
    const CASES = [
      { title: 'negative fraction', value: -12.345678901234, seq: 0, tsMs: NOW + 1 },
      { title: 'tiny', value: 5e-324, seq: 2 ** 40, tsMs: NOW + 2 },
      { title: 'large seq and ms time', value: 1e300, seq: Number.MAX_SAFE_INTEGER, tsMs: NOW + 999 },
      { title: 'before the PostgreSQL epoch', value: 0, seq: 3, tsMs: Date.UTC(1999, 11, 31, 23, 59, 59, 123) },
    ];
    await writeReadings(client, CASES.map((c) => row({ deviceId: 'DEV-4', value: c.value, seq: c.seq, tsMs: c.tsMs })), NOW);
    const rows = await client.query<{ value: number; seq: string | number; ts: Date }>(`SELECT value, seq, ts FROM readings WHERE device_num = 4`);
    for (const c of CASES) {
      const r = rows.find((x) => Number(x.seq) === c.seq);
      expect(r, c.title).toBeDefined();
      expect(r!.value, c.title).toBe(c.value);
      expect(new Date(r!.ts).getTime(), c.title).toBe(c.tsMs);
    }
  });

  it('keeps out-of-window readings in the default partition and moves them when their day gets a partition', async () => {
    const later = NOW + 5 * DAY;
    await writeReadings(client, [row({ deviceId: 'DEV-5', tsMs: later })], NOW);
    const [before] = await client.query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM readings WHERE device_num = 5`);
    expect(before!.part).toBe('readings_default');
    const result = await maintainPartitions(client, later, { retentionDays: 365, daysAhead: 1 });
    expect(result.created).toContain(partitionName(utcDayStart(later)));
    const [after] = await client.query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM readings WHERE device_num = 5`);
    expect(after!.part).toBe(partitionName(utcDayStart(later)));
  });

  it('drops partitions past the retention and expired rows in the default partition', async () => {
    await writeReadings(client, [row({ deviceId: 'DEV-6', tsMs: NOW - 40 * DAY })], NOW);
    const result = await maintainPartitions(client, NOW + 5 * DAY, { retentionDays: 3, daysAhead: 1 });
    expect(result.dropped).toContain(partitionName(utcDayStart(NOW)));
    expect(result.deletedFromDefault).toBe(1);
    expect(await client.query(`SELECT 1 FROM readings WHERE device_num IN (1, 6)`)).toHaveLength(0);
    expect(await client.query(`SELECT 1 FROM readings WHERE device_num = 5`)).toHaveLength(1);
  });
});

describe.each(testBackends())('device and metric numbers on $name', (backend) => {
  it('numbers new devices and metrics and keeps existing numbers', async () => {
    const { client, dispose } = await backend.open({ now: () => NOW });
    try {
      const first = await numberDevices(client, [{ deviceId: 'A', siteId: 's1', kind: 'gas-co' }, { deviceId: 'B', siteId: 's1', kind: 'gas-co' }]);
      const second = await numberDevices(client, [{ deviceId: 'C', siteId: 's1', kind: 'gas-co' }, { deviceId: 'A', siteId: 's1', kind: 'gas-co' }, { deviceId: 'A', siteId: 's2', kind: 'gas-co' }]);
      expect(second.get(deviceKey('s1', 'A'))).toBe(first.get(deviceKey('s1', 'A')));
      expect(second.get(deviceKey('s1', 'B'))).toBe(first.get(deviceKey('s1', 'B')));
      expect(new Set(second.values()).size).toBe(4);
      const m1 = await numberMetrics(client, [{ name: 'co_ppm', unit: 'ppm' }]);
      const m2 = await numberMetrics(client, [{ name: 'o2_pct', unit: '%' }, { name: 'co_ppm', unit: 'ppm' }]);
      expect(m2.get('co_ppm')).toBe(m1.get('co_ppm'));
      expect(m2.size).toBe(2);
    } finally {
      await dispose();
    }
  });
});
