import { randomUUID } from 'node:crypto';
import type { Principal, SimReplayView, SimRunRequest, SimRunView } from '@safetwin/protocol';
import type { SqlClient } from '@safetwin/db';
import { canSeeSite } from '../auth/access.ts';
import { HubError } from '../errors.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { SIM_ENGINE_VERSION } from './compute.ts';
import { firstDifference } from './json-diff.ts';
import { prepareRun } from './prepare-run.ts';
import type { SimExecutor } from './sim-executor.ts';
import type { SimRunStore } from './sim-run-store.ts';
import { SIM_RUN_JOB, type SimRunWorker } from './sim-run-worker.ts';

/** What the API side needs. */
export interface SimRunServiceDeps {
  db: SqlClient;
  registry: SiteRegistry;
  store: SimRunStore;
  queue: JobQueue;
  executor: SimExecutor;
  /** This process's worker, for instant cancellation of runs it computes. */
  worker: SimRunWorker;
  emit: (run: SimRunView) => void;
  now: () => number;
}

const notFound = (id: string) => new HubError('sim:not-found', `no simulation run '${id}'`, 404);

/** Submits, lists, cancels and replays simulation runs (the API side of `sim_runs`). */
export class SimRunService {
  constructor(private readonly deps: SimRunServiceDeps) {}

  /** Embedded queue only (its jobs do not survive a restart): re-queue waiting runs, fail interrupted ones. */
  async recover(): Promise<void> {
    if (this.deps.queue.kind !== 'in-process') return;
    for (const run of await this.deps.store.inStates(['queued', 'running'])) {
      if (run.state === 'queued') await this.deps.queue.add(SIM_RUN_JOB, { runId: run.id }, { jobId: run.id });
      else await this.deps.store.stop(run.id, this.deps.now(), 'interrupted: the hub stopped while the run was computing');
    }
  }

  /** Validates and stores a run, then queues it. */
  async submit(request: SimRunRequest, user: Principal): Promise<SimRunView> {
    const site = this.deps.registry.site(request.siteId);
    if (!site || !canSeeSite(user, request.siteId)) throw new HubError('request:not-found', `no site '${request.siteId}'`, 404);
    const { input, context } = await prepareRun(this.deps.db, this.deps.registry, site, request, this.deps.now());
    const run: SimRunView = {
      id: randomUUID(),
      siteId: site.id,
      kind: request.kind,
      state: 'queued',
      progress: 0,
      input,
      context,
      engineVersion: SIM_ENGINE_VERSION,
      result: null,
      error: null,
      requestedBy: user.username,
      createdAt: this.deps.now(),
      startedAt: null,
      finishedAt: null,
    };
    await this.deps.store.insert(run);
    this.deps.emit(run);
    await this.deps.queue.add(SIM_RUN_JOB, { runId: run.id }, { jobId: run.id });
    return run;
  }

  /** A run the user may see, or a 404. */
  async get(id: string, user: Principal): Promise<SimRunView> {
    const run = await this.deps.store.get(id);
    if (!run || !canSeeSite(user, run.siteId)) throw notFound(id);
    return run;
  }

  /** A site's recent runs, newest first. */
  async list(siteId: string, user: Principal, limit: number): Promise<SimRunView[]> {
    if (!this.deps.registry.site(siteId) || !canSeeSite(user, siteId)) throw new HubError('request:not-found', `no site '${siteId}'`, 404);
    return this.deps.store.list(siteId, limit);
  }

  /** Cancels a queued (never starts) or running (its thread is stopped) run; 409 once finished. */
  async cancel(id: string, user: Principal): Promise<SimRunView> {
    const run = await this.get(id, user);
    const stopped = await this.deps.store.stop(run.id, this.deps.now());
    if (!stopped) throw new HubError('sim:bad-state', `run '${id}' is ${(await this.deps.store.stateOf(id)) ?? run.state}; only queued or running runs can be cancelled`, 409);
    this.deps.worker.abortLocal(id);
    this.deps.emit(stopped);
    return stopped;
  }

  /** Runs a finished run's stored input again with this engine and compares the results as JSON. */
  async replay(id: string, user: Principal): Promise<SimReplayView> {
    const run = await this.get(id, user);
    if (run.state !== 'done') throw new HubError('sim:bad-state', `run '${id}' is ${run.state}; only a done run can be replayed`, 409);
    const result = await this.deps.executor.run({ kind: run.kind, input: run.input });
    const diff = firstDifference(run.result, JSON.parse(JSON.stringify(result)) as unknown);
    return {
      runId: run.id,
      identical: diff === null,
      storedEngineVersion: run.engineVersion,
      currentEngineVersion: SIM_ENGINE_VERSION,
      engineVersionMatches: run.engineVersion === SIM_ENGINE_VERSION,
      firstDifference: diff,
    };
  }
}
