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
import { DEFAULT_SIM_INPUT_LIMITS, type SimInputLimits } from './sim-input-limits.ts';
import { queueUnavailable, replaysBusy, replayTimedOut, siteBusy } from './sim-errors.ts';
import type { SimRunStore } from './sim-run-store.ts';
import { SIM_RUN_JOB, type SimRunWorker } from './sim-run-worker.ts';
import { withTimeout } from './with-timeout.ts';

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
  /** This hub's clock: only the live-weather age (stored times use the database clock). */
  now: () => number;
  /** Replays computed at once by this hub; one more is answered 429. @defaultValue {@link DEFAULT_MAX_REPLAYS} */
  maxReplays?: number;
  /** A replay still computing after this is stopped (its thread terminated) and answered 504, ms. @defaultValue {@link DEFAULT_REPLAY_TIMEOUT_MS} */
  replayTimeoutMs?: number;
  /** How long `queue.add` may take before the run is failed and the POST answered 503, ms. @defaultValue {@link QUEUE_ADD_TIMEOUT_MS} */
  queueAddTimeoutMs?: number;
  /** Unfinished (queued or running) runs one site may have; one more is answered 429. @defaultValue {@link DEFAULT_MAX_ACTIVE_RUNS_PER_SITE} */
  maxActiveRunsPerSite?: number;
  /** @defaultValue {@link DEFAULT_SIM_INPUT_LIMITS} */
  inputLimits?: SimInputLimits;
}

/** Replays one hub computes at once (they share the run threads with queued runs). */
export const DEFAULT_MAX_REPLAYS = 2;
/** Time limit of one replay, ms. */
export const DEFAULT_REPLAY_TIMEOUT_MS = 120_000;
/** Time limit for handing a run's job to the queue, ms (BullMQ waits for Redis indefinitely otherwise). */
export const QUEUE_ADD_TIMEOUT_MS = 5_000;
/** Unfinished runs per site (our limit: a drill or an incident needs a few at once, not dozens). */
export const DEFAULT_MAX_ACTIVE_RUNS_PER_SITE = 8;

const notFound = (id: string) => new HubError('sim:not-found', `no simulation run '${id}'`, 404);

/** Submits, lists, cancels and replays simulation runs (the API side of `sim_runs`). */
export class SimRunService {
  private activeReplays = 0;

  constructor(private readonly deps: SimRunServiceDeps) {}

  /** Embedded queue only (its jobs do not survive a restart): re-queue waiting runs, fail interrupted ones. */
  async recover(): Promise<void> {
    if (this.deps.queue.kind !== 'in-process') return;
    for (const run of await this.deps.store.inStates(['queued', 'running'])) {
      if (run.state === 'queued') await this.deps.queue.add(SIM_RUN_JOB, { runId: run.id }, { jobId: run.id });
      else await this.deps.store.stop(run.id, 'interrupted: the hub stopped while the run was computing');
    }
  }

  /**
   * Validates and stores a run, then queues it. 429 when the site has its limit of unfinished
   * runs. When the queue does not take the job in time the run is stored failed and the answer
   * is 503 — unless a worker already started it (the queue took the job and only its answer was
   * late): then the run as it is now.
   */
  async submit(request: SimRunRequest, user: Principal): Promise<SimRunView> {
    const site = this.deps.registry.site(request.siteId);
    if (!site || !canSeeSite(user, request.siteId)) throw new HubError('request:not-found', `no site '${request.siteId}'`, 404);
    const { input, context } = await prepareRun(this.deps.db, this.deps.registry, site, request, this.deps.now(), this.deps.inputLimits ?? DEFAULT_SIM_INPUT_LIMITS);
    // Counted, then inserted: submissions racing each other may pass the limit by one or two.
    const maxActive = this.deps.maxActiveRunsPerSite ?? DEFAULT_MAX_ACTIVE_RUNS_PER_SITE;
    if ((await this.deps.store.activeCount(site.id)) >= maxActive) throw siteBusy(site.id, maxActive);
    const run = await this.deps.store.insert({ id: randomUUID(), siteId: site.id, kind: request.kind, input, context, engineVersion: SIM_ENGINE_VERSION, requestedBy: user.username });
    this.deps.emit(run);
    try {
      await withTimeout(this.deps.queue.add(SIM_RUN_JOB, { runId: run.id }, { jobId: run.id }), this.deps.queueAddTimeoutMs ?? QUEUE_ADD_TIMEOUT_MS, 'no answer');
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
      const failed = await this.deps.store.stop(run.id, `queue '${SIM_RUN_JOB}' (${this.deps.queue.kind}) did not take the job: ${reason}`, ['queued']);
      if (failed) {
        this.deps.emit(failed);
        throw queueUnavailable(SIM_RUN_JOB, reason);
      }
      // No longer queued: a worker took the job after all (or it was cancelled); it is not failed, so no 503.
      return (await this.deps.store.get(run.id)) ?? run;
    }
    return run;
  }

  /** A run the user may see, or a 404. */
  async get(id: string, user: Principal): Promise<SimRunView> {
    const run = await this.deps.store.get(id);
    if (!run || !canSeeSite(user, run.siteId)) throw notFound(id);
    return run;
  }

  /** A site's recent runs, newest first, without results (`resultOmitted: true`; GET a run for its result). */
  async list(siteId: string, user: Principal, limit: number): Promise<SimRunView[]> {
    if (!this.deps.registry.site(siteId) || !canSeeSite(user, siteId)) throw new HubError('request:not-found', `no site '${siteId}'`, 404);
    return this.deps.store.list(siteId, limit);
  }

  /** Cancels a queued (never starts) or running (its thread is stopped) run; 409 once finished. */
  async cancel(id: string, user: Principal): Promise<SimRunView> {
    const run = await this.get(id, user);
    const stopped = await this.deps.store.stop(run.id);
    if (!stopped) throw new HubError('sim:bad-state', `run '${id}' is ${(await this.deps.store.stateOf(id)) ?? run.state}; only queued or running runs can be cancelled`, 409);
    this.deps.worker.abortLocal(id);
    this.deps.emit(stopped);
    return stopped;
  }

  /**
   * Runs a finished run's stored input again with this engine and compares the results as JSON.
   * At most `maxReplays` at once per hub (429 beyond), each stopped after `replayTimeoutMs` (504).
   */
  async replay(id: string, user: Principal): Promise<SimReplayView> {
    const run = await this.get(id, user);
    if (run.state !== 'done') throw new HubError('sim:bad-state', `run '${id}' is ${run.state}; only a done run can be replayed`, 409);
    const maxReplays = this.deps.maxReplays ?? DEFAULT_MAX_REPLAYS;
    if (this.activeReplays >= maxReplays) throw replaysBusy(maxReplays);
    this.activeReplays++;
    const timeoutMs = this.deps.replayTimeoutMs ?? DEFAULT_REPLAY_TIMEOUT_MS;
    const signal = AbortSignal.timeout(timeoutMs);
    let result: unknown;
    try {
      result = await this.deps.executor.run({ kind: run.kind, input: run.input }, { signal });
    } catch (err) {
      if (signal.aborted) throw replayTimedOut(timeoutMs);
      throw err;
    } finally {
      this.activeReplays--;
    }
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
