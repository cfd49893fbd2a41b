import type { AlarmResponseView, AlarmView } from '@safetwin/protocol';
import type { AlarmEngine } from '../alarm-engine.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { ResponseEvent } from './response-events.ts';
import {
  RESPONSE_DEADLINE_MS, carriesGroupResponse, confirmResponse, deadlineKindOf, escalateResponse, isNewActivation, isRunning, openResponse,
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

/** What the deadlines need. */
export interface ResponseDeadlineDeps {
  engine: AlarmEngine;
  queue: JobQueue;
  now: () => number;
  emit: (event: ResponseEvent) => void;
  onError: (err: unknown) => void;
  /** Deadline per kind, ms (tests shorten them). @defaultValue RESPONSE_DEADLINE_MS */
  durationsMs?: Readonly<Record<DeadlineKind, number>>;
}

/** A stable job id per alarm and deadline (BullMQ ids may not hold ':'), so re-arming after a restart adds nothing twice. */
export const deadlineJobId = (alarmId: string, dueAt: number) => `deadline.${Buffer.from(alarmId).toString('base64url')}.${dueAt}`;

/**
 * The level-2/3 response deadlines: a new activation of a level-2 (emergency plan, 30 min) or
 * level-3 (rectification plan, 2 h) alarm that carries its group's response opens one for the
 * enterprise (a re-activation before the confirmation keeps the running one); a missed deadline escalates enterprise → park → government (then keeps reminding
 * the government), each tier with a fresh deadline; a confirmation stops the clock. The state
 * lives in the alarm's `response` (stored with it), each deadline is a delayed queue job (BullMQ
 * with Redis, else an in-process timer), and `start` re-arms them from the stored alarms: one
 * that passed while the hub was down fires at once.
 */
export class ResponseDeadlines {
  private readonly durationsMs: Readonly<Record<DeadlineKind, number>>;

  constructor(private readonly deps: ResponseDeadlineDeps) {
    this.durationsMs = deps.durationsMs ?? RESPONSE_DEADLINE_MS;
  }

  /** Takes the deadline jobs, listens for activations and re-arms the stored deadlines. */
  start(): void {
    const { engine, queue } = this.deps;
    queue.process(DEADLINE_JOB, async (data) => this.fire(data as DeadlineJob));
    engine.onChange((alarm, transition, before) => {
      if (!isNewActivation(alarm, transition, before)) return;
      // After the activation's own listeners: the response is a change of its own.
      const running = isRunning(before.response) ? before.response : null;
      if (running) queueMicrotask(() => this.carryOver(alarm.id, alarm.raisedAt, running));
      const kind = deadlineKindOf(alarm.level);
      if (!running && kind) queueMicrotask(() => this.open(alarm.id, alarm.raisedAt, kind));
    });
    for (const alarm of engine.list(null, false)) {
      const r = alarm.response;
      if (!isRunning(r)) continue;
      if (r.dueAt <= this.deps.now()) this.fire({ alarmId: alarm.id, dueAt: r.dueAt });
      else this.arm(alarm.id, r.dueAt);
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
    if (!alarm || alarm.raisedAt !== raisedAt || alarm.response !== null) return; // already re-raised, or answered
    // Judged here, after the responses of earlier activations (queued before this one) were set.
    const members = alarm.groupId === null ? [] : this.deps.engine.list(alarm.siteId, false).filter((a) => a.groupId === alarm.groupId && a.id !== alarm.id);
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
    if (running.dueAt <= this.deps.now()) this.fire({ alarmId, dueAt: running.dueAt });
    else this.arm(alarmId, running.dueAt);
  }

  private arm(alarmId: string, dueAt: number): void {
    const job: DeadlineJob = { alarmId, dueAt };
    this.deps.queue.add(DEADLINE_JOB, job, { delayMs: Math.max(0, dueAt - this.deps.now()), jobId: deadlineJobId(alarmId, dueAt) }).catch(this.deps.onError);
  }

  /** A deadline passed: escalates when that same deadline still runs (a confirmation or re-activation since makes it a no-op). */
  private fire(job: DeadlineJob): void {
    const alarm = this.deps.engine.get(job.alarmId);
    const r: AlarmResponseView | null = alarm?.response ?? null;
    if (!alarm || !isRunning(r) || r.dueAt !== job.dueAt) return;
    const at = this.deps.now();
    const next = escalateResponse(r, at, this.durationsMs[r.kind as DeadlineKind]);
    const missed = `${r.tier} missed the ${r.kind} deadline ${new Date(r.dueAt).toISOString()}`;
    const updated = this.deps.engine.setResponse(alarm.id, next, 'system', `${missed}: escalated to ${next.tier}, due ${new Date(next.dueAt!).toISOString()}`);
    this.arm(alarm.id, next.dueAt!);
    this.deps.emit({ type: 'response-escalated', alarm: updated, fromTier: r.tier, at });
  }
}
