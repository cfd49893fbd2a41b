import type { SqlClient } from './client.ts';

const DAY_MS = 86_400_000;

/** Name of the daily partition holding `dayStartMs` (UTC day), e.g. `readings_p20261129`. */
export function partitionName(dayStartMs: number): string {
  return `readings_p${new Date(dayStartMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** Start of the UTC day containing `ms`. */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Options of the partition maintenance. */
export interface PartitionPolicy {
  /** Days of readings kept; older partitions are dropped. @defaultValue 365 */
  retentionDays: number;
  /** Daily partitions created ahead of now, so future-skewed readings (≤ 1 day) have one. @defaultValue 2 */
  daysAhead: number;
}

export const DEFAULT_PARTITION_POLICY: PartitionPolicy = { retentionDays: 365, daysAhead: 2 };

/**
 * Creates the daily partitions from yesterday to `daysAhead` days ahead, drops partitions
 * older than the retention, and deletes expired rows from the default partition.
 * `nowMs` is an argument so tests can move time. Returns what it did.
 */
export function maintainPartitions(
  client: SqlClient,
  nowMs: number,
  policy: PartitionPolicy = DEFAULT_PARTITION_POLICY,
): Promise<{ created: string[]; dropped: string[]; deletedFromDefault: number }> {
  // One hub at a time: two that see the same partition missing would both create it.
  return client.exclusive(PARTITION_LOCK, () => maintainLocked(client, nowMs, policy));
}

/** Advisory lock key of partition maintenance. */
const PARTITION_LOCK = 7_317_002;

async function maintainLocked(client: SqlClient, nowMs: number, policy: PartitionPolicy): Promise<{ created: string[]; dropped: string[]; deletedFromDefault: number }> {
  const today = utcDayStart(nowMs);
  const existing = new Set(
    (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i
           JOIN pg_class c ON c.oid = i.inhrelid
           JOIN pg_class p ON p.oid = i.inhparent
          WHERE p.relname = 'readings'`,
      )
    ).map((r) => r.name),
  );
  const created: string[] = [];
  for (let day = today - DAY_MS; day <= today + policy.daysAhead * DAY_MS; day += DAY_MS) {
    const name = partitionName(day);
    if (existing.has(name)) continue;
    const from = new Date(day).toISOString();
    const to = new Date(day + DAY_MS).toISOString();
    // Rows already in the default partition for this day would block the new partition:
    // move them in the same transaction, so nothing is lost or refused.
    await client.transaction(async (tx) => {
      await tx.query(`CREATE TABLE "${name}" (LIKE readings INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await tx.query(
        `WITH moved AS (DELETE FROM readings_default WHERE ts >= $1 AND ts < $2 RETURNING *)
         INSERT INTO "${name}" SELECT * FROM moved`,
        [from, to],
      );
      await tx.query(`ALTER TABLE readings ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`);
    });
    created.push(name);
  }
  const cutoff = today - policy.retentionDays * DAY_MS;
  const dropped: string[] = [];
  for (const name of existing) {
    const match = /^readings_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (!match) continue;
    const dayStart = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (dayStart + DAY_MS <= cutoff) {
      // DROP needs an exclusive lock on `readings`; waiting behind a long read would stall every
      // write queued behind the DROP. Give up after 2 s and try again at the next run.
      try {
        await client.transaction(async (tx) => {
          await tx.query(`SET LOCAL lock_timeout = '2s'`);
          await tx.query(`DROP TABLE "${name}"`);
        });
        dropped.push(name);
      } catch {
        // left for the next run
      }
    }
  }
  const deleted = await client.query<{ n: number }>(
    `WITH gone AS (DELETE FROM readings_default WHERE ts < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [new Date(cutoff).toISOString()],
  );
  return { created, dropped, deletedFromDefault: deleted[0]?.n ?? 0 };
}
