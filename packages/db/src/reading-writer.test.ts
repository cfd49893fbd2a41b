import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from './test-backends.ts';
import { writeReadings } from './reading-writer.ts';
import { maintainPartitions, partitionName, utcDayStart } from './partitions.ts';
import { migrate } from './migrate.ts';
import type { SqlClient } from './client.ts';
import type { ReadingRow } from './reading-rows.ts';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;

function row(overrides: Partial<ReadingRow> = {}): ReadingRow {
  return { tsMs: NOW, siteId: 'site-a', deviceId: 'DEV-1', metric: 'h2s_ppm', value: 1.5, seq: 1, gatewayId: 'gw-1', ingestTsMs: NOW + 5, ...overrides };
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
    expect(tables.map((t) => t.t)).toEqual(expect.arrayContaining(['readings', 'device_state', 'users', 'sessions', 'gateway_keys', 'sites', 'commands']));
  });

  it('stores a batch with provenance and lands it in its day partition', async () => {
    await writeReadings(client, [row(), row({ metric: 'temp_c', value: 21.5 }), row({ deviceId: 'DEV-2', seq: 7, value: 3 })], NOW);
    const rows = await client.query<{ device_id: string; metric: string; value: number; gateway_id: string; ts: Date; ingest_ts: Date; part: string }>(
      `SELECT device_id, metric, value, gateway_id, ts, ingest_ts, tableoid::regclass::text AS part FROM readings ORDER BY device_id, metric`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ device_id: 'DEV-1', metric: 'h2s_ppm', value: 1.5, gateway_id: 'gw-1', part: partitionName(utcDayStart(NOW)) });
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

  it('writes nothing of a batch that fails part-way', async () => {
    const before = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`);
    const bad = row({ deviceId: 'DEV-3', seq: 2.5 }); // not a bigint: the database refuses it
    await expect(writeReadings(client, [row({ deviceId: 'DEV-3', seq: 1 }), bad], NOW)).rejects.toThrow();
    const after = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await client.query(`SELECT 1 FROM device_state WHERE device_id = 'DEV-3'`)).toHaveLength(0);
  });

  it('escapes text for COPY', async () => {
    await writeReadings(client, [row({ deviceId: 'DEV-4', gatewayId: 'gw\\with\ttab\nnewline' })], NOW);
    const [r] = await client.query<{ gateway_id: string }>(`SELECT gateway_id FROM readings WHERE device_id = 'DEV-4'`);
    expect(r!.gateway_id).toBe('gw\\with\ttab\nnewline');
  });

  it('keeps out-of-window readings in the default partition and moves them when their day gets a partition', async () => {
    const later = NOW + 5 * DAY;
    await writeReadings(client, [row({ deviceId: 'DEV-5', tsMs: later })], NOW);
    const [before] = await client.query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM readings WHERE device_id = 'DEV-5'`);
    expect(before!.part).toBe('readings_default');
    const result = await maintainPartitions(client, later, { retentionDays: 365, daysAhead: 1 });
    expect(result.created).toContain(partitionName(utcDayStart(later)));
    const [after] = await client.query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM readings WHERE device_id = 'DEV-5'`);
    expect(after!.part).toBe(partitionName(utcDayStart(later)));
  });

  it('drops partitions past the retention and expired rows in the default partition', async () => {
    await writeReadings(client, [row({ deviceId: 'DEV-6', tsMs: NOW - 40 * DAY })], NOW);
    const result = await maintainPartitions(client, NOW + 5 * DAY, { retentionDays: 3, daysAhead: 1 });
    expect(result.dropped).toContain(partitionName(utcDayStart(NOW)));
    expect(result.deletedFromDefault).toBe(1);
    expect(await client.query(`SELECT 1 FROM readings WHERE device_id IN ('DEV-1', 'DEV-6')`)).toHaveLength(0);
    expect(await client.query(`SELECT 1 FROM readings WHERE device_id = 'DEV-5'`)).toHaveLength(1);
  });
});
