import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as schema from './schema.ts';

/** The drizzle database, the same type over PGlite and postgres.js. */
export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which engine is behind a connection. */
export type DatabaseKind = 'pglite' | 'postgres';

/** Parameters of a raw SQL statement (arrays become PostgreSQL arrays). */
export type SqlParam = string | number | boolean | null | Date | readonly (string | number | null)[];

/** The connection as the rest of the hub sees it, whichever engine is underneath. */
export interface SqlClient {
  readonly kind: DatabaseKind;
  /** Where it points, without credentials (for /health and logs). */
  readonly description: string;
  readonly orm: Orm;
  /** Runs one raw statement with `$1…` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /**
   * Runs `fn` while holding a cluster-wide lock named by `key` (a PostgreSQL advisory lock, so
   * several hubs starting at once migrate one after the other; in-process for PGlite).
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction, all of it or nothing. */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a transaction can do: raw statements, and COPY where the engine has a stream for it. */
export interface SqlTransaction {
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** COPY … FROM STDIN with `data` as the stream; null on engines without a COPY stream (PGlite). */
  copyFrom: ((statement: string, data: Buffer) => Promise<void>) | null;
}

/** postgres.js cannot infer a Date parameter's type in `unsafe` queries: send timestamps as ISO text. */
function wire(params: readonly SqlParam[]): never[] {
  return params.map((p) => (p instanceof Date ? p.toISOString() : p)) as never[];
}

/** Opens PostgreSQL at `url` (postgres.js, a pool of `maxConnections`). */
export function connectPostgres(url: string, maxConnections = 10): SqlClient {
  const sql = postgres(url, { max: maxConnections, onnotice: () => {}, prepare: true });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    description: `postgresql://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    orm: drizzlePostgres(sql, { schema }) as unknown as Orm,
    query: (text, params = []) => sql.unsafe(text, wire(params)) as unknown as Promise<never[]>,
    exclusive: async (key, fn) => {
      const session = await sql.reserve();
      try {
        await session`SELECT pg_advisory_lock(${key})`;
        try {
          return await fn();
        } finally {
          await session`SELECT pg_advisory_unlock(${key})`;
        }
      } finally {
        session.release();
      }
    },
    transaction: (fn) =>
      sql.begin(async (tx) =>
        fn({
          query: (text, params = []) => tx.unsafe(text, wire(params)) as unknown as Promise<never[]>,
          copyFrom: async (statement, data) => {
            const writable = await tx.unsafe(statement).writable();
            await pipeline(Readable.from([data]), writable);
          },
        }),
      ) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}

/** Opens embedded PostgreSQL (PGlite, WASM) in `dataDir`, or in memory when it is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<SqlClient> {
  const pg = await PGlite.create(dataDir);
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    description: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
    orm: drizzlePglite(pg, { schema }) as unknown as Orm,
    query: async (text, params = []) => (await pg.query(text, params as unknown[])).rows as never[],
    exclusive: (_key, fn) => {
      const run = chain.then(fn, fn);
      chain = run.catch(() => {});
      return run;
    },
    transaction: (fn) =>
      pg.transaction(async (tx) =>
        fn({
          query: async (text, params = []) => (await tx.query(text, params as unknown[])).rows as never[],
          copyFrom: null,
        }),
      ),
    close: () => pg.close(),
  };
}
