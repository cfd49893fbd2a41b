import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from './scratch.ts';
import { openDatabase } from './open.ts';
import { maintainPartitions } from './partitions.ts';

const adminUrl = process.env.DATABASE_URL;

// Several hubs starting at once on a fresh PostgreSQL must not trip over each other's
// migrations or partition creation (advisory locks serialise them).
describe.skipIf(!adminUrl)('several hubs opening one PostgreSQL at once', () => {
  it('migrates and creates partitions once, with no errors', async () => {
    const scratch = await createScratchDatabase(adminUrl!);
    try {
      const clients = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: scratch.url, maxConnections: 3 })));
      const now = Date.now();
      await Promise.all(clients.map((c) => maintainPartitions(c, now + 3 * 86_400_000)));
      const [row] = await clients[0]!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings'`,
      );
      expect(row!.n).toBeGreaterThanOrEqual(5);
      await Promise.all(clients.map((c) => c.close()));
    } finally {
      await scratch.drop();
    }
  });
});
