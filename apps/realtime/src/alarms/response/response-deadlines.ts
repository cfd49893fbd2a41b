import type { AlarmResponseView, AlarmView } from '@safetwin/protocol';
import type { AlarmEngine } from '../alarm-engine.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { ResponseEvent } from './response-events.ts';
import { isNewActivation } from '../alarm-engine.ts';
import { HIDDEN_STATES } from '../alarm-lifecycle.ts';
import {
  RESPONSE_DEADLINE_MS, carriesGroupResponse, confirmResponse, deadlineKindOf, isReinstatedUnanswered, isRunning, missedEscalations, openResponse,
  type DeadlineKind,
} from './response-policy.ts';

/** The queue job that fires when a response deadline passes. */
export const DEADLINE_JOB = 'alarm.response-deadline';

interface DeadlineJob {
  alarmId: string;
  dueAt: number;
}

/** Nothing of this kind is due on the alarm (none demanded, or already confirmed): a 409. */
export class NothingDueError extends Error {}

/**
 * The database as the judge of who fires a deadline when several hubs share one Redis: each
 * hub holds its own in-memory copy of the alarms, so the first hub to swap the stored running
 * response for the escalated one (a conditional UPDATE) acts, the others do nothing.
 */
export interface DeadlineClaims {
  /** Stores `next` as the alarm's response if the stored one still runs with deadline `dueAt`; false when another hub (or a confirmation) got there first. */
  claim(alarmId: string, dueAt: number, next: AlarmResponseView): Promise<boolean>;
  /** The stored response (for a hub whose copy lacks it: another hub opened it). */
  load(alarmId: string): Promise<AlarmResponseView | null>;
  /** Stores audit entries of an alarm (`response` events) that this hub's engine cannot store: its copy of the alarm is stale. */
  record(alarmId: string, entries: readonly { at: number; reason: string }[]): Promise<void>;
}

/** What the deadlines need. */
export interface ResponseDeadlineDeps {
  engine: AlarmEngine;
  queue: JobQueue;
  now: () => number;
  emit: (event: ResponseEvent) => void;
  onError: (err: unknown) => void;
  /** Deadline per kind, ms (tests shorten them). @defaultValue RESPONSE_DEADLINE_MS */
  durationsMs?: Readonly<Record<DeadlineKind, number>>;
  /** With several hubs (REDIS_URL): the database decides who escalates. Without, this hub's memory does. */
  claims?: DeadlineClaims;
}

/** A stable job id per alarm and deadline (BullMQ ids may not hold ':'), so re-arming after a restart adds nothing twice. */
export const deadlineJobId = (alarmId: string, dueAt: number) => `deadline.${Buffer.from(alarmId).toString('base64url')}.${dueAt}`;

/**
 * The level-2/3 response deadlines: a new activation of a level-2 (emergency plan, 30 min) or
 * level-3 (rectification plan, 2 h) alarm that carries its group's response for its enterprise
 * opens one for the enterprise (a re-activation before the confirmation keeps the running one).
 * An activation while the alarm is shelved, suppressed or out of service opens none until it is
 * reinstated with its condition still standing. A missed deadline escalates enterprise → park →
 * government (then keeps reminding the government), each tier due one period after the missed
 * deadline, so the chain runs from the original deadline; after downtime every tier missed
 * meanwhile is escalated (each recorded and told). A confirmation stops the clock. The state lives
 * in the alarm's `response` (stored with it), each deadline is a delayed queue job (BullMQ with
 * Redis, else an in-process timer) with a stable id; `ready` re-arms them from the stored alarms
 * (one past due with delay 0) and opens the deadlines an activation left unopened (a crash).
 */
export class ResponseDeadlines {
  private readonly durationsMs: Readonly<Record<DeadlineKind, number>>;

  constructor(private readonly deps: ResponseDeadlineDeps) {
    this.durationsMs = deps.durationsMs ?? RESPONSE_DEADLINE_MS;
  }

  /** Takes the deadline jobs and listens for activations (emits nothing itself: call `ready` once notifiers listen). */
  start(): void {
    const { engine, queue } = this.deps;
    queue.process(DEADLINE_JOB, async (data) => this.fire(data as DeadlineJob));
    engine.onChange((alarm, transition, before) => {
      const kind = deadlineKindOf(alarm.level);
      if (isReinstatedUnanswered(alarm, transition)) {
        if (kind) queueMicrotask(() => this.open(alarm.id, alarm.raisedAt, kind));
        return;
      }
      if (!isNewActivation(alarm, transition, before)) return;
      // After the activation's own listeners: the response is a change of its own.
      const running = isRunning(before.response) ? before.response : null;
      if (running) queueMicrotask(() => this.carryOver(alarm.id, alarm.raisedAt, running));
      if (!running && kind) queueMicrotask(() => this.open(alarm.id, alarm.raisedAt, kind));
    });
  }

  /**
   * Catch-up at start, once notifiers listen: re-arms every running deadline (one past due with
   * delay 0 under its stable catch-up job id, so BullMQ runs it once however many hubs start; not
   * under the deadline's own id, whose delayed job may still wait in Redis on a clock the hub's
   * does not share), and opens
   * the deadline of every standing level-2/3 alarm that carries no response.
   */
  ready(): void {
    for (const alarm of this.deps.engine.list(null, true)) {
      const r = alarm.response;
      const kind = deadlineKindOf(alarm.level);
      if (isRunning(r)) this.arm(alarm.id, r.dueAt, r.dueAt <= this.deps.now());
      else if (r === null && alarm.processActive && kind) this.open(alarm.id, alarm.raisedAt, kind);
    }
  }

