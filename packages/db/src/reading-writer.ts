import type { SqlClient, SqlTransaction } from './client.ts';
import { encodeBinaryCopy, latestPerDevice, READING_COLUMNS, type ReadingRow } from './reading-rows.ts';

/** Writes `rows` with a multi-row unnest INSERT (PGlite, or PostgreSQL without COPY). */
async function insertUnnest(tx: SqlTransaction, rows: readonly ReadingRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO readings (${READING_COLUMNS})
     SELECT to_timestamp(t / 1000.0), d, m, v, q, g, to_timestamp(i / 1000.0)
       FROM unnest($1::float8[], $2::int4[], $3::int2[], $4::float8[], $5::int8[], $6::int4[], $7::float8[])
         AS u(t, d, m, v, q, g, i)`,
    [
      rows.map((r) => r.tsMs),
      rows.map((r) => r.deviceNum),
      rows.map((r) => r.metricNum),
      rows.map((r) => r.value),
      rows.map((r) => r.seq),
      rows.map((r) => r.gatewayNum),
      rows.map((r) => r.ingestTsMs),
    ],
  );
}

/** Upserts each device's newest values and highest seq (merging metrics, newest wins). */
async function upsertDeviceState(tx: SqlTransaction, rows: readonly ReadingRow[], nowMs: number): Promise<void> {
  // Sorted by device: concurrent batches then lock device_state rows in one order (no deadlocks).
  const latest = latestPerDevice(rows).sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
  await tx.query(
    `INSERT INTO device_state (device_id, site_id, last_seq, last_ts, values, updated_at)
     SELECT d, s, q, to_timestamp(t / 1000.0), v::jsonb, to_timestamp($6 / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[], $5::text[]) WITH ORDINALITY AS u(d, s, q, t, v, n)
      ORDER BY n
     ON CONFLICT (device_id) DO UPDATE SET
       last_seq = CASE WHEN excluded.last_ts >= device_state.last_ts THEN excluded.last_seq ELSE device_state.last_seq END,
       values = CASE WHEN excluded.last_ts >= device_state.last_ts
                     THEN device_state.values || excluded.values
                     ELSE excluded.values || device_state.values END,
       last_ts = GREATEST(device_state.last_ts, excluded.last_ts),
       updated_at = excluded.updated_at`,
    [
      latest.map((d) => d.deviceId),
      latest.map((d) => d.siteId),
      latest.map((d) => d.lastSeq),
      latest.map((d) => d.lastTsMs),
      latest.map((d) => JSON.stringify(d.values)),
      nowMs,
    ],
  );
}

/**
 * Stores a batch of readings and the devices' latest state in one transaction: all of
 * it or none. PostgreSQL gets binary COPY (the fastest path, DESIGN.md §6); PGlite gets unnest.
 */
export async function writeReadings(client: SqlClient, rows: readonly ReadingRow[], nowMs: number): Promise<void> {
  if (rows.length === 0) return;
  await client.transaction(async (tx) => {
    if (tx.copyFrom) await tx.copyFrom(`COPY readings (${READING_COLUMNS}) FROM STDIN (FORMAT binary)`, encodeBinaryCopy(rows));
    else await insertUnnest(tx, rows);
    await upsertDeviceState(tx, rows, nowMs);
  });
}
