import type { IncidentAssessmentView, IncidentView } from '@safetwin/protocol';
import type { AssessmentSubject } from './assessment/assessment-input.ts';
import { IncidentTransitionError, isOpenState } from './incident-lifecycle.ts';
import type { IncidentService } from './incident-service.ts';
import { said } from '../said.ts';

/** What computes an assessment (the assessment's IncidentAssessor). */
export interface Assessor {
  /** `signal` aborts the computation (the incident closed, the hub is stopping): the promise then rejects. */
  assess(subject: AssessmentSubject, seq: number, signal?: AbortSignal): Promise<IncidentAssessmentView>;
}

/** Who acts on each stored assessment (the actions' IncidentActions). */
export interface AssessmentConsumer {
  onAssessment(incident: IncidentView, assessment: IncidentAssessmentView): void;
}

interface Loop {
  timer: NodeJS.Timeout;
  running: Promise<void> | null;
  /** Aborts the running assessment's computation. */
  abort: AbortController;
  /** A request came while one ran: run once more right after (requests coalesce). */
  pending: boolean;
  /** Sequence number of the last assessment asked for. */
  seq: number;
}

/** The subject the assessor works on, from the incident as it stands. */
export function assessmentSubject(incident: IncidentView, deviceOfAlarm: (alarmId: string) => string | undefined): AssessmentSubject {
  const devices = new Set<string>();
  for (const id of incident.alarmIds) {
    const device = deviceOfAlarm(id);
    if (device) devices.add(device);
  }
  // Isolation is decided when its first valve is commanded (or a field task handed out): from then the release profile ends.
  const commanded = incident.valves.map((v) => v.commandedAt).filter((t): t is number => t !== null);
  const decidedAt = incident.milestones.valvesCommandedAt ?? (commanded.length > 0 ? Math.min(...commanded) : null);
  return {
    id: incident.id,
    siteId: incident.siteId,
    chemical: incident.chemical,
    origin: incident.origin,
    declared: incident.declared,
    firstAlarmAt: incident.milestones.firstAlarmAt,
    createdAt: incident.createdAt,
    alarmDeviceIds: [...devices],
    isolation: decidedAt === null ? null : { decidedAt, valveIds: incident.valves.map((v) => v.valveId) },
    previous: incident.assessment,
  };
}

/**
 * The assessment loop of every open incident: one at once on creation (and on restore), then
 * every `everyMs` while the incident is open, and at once when an alarm joins. Never two
 * assessments of one incident at once: a request during a run makes one more run right after.
 * The first request moves a detected incident to assessing; each result is stored (the service
 * moves assessing → responding when it brings a plan) and handed to the actions.
 */
export class AssessmentScheduler {
  private readonly loops = new Map<string, Loop>();
  private closed = false;

  constructor(
    private readonly deps: {
      service: IncidentService;
      assessor: Assessor;
      actions: AssessmentConsumer;
      deviceOfAlarm: (alarmId: string) => string | undefined;
      everyMs: number;
      log: (err: unknown) => void;
    },
  ) {
    deps.service.onChange((incident, kind) => {
      if (!isOpenState(incident.state)) this.stop(incident.id);
      else if (kind === 'created' || kind === 'restored') this.start(incident);
      else if (kind === 'alarm-joined') this.request(incident.id);
    });
  }

  /** Asks for an assessment now (coalesced with one running). */
  request(id: string): void {
    const loop = this.loops.get(id);
    if (!loop || this.closed) return;
    if (loop.running) {
      loop.pending = true;
      return;
    }
    loop.running = this.run(id, loop).finally(() => {
      loop.running = null;
      if (loop.pending && this.loops.get(id) === loop) {
        loop.pending = false;
        this.request(id);
      }
    });
  }

  /** Incidents with a loop (open ones). */
  get active(): number {
    return this.loops.size;
  }

  /** Stops every loop, aborting running assessments; resolves when they have ended. */
  async close(): Promise<void> {
    this.closed = true;
    const running = [...this.loops.values()].map((l) => l.running);
    for (const id of [...this.loops.keys()]) this.stop(id);
    await Promise.all(running);
  }

  private start(incident: IncidentView): void {
    if (this.loops.has(incident.id) || this.closed) return;
    const timer = setInterval(() => this.request(incident.id), this.deps.everyMs);
    timer.unref();
    this.loops.set(incident.id, { timer, running: null, abort: new AbortController(), pending: false, seq: incident.assessment?.seq ?? 0 });
    this.request(incident.id);
  }

  private stop(id: string): void {
    const loop = this.loops.get(id);
    if (!loop) return;
    clearInterval(loop.timer);
    loop.pending = false;
    // Nobody will read the result: stop the computation (a dense-gas assessment can take a minute of a thread).
    loop.abort.abort(new Error(`the assessment loop of incident ${id} stopped`));
    this.loops.delete(id);
  }

  private async run(id: string, loop: Loop): Promise<void> {
    try {
      let incident = await this.deps.service.get(id);
      if (!isOpenState(incident.state)) return;
      if (incident.state === 'detected') incident = await this.toAssessing(id, incident);
      const seq = ++loop.seq;
      const assessment = await this.deps.assessor.assess(assessmentSubject(incident, this.deps.deviceOfAlarm), seq, loop.abort.signal);
      if (this.loops.get(id) !== loop) return; // closed while computing
      const stored = await this.deps.service.recordAssessment(id, assessment);
      // Closed while storing: the actions must not start (or resume) a run nobody forgets.
      if (this.loops.get(id) === loop && stored.assessment?.seq === assessment.seq) this.deps.actions.onAssessment(stored, assessment);
    } catch (err) {
      // A loop stopped meanwhile (the incident closed, the hub closing and its threads terminated) fails for that reason only.
      if (this.loops.get(id) === loop) this.deps.log(err);
    }
  }

  private async toAssessing(id: string, incident: IncidentView): Promise<IncidentView> {
    try {
      return await this.deps.service.transition(id, 'assessing', 'system', said('first assessment requested', 'reason.first-assessment'));
    } catch (err) {
      // Someone else moved it on in between (contained, closed): assess it as it now is.
      if (err instanceof IncidentTransitionError) return this.deps.service.get(id);
      throw err;
    }
  }
}
