import { mkdirSync } from 'node:fs';
import { connectPostgres, openPglite, type SqlClient } from './client.ts';
import { migrate } from './migrate.ts';

/** Advisory lock key of schema migrations (any constant the application owns). */
const MIGRATION_LOCK = 7_317_001;
import { maintainPartitions, DEFAULT_PARTITION_POLICY, type PartitionPolicy } from './partitions.ts';

/** Where the data lives. */
export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `undefined` with no URL means in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. @defaultValue 10 */
  maxConnections?: number;
  /** Partition retention and look-ahead. */
  partitions?: PartitionPolicy;
  /** Clock for partition maintenance, epoch ms. @defaultValue Date.now */
  now?: () => number;
}

/** Opens the store, applies migrations and makes sure today's partitions exist. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<SqlClient> {
  let client: SqlClient;
  if (options.databaseUrl) {
    client = connectPostgres(options.databaseUrl, options.maxConnections);
  } else {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = await openPglite(options.dataDir);
  }
  try {
    await client.exclusive(MIGRATION_LOCK, () => migrate(client));
    await maintainPartitions(client, (options.now ?? Date.now)(), options.partitions ?? DEFAULT_PARTITION_POLICY);
  } catch (err) {
    await client.close();
    throw err;
  }
  return client;
}
