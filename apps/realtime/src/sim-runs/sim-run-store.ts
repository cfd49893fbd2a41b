import { and, count, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { simRuns, type SqlClient } from '@safetwin/db';
import type { SimRunContext, SimRunKind, SimRunState, SimRunView } from '@safetwin/protocol';

type Row = typeof simRuns.$inferSelect;

/** A stored row as the API shows it. */
function toView(row: Omit<Row, 'heartbeatAt' | 'leaseUntil'>): SimRunView {
  return {
    id: row.id,
    siteId: row.siteId,
    kind: row.kind as SimRunKind,
    state: row.state as SimRunState,
    progress: row.progress,
    ...(row.stage ? { stage: row.stage } : {}),
    input: row.input as Record<string, unknown>,
    context: row.context as SimRunContext,
    engineVersion: row.engineVersion,
    result: row.result ?? null,
    error: row.error,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.getTime(),
    startedAt: row.startedAt?.getTime() ?? null,
    finishedAt: row.finishedAt?.getTime() ?? null,
    version: row.version,
  };
}

/** The database's clock: every time in `sim_runs` is written and compared with it, never a process's own clock. */
const dbNow = sql`now()`;
/** `ms` milliseconds as an SQL interval. */
const interval = (ms: number): SQL => sql`(${Math.round(ms)}::double precision * interval '1 millisecond')`;
/** Every stored change bumps the row's version (clients drop events that are not newer). */
const nextVersion = sql`${simRuns.version} + 1`;
/**
 * When a running run's lease ends: `lease_until`, or for a run started by a worker that never
 * writes a lease (an older release during a rolling upgrade) `started_at` + `legacyLeaseMs`.
 */
const leaseEnd = (legacyLeaseMs: number): SQL => sql`coalesce(${simRuns.leaseUntil}, ${simRuns.startedAt} + ${interval(legacyLeaseMs)})`;
const leaseExpired = (legacyLeaseMs: number): SQL => sql`${leaseEnd(legacyLeaseMs)} < ${dbNow}`;

/** What a new run needs (the store sets its creation time from the database clock). */
export type NewSimRun = Pick<SimRunView, 'id' | 'siteId' | 'kind' | 'input' | 'context' | 'engineVersion' | 'requestedBy'>;

/**
 * `sim_runs`: every state change is one conditional UPDATE … RETURNING, so a hub that
 * cancels and a worker (maybe on another machine) that finishes cannot both win. Every time
 * (created, started, heartbeat, lease, finished) comes from the database's `now()`: hubs and
 * workers on machines with different clocks agree on when a lease runs out, and a lease is
 * computed when its UPDATE runs, not when it was queued behind a slow query.
 */
export class SimRunStore {
  constructor(private readonly db: SqlClient) {}

  /** Stores a new queued run (version 0); resolves with it as stored. */
  async insert(run: NewSimRun): Promise<SimRunView> {
    const [row] = await this.db.orm
      .insert(simRuns)
      .values({ ...run, state: 'queued', progress: 0, result: null, error: null, createdAt: dbNow, version: 0 })
      .returning();
    return toView(row!);
  }

  async get(id: string): Promise<SimRunView | null> {
    const [row] = await this.db.orm.select().from(simRuns).where(eq(simRuns.id, id));
    return row ? toView(row) : null;
  }

  /**
   * A site's runs, newest first, as summaries: no result (`resultOmitted: true` when one is
   * stored; GET the run for it). The result column is not even read: an assessment's grids are
   * megabytes each.
   */
  async list(siteId: string, limit: number): Promise<SimRunView[]> {
    const { result: _result, heartbeatAt: _beat, leaseUntil: _lease, ...columns } = getTableColumns(simRuns);
    const rows = await this.db.orm
      .select({ ...columns, hasResult: sql<boolean>`${simRuns.result} IS NOT NULL` })
      .from(simRuns)
      .where(eq(simRuns.siteId, siteId))
      .orderBy(desc(simRuns.createdAt))
      .limit(limit);
    return rows.map(({ hasResult, ...row }) => ({ ...toView({ ...row, result: null }), ...(hasResult ? { resultOmitted: true as const } : {}) }));
  }

  /** Unfinished (queued or running) runs of a site. */
  async activeCount(siteId: string): Promise<number> {
    const [row] = await this.db.orm
      .select({ n: count() })
      .from(simRuns)
      .where(and(eq(simRuns.siteId, siteId), inArray(simRuns.state, ['queued', 'running'])));
    return Number(row?.n ?? 0);
  }

  /** Runs in these states (start-up recovery of the embedded queue). */
  async inStates(states: SimRunState[]): Promise<SimRunView[]> {
    const rows = await this.db.orm.select().from(simRuns).where(inArray(simRuns.state, states));
    return rows.map(toView);
  }

  async stateOf(id: string): Promise<SimRunState | null> {
    const [row] = await this.db.orm.select({ state: simRuns.state }).from(simRuns).where(eq(simRuns.id, id));
    return (row?.state as SimRunState | undefined) ?? null;
  }

  /** queued → running, leased to the caller for `leaseMs` from now (database clock); null if the run is no longer queued (cancelled, or taken by another worker). */
  async start(id: string, leaseMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: 'running', startedAt: dbNow, progress: 0, heartbeatAt: dbNow, leaseUntil: sql`${dbNow} + ${interval(leaseMs)}`, version: nextVersion })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'queued')))
      .returning();
    return row ? toView(row) : null;
  }

  /**
   * The computing worker's sign of life: renews the lease to `leaseMs` from now (database clock)
   * and stores the latest progress and stage. Resolves with the run's new version, or null when
   * the run is no longer running (cancelled, or failed by a sweep): the worker stops it.
   */
  async heartbeat(id: string, leaseMs: number, report?: { progress: number; stage: string | null }): Promise<number | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ heartbeatAt: dbNow, leaseUntil: sql`${dbNow} + ${interval(leaseMs)}`, version: nextVersion, ...(report ?? {}) })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running')))
      .returning({ version: simRuns.version });
    return row?.version ?? null;
  }

  /** Running runs whose lease ran out (database clock); `legacyLeaseMs` bounds runs without a lease (see {@link leaseEnd}). */
  async expiredLeases(legacyLeaseMs: number): Promise<{ id: string; heartbeatAt: number | null }[]> {
    const rows = await this.db.orm
      .select({ id: simRuns.id, heartbeatAt: simRuns.heartbeatAt })
      .from(simRuns)
      .where(and(eq(simRuns.state, 'running'), leaseExpired(legacyLeaseMs)));
    return rows.map((r) => ({ id: r.id, heartbeatAt: r.heartbeatAt?.getTime() ?? null }));
  }

  /** running → failed, only while its lease is still expired (a late renewal wins); null otherwise. */
  async failLost(id: string, error: string, legacyLeaseMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: 'failed', error, stage: null, leaseUntil: null, finishedAt: dbNow, version: nextVersion })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running'), leaseExpired(legacyLeaseMs)))
      .returning();
    return row ? toView(row) : null;
  }

  /** Ids of runs queued more than `graceMs` ago (database clock; the sweep asks the queue whether it still holds them). */
  async queuedBefore(graceMs: number): Promise<string[]> {
    const rows = await this.db.orm
      .select({ id: simRuns.id })
      .from(simRuns)
      .where(and(eq(simRuns.state, 'queued'), sql`${simRuns.createdAt} < ${dbNow} - ${interval(graceMs)}`));
    return rows.map((r) => r.id);
  }

  /** running → done | failed; null if the run is not running (cancelled meanwhile, or this write already landed). */
  async finish(id: string, outcome: { state: 'done'; result: unknown } | { state: 'failed'; error: string }): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set(
        outcome.state === 'done'
          ? { state: 'done', progress: 1, stage: null, leaseUntil: null, result: outcome.result, finishedAt: dbNow, version: nextVersion }
          : { state: 'failed', error: outcome.error, stage: null, leaseUntil: null, finishedAt: dbNow, version: nextVersion },
      )
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running')))
      .returning();
    return row ? toView(row) : null;
  }

  /** queued | running (or only the states in `from`) → cancelled, or → failed with `error` (interrupted, lost); null if in none of them. */
  async stop(id: string, error: string | null = null, from: SimRunState[] = ['queued', 'running']): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: error ? 'failed' : 'cancelled', error, stage: null, leaseUntil: null, finishedAt: dbNow, version: nextVersion })
      .where(and(eq(simRuns.id, id), inArray(simRuns.state, from)))
      .returning();
    return row ? toView(row) : null;
  }
}
