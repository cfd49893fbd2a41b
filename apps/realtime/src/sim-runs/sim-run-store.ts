import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { simRuns, type SqlClient } from '@safetwin/db';
import type { SimRunContext, SimRunKind, SimRunState, SimRunView } from '@safetwin/protocol';

type Row = typeof simRuns.$inferSelect;

/** A stored row as the API shows it. */
function toView(row: Row): SimRunView {
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
  };
}

/**
 * `sim_runs`: every state change is one conditional UPDATE … RETURNING, so a hub that
 * cancels and a worker (maybe on another machine) that finishes cannot both win.
 */
export class SimRunStore {
  constructor(private readonly db: SqlClient) {}

  /** Stores a new queued run. */
  async insert(run: SimRunView): Promise<void> {
    await this.db.orm.insert(simRuns).values({
      id: run.id,
      siteId: run.siteId,
      kind: run.kind,
      state: run.state,
      progress: run.progress,
      input: run.input,
      context: run.context,
      engineVersion: run.engineVersion,
      result: null,
      error: null,
      requestedBy: run.requestedBy,
      createdAt: new Date(run.createdAt),
    });
  }

  async get(id: string): Promise<SimRunView | null> {
    const [row] = await this.db.orm.select().from(simRuns).where(eq(simRuns.id, id));
    return row ? toView(row) : null;
  }

  /** A site's runs, newest first. */
  async list(siteId: string, limit: number): Promise<SimRunView[]> {
    const rows = await this.db.orm.select().from(simRuns).where(eq(simRuns.siteId, siteId)).orderBy(desc(simRuns.createdAt)).limit(limit);
    return rows.map(toView);
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

  /** queued → running, leased to the caller until `leaseUntilMs`; null if the run is no longer queued (cancelled, or taken by another worker). */
  async start(id: string, atMs: number, leaseUntilMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: 'running', startedAt: new Date(atMs), progress: 0, heartbeatAt: new Date(atMs), leaseUntil: new Date(leaseUntilMs) })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'queued')))
      .returning();
    return row ? toView(row) : null;
  }

  /**
   * The computing worker's sign of life: renews the lease and stores the latest progress and stage.
   * False when the run is no longer running (cancelled, or failed by a sweep): the worker stops it.
   */
  async heartbeat(id: string, atMs: number, leaseUntilMs: number, report?: { progress: number; stage: string | null }): Promise<boolean> {
    const rows = await this.db.orm
      .update(simRuns)
      .set({ heartbeatAt: new Date(atMs), leaseUntil: new Date(leaseUntilMs), ...(report ?? {}) })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running')))
      .returning({ id: simRuns.id });
    return rows.length > 0;
  }

  /** Running runs whose lease ran out before `nowMs` (their worker stopped renewing it). */
  async expiredLeases(nowMs: number): Promise<{ id: string; heartbeatAt: number | null }[]> {
    const rows = await this.db.orm
      .select({ id: simRuns.id, heartbeatAt: simRuns.heartbeatAt })
      .from(simRuns)
      .where(and(eq(simRuns.state, 'running'), or(lt(simRuns.leaseUntil, new Date(nowMs)), isNull(simRuns.leaseUntil))));
    return rows.map((r) => ({ id: r.id, heartbeatAt: r.heartbeatAt?.getTime() ?? null }));
  }

  /** running → failed, only while its lease is still expired at `nowMs` (a late renewal wins); null otherwise. */
  async failLost(id: string, nowMs: number, error: string): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: 'failed', error, stage: null, leaseUntil: null, finishedAt: new Date(nowMs) })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running'), or(lt(simRuns.leaseUntil, new Date(nowMs)), isNull(simRuns.leaseUntil))))
      .returning();
    return row ? toView(row) : null;
  }

  /** Ids of runs queued before `beforeMs` (the sweep asks the queue whether it still holds them). */
  async queuedBefore(beforeMs: number): Promise<string[]> {
    const rows = await this.db.orm
      .select({ id: simRuns.id })
      .from(simRuns)
      .where(and(eq(simRuns.state, 'queued'), lt(simRuns.createdAt, new Date(beforeMs))));
    return rows.map((r) => r.id);
  }

  /** running → done | failed; null if the run was cancelled meanwhile. */
  async finish(id: string, outcome: { state: 'done'; result: unknown } | { state: 'failed'; error: string }, atMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set(
        outcome.state === 'done'
          ? { state: 'done', progress: 1, stage: null, leaseUntil: null, result: outcome.result, finishedAt: new Date(atMs) }
          : { state: 'failed', error: outcome.error, stage: null, leaseUntil: null, finishedAt: new Date(atMs) },
      )
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running')))
      .returning();
    return row ? toView(row) : null;
  }

  /** queued | running (or only the states in `from`) → cancelled, or → failed with `error` (interrupted, lost); null if in none of them. */
  async stop(id: string, atMs: number, error: string | null = null, from: SimRunState[] = ['queued', 'running']): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: error ? 'failed' : 'cancelled', error, stage: null, leaseUntil: null, finishedAt: new Date(atMs) })
      .where(and(eq(simRuns.id, id), inArray(simRuns.state, from)))
      .returning();
    return row ? toView(row) : null;
  }
}
