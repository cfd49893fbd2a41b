import { createScratchDatabase } from './scratch.ts';
import { openDatabase, type OpenDatabaseOptions } from './open.ts';
import type { SqlClient } from './client.ts';

/** A store to run a suite against: embedded PGlite always, real PostgreSQL when DATABASE_URL is set. */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, empty, migrated store; `dispose` closes and removes it. */
  open(options?: Omit<OpenDatabaseOptions, 'databaseUrl' | 'dataDir'>): Promise<{ client: SqlClient; url: string | undefined; dispose: () => Promise<void> }>;
}

/** The backends available in this environment (both in CI). */
export function testBackends(env: NodeJS.ProcessEnv = process.env): TestBackend[] {
  const backends: TestBackend[] = [
    {
      name: 'pglite',
      async open(options = {}) {
        const client = await openDatabase({ ...options });
        return { client, url: undefined, dispose: () => client.close() };
      },
    },
  ];
  const adminUrl = env.DATABASE_URL;
  if (adminUrl) {
    backends.push({
      name: 'postgres',
      async open(options = {}) {
        const scratch = await createScratchDatabase(adminUrl);
        const client = await openDatabase({ ...options, databaseUrl: scratch.url, maxConnections: 4 });
        return {
          client,
          url: scratch.url,
          dispose: async () => {
            await client.close();
            await scratch.drop();
          },
        };
      },
    });
  }
  return backends;
}
