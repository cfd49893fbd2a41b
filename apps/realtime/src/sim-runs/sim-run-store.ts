import { and, desc, eq, inArray } from 'drizzle-orm';
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

  /** queued → running; null if the run is no longer queued (cancelled, or taken by another worker). */
  async start(id: string, atMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: 'running', startedAt: new Date(atMs), progress: 0 })
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'queued')))
      .returning();
    return row ? toView(row) : null;
  }

  /** running → done | failed; null if the run was cancelled meanwhile. */
  async finish(id: string, outcome: { state: 'done'; result: unknown } | { state: 'failed'; error: string }, atMs: number): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set(
        outcome.state === 'done'
          ? { state: 'done', progress: 1, result: outcome.result, finishedAt: new Date(atMs) }
          : { state: 'failed', error: outcome.error, finishedAt: new Date(atMs) },
      )
      .where(and(eq(simRuns.id, id), eq(simRuns.state, 'running')))
      .returning();
    return row ? toView(row) : null;
  }

  /** queued | running → cancelled (or → failed with `error`, for runs a restart interrupted); null if already finished. */
  async stop(id: string, atMs: number, error: string | null = null): Promise<SimRunView | null> {
    const [row] = await this.db.orm
      .update(simRuns)
      .set({ state: error ? 'failed' : 'cancelled', error, finishedAt: new Date(atMs) })
      .where(and(eq(simRuns.id, id), inArray(simRuns.state, ['queued', 'running'])))
      .returning();
    return row ? toView(row) : null;
  }
}
