// Assesses an incident off the hub's event loop: gathers the input here (a few ms: copies of the
// recent readings), computes on a sim worker thread (the `incident-assessment` task kind).
import type { IncidentAssessmentView } from '@safetwin/protocol';
import type { SimExecutor } from '../../sim-runs/sim-executor.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { AssessmentSubject } from './assessment-input.ts';
import { buildAssessmentInput } from './build-input.ts';
import type { RecentReadings } from './recent-readings.ts';

/** What the assessor reads and runs on. */
export interface IncidentAssessorDeps {
  registry: Pick<SiteRegistry, 'site'>;
  executor: SimExecutor;
  readings: RecentReadings;
  now: () => number;
}

/** Computes incident assessments on the sim executor's threads. */
export class IncidentAssessor {
  constructor(private readonly deps: IncidentAssessorDeps) {}

  /** The assessment number `seq` of `subject` from the data up to now; `computeMs` is the whole wall time (gathering, queue, thread); `signal` terminates the thread's computation. */
  async assess(subject: AssessmentSubject, seq: number, signal?: AbortSignal): Promise<IncidentAssessmentView> {
    const startedMs = performance.now();
    const input = buildAssessmentInput(this.deps.registry, this.deps.readings, subject, seq, this.deps.now());
    const view = (await this.deps.executor.run({ kind: 'incident-assessment', input }, signal ? { signal } : {})) as IncidentAssessmentView;
    return { ...view, computeMs: Math.round(performance.now() - startedMs) };
  }
}