  /**
   * Confirms the running response of `kind` on an alarm (emergency plan started, rectification
   * plan filed); throws NothingDueError when none is running.
   */
  confirm(alarmId: string, kind: DeadlineKind, actor: string, note: string): AlarmView {
    const alarm = this.deps.engine.get(alarmId);
    const r = alarm?.response ?? null;
    if (!alarm || r === null || r.kind !== kind) throw new NothingDueError(`no ${kind} is due on alarm '${alarmId}'`);
    if (!isRunning(r)) throw new NothingDueError(`the ${kind} of alarm '${alarmId}' was already confirmed by ${r.confirmedBy ?? 'someone'}`);
    const at = this.deps.now();
    const next = this.deps.engine.setResponse(alarmId, confirmResponse(r, actor, note, at), actor, `${kind} confirmed (${r.tier} tier): ${note}`);
    this.deps.emit({ type: 'response-confirmed', alarm: next, by: actor, at });
    return next;
  }

  private open(alarmId: string, raisedAt: number | null, kind: DeadlineKind): void {
    const alarm = this.deps.engine.get(alarmId);
    if (!alarm || alarm.raisedAt !== raisedAt || alarm.response !== null || HIDDEN_STATES.has(alarm.state)) return; // re-raised, answered, or hidden
    // Judged here, after the responses of earlier activations (queued before this one) were set.
    const members = alarm.groupId === null ? [] : this.deps.engine.groupMembers(alarm.groupId).filter((a) => a.id !== alarm.id);
    if (!carriesGroupResponse(alarm, kind, members)) return;
    const at = this.deps.now();
    const response = openResponse(kind, at, this.durationsMs[kind]);
    const next = this.deps.engine.setResponse(alarmId, response, 'system', `${kind} due from the enterprise by ${new Date(response.dueAt!).toISOString()}`);
    this.arm(alarmId, response.dueAt!);
    this.deps.emit({ type: 'response-due', alarm: next, at });
  }

  /**
   * A re-activation before anyone confirmed: the engine cleared the response, but the demand
   * stands with its deadline (a chattering alarm must not push it out), grouped or not.
   */
  private carryOver(alarmId: string, raisedAt: number | null, running: AlarmResponseView & { dueAt: number }): void {
    const alarm = this.deps.engine.get(alarmId);
    if (!alarm || alarm.raisedAt !== raisedAt || alarm.response !== null) return;
    this.deps.engine.setResponse(alarmId, running, 'system', `${running.kind} still due from the ${running.tier} by ${new Date(running.dueAt).toISOString()} (raised again before it was confirmed)`);
    this.arm(alarmId, running.dueAt);
  }

  private arm(alarmId: string, dueAt: number, catchUp = false): void {
    const job: DeadlineJob = { alarmId, dueAt };
    const jobId = `${deadlineJobId(alarmId, dueAt)}${catchUp ? '.catch-up' : ''}`;
    this.deps.queue.add(DEADLINE_JOB, job, { delayMs: Math.max(0, dueAt - this.deps.now()), jobId }).catch(this.deps.onError);
  }

  /**
   * A deadline passed: escalates through every tier missed by now when that same deadline still
   * runs (a confirmation or re-activation since makes it a no-op); with claims, only the hub whose
   * conditional update wins acts, and a hub whose copy lacks the response takes the stored one.
   */
  private async fire(job: DeadlineJob): Promise<void> {
    const { engine, claims } = this.deps;
    const alarm = engine.get(job.alarmId);
    let r: AlarmResponseView | null = alarm?.response ?? null;
    const stale = alarm !== undefined && claims !== undefined && !(isRunning(r) && r.dueAt === job.dueAt);
    if (stale) r = await claims.load(alarm.id);
    if (!alarm || !isRunning(r) || r.dueAt !== job.dueAt) return;
    const at = this.deps.now();
    const steps = missedEscalations(r, at, this.durationsMs[r.kind as DeadlineKind]);
    if (steps.length === 0) return this.arm(alarm.id, r.dueAt); // ran early (another hub's clock): wait again
    if (claims && !(await claims.claim(alarm.id, r.dueAt, steps.at(-1)!))) return;
    const reasons = steps.map((next, i) => {
      const from = i === 0 ? r : steps[i - 1]!;
      return `${from.tier} missed the ${from.kind} deadline ${new Date(from.dueAt).toISOString()}: escalated to ${next.tier}, due ${new Date(next.dueAt).toISOString()}`;
    });
    // A stale copy (another hub raised the alarm) is not saved over the stored row: the audit goes straight to the database.
    if (stale) await claims!.record(alarm.id, reasons.map((reason) => ({ at, reason })));
    steps.forEach((next, i) => {
      const updated = stale ? { ...alarm, response: next } : engine.setResponse(alarm.id, next, 'system', reasons[i]!);
      this.deps.emit({ type: 'response-escalated', alarm: updated, fromTier: (i === 0 ? r : steps[i - 1]!).tier, at });
    });
    this.arm(alarm.id, steps.at(-1)!.dueAt);
  }
}
