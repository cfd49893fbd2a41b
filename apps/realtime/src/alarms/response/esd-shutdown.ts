import type { AlarmResponseView, AlarmView, CommandRecord, CommandRequest, LiveReading } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import type { AlarmEngine, AlarmPoint } from '../alarm-engine.ts';
import { esdValvesFor, unitOfDevice, type EsdValve } from './esd-valves.ts';
import type { ResponseEvent } from './response-events.ts';
import { isNewActivation } from '../alarm-engine.ts';

/** The alarm kind raised on a valve that did not close when commanded (level 1: the unit is not isolated). */
export const SHUTDOWN_FAILED_KIND = 'shutdown-failed';
/** Who the audit trail and the command records name for automatic shutdowns. */
export const ESD_ACTOR = 'system:esd';
/** How the note of a shutdown under way ends (a restart resumes those). */
const COMMANDED_SUFFIX = ' commanded closed';
/** A valve reporting at most this opening counts as closed (on its seat, within the position transmitter's accuracy), %. */
export const CLOSED_MAX_PCT = 0.5;
/**
 * How far a gateway's clock may lag the hub's, ms: a closed report counts only when its reading
 * time is at least the command's issue time minus this (a replayed buffer from before the
 * command must not confirm a shutdown, nor clear a shutdown-failed alarm).
 */
export const REPORT_CLOCK_SKEW_MS = 2000;

/** Sends a field command and resolves with its outcome (the hub's CommandChannel). */
export interface ValveCommander {
  send(request: CommandRequest, issuedBy: string): Promise<CommandRecord>;
}

/** What the shutdown needs. */
export interface EsdShutdownDeps {
  engine: AlarmEngine;
  site: (siteId: string) => Site | undefined;
  commands: ValveCommander;
  now: () => number;
  emit: (event: ResponseEvent) => void;
  onError: (err: unknown) => void;
  /** How long a command waits for the gateway's acknowledgement, ms (HubOptions.commandTimeoutMs). */
  commandTimeoutMs: number;
}

/**
 * How long a commanded valve may take to report closed, ms: the acknowledgement (command
 * timeout), its full stroke, and two report intervals for the position report to arrive.
 */
export function closeTimeoutMs(valve: Pick<EsdValve, 'strokeTimeS' | 'intervalMs'>, commandTimeoutMs: number): number {
  return commandTimeoutMs + valve.strokeTimeS * 1000 + 2 * valve.intervalMs;
}

type Outcome = { ok: true } | { ok: false; reason: string };

interface Closing {
  valve: EsdValve;
  /** When the close command was issued (hub clock), ms. */
  issuedAtMs: number;
  done: Promise<Outcome>;
  /** Resolves `done` when the valve reports closed. */
  closed: () => void;
}

/** A standing shutdown-failed alarm and the time from which a closed report clears it. */
interface Failed {
  point: AlarmPoint;
  sinceMs: number;
}

/**
 * Level 1 (explosion precursor) on a chemical park: a new activation commands the unit's ESD
 * valves closed through the command channel (as an operator's command would go, recorded with
 * `issuedBy: system:esd`), records the shutdown as the alarm's response, and watches the valves'
 * position reports. All closed: the response is confirmed by the field. A valve not acknowledged,
 * or not reporting closed within {@link closeTimeoutMs}: the response says so and a level-1
 * `shutdown-failed` alarm stands on that valve until it reports closed (a report dated after the
 * command, {@link REPORT_CLOCK_SKEW_MS}). The shutdown latches per unit: once commanded, further
 * level-1 activations on the unit (a chattering voting alarm) command nothing and emit nothing —
 * they are recorded as held by the latch — until an operator resets it by acknowledging every
 * level-1 alarm of the unit back to normal (process cleared, then acknowledged). When the ring of
 * ESD valves reaches neighbouring units (another owner's valves), the audit trail and the
 * `shutdown-commanded` event name those valves and owners. Mine level-1 alarms
 * (methane power cut) are not handled here; `shutdown-failed` alarms never command anything.
 */
export class EsdShutdown {
  /** Valves being closed now, by actuator device id (two alarms on one unit command a valve once). */
  private readonly closing = new Map<string, Closing>();
  /** Valves with a standing shutdown-failed alarm, by actuator device id. */
  private readonly failed = new Map<string, Failed>();
  /** Latched units (`site/unit`) → the level-1 alarms held by the latch (released when all are back to normal). */
  private readonly latched = new Map<string, Set<string>>();
  /** The latched unit of an alarm held by a latch. */
  private readonly latchOf = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: EsdShutdownDeps) {}

  /** Listens for level-1 activations and for latches an operator resets (emits nothing itself: call `ready` once notifiers listen). */
  start(): void {
    this.deps.engine.onChange((alarm, transition, before) => {
      if (alarm.level !== 1 || alarm.kind === SHUTDOWN_FAILED_KIND) return;
      if (alarm.state === 'normal') this.release(alarm.id);
      if (isNewActivation(alarm, transition, before)) queueMicrotask(() => void this.shutdown(alarm).catch(this.deps.onError));
    });
  }

  /**
   * Catch-up at start, once notifiers listen: takes over the standing shutdown-failed alarms
   * (cleared when their valve reports closed), latches the units whose shutdown still stands,
   * resumes every shutdown that was commanded but neither confirmed nor failed — its valves are
   * commanded closed again (closing is the safe direction, and a closed valve just acknowledges)
   * — and commands the shutdown of every standing level-1 alarm that carries none (the hub
   * stopped between the activation and the command).
   */
  ready(): void {
    const toCommand: AlarmView[] = [];
    for (const a of this.deps.engine.list(null, true)) {
      const r = a.response;
      if (a.kind === SHUTDOWN_FAILED_KIND) {
        if (a.processActive) this.failed.set(a.deviceId, { point: { siteId: a.siteId, deviceId: a.deviceId, enterpriseId: a.enterpriseId, metric: a.metric, kind: a.kind, level: a.level, priority: a.priority, setpoint: a.setpoint }, sinceMs: a.raisedAt ?? 0 });
      } else if (a.level !== 1) continue;
      else if ((r === null && a.processActive) || (r?.kind === 'shutdown' && r.confirmedAt === null && r.note?.endsWith(COMMANDED_SUFFIX))) toCommand.push(a);
      else if (r?.kind === 'shutdown') this.hold(this.unitKey(a), a.id);
    }
    for (const a of toCommand) queueMicrotask(() => void this.shutdown(a).catch(this.deps.onError));
  }

  /** Valve position reports (the valves' `open_pct` telemetry). O(1) per reading. */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      const openPct = r.values.open_pct;
      if (openPct === undefined || openPct > CLOSED_MAX_PCT) continue;
      const closing = this.closing.get(r.deviceId);
      if (closing && r.ts >= closing.issuedAtMs - REPORT_CLOCK_SKEW_MS) closing.closed();
      const failed = this.failed.get(r.deviceId);
      if (failed && r.ts >= failed.sinceMs - REPORT_CLOCK_SKEW_MS) {
        this.failed.delete(r.deviceId);
        this.deps.engine.setCondition(failed.point, false, openPct);
      }
    }
  }

  /** Stops the close watches (their shutdowns stay unconfirmed). */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Commands the unit's ESD valves of a level-1 alarm closed and follows them until closed or timed out. */
  async shutdown(alarm: AlarmView): Promise<void> {
    const site = this.deps.site(alarm.siteId);
    if (site?.kind !== 'chemical-park') return;
    const valves = esdValvesFor(site, alarm.deviceId);
    const names = valves.map((v) => v.valveId).join(', ');
    if (valves.length === 0) {
      this.record(alarm.id, { note: `no remote ESD valve isolates the unit of ${alarm.deviceId}: isolate by hand` }, 'no ESD valve mapped to the unit');
      return;
    }
    const unit = this.unitKey(alarm);
    const holders = this.latched.get(unit);
    if (holders) {
      const by = [...holders].filter((id) => id !== alarm.id).join(', ') || alarm.id;
      this.hold(unit, alarm.id);
      this.record(alarm.id, { note: `ESD of the unit latched (by ${by}): not commanded again until an operator resets it` }, `ESD latched by ${by}: valves ${names} not commanded again`);
      return;
    }
    this.hold(unit, alarm.id);
    const fresh = valves.filter((v) => !this.closing.has(v.deviceId));
    const joined = valves.length - fresh.length;
    const neighbours = valves.filter((v) => v.enterpriseId !== alarm.enterpriseId).map((v) => ({ valveId: v.valveId, enterpriseId: v.enterpriseId }));
    const beyond = neighbours.length ? `; on neighbouring units: ${neighbours.map((n) => `${n.valveId} (${n.enterpriseId ?? 'park'})`).join(', ')}` : '';
    const commanded = this.record(alarm.id, { note: `ESD valves ${names}${COMMANDED_SUFFIX}` }, `ESD valves ${names} commanded${joined ? ` (${joined} already closing)` : ''}${beyond}`);
    if (commanded) this.deps.emit({ type: 'shutdown-commanded', alarm: commanded, valveIds: valves.map((v) => v.valveId), neighbours, at: this.deps.now() });
    const outcomes = await Promise.all(valves.map((v) => (this.closing.get(v.deviceId) ?? this.startClosing(alarm, v)).done));
    const failed = valves.flatMap((v, i) => {
      const o = outcomes[i]!;
      return o.ok ? [] : [{ valve: v, reason: o.reason }];
    });
    if (failed.length === 0) {
      const done = this.record(alarm.id, { note: `ESD valves ${names} closed (reported by the field)`, confirmedAt: this.deps.now(), confirmedBy: ESD_ACTOR }, `ESD valves ${names} reported closed`);
      if (done) this.deps.emit({ type: 'shutdown-completed', alarm: done, valveIds: valves.map((v) => v.valveId), at: this.deps.now() });
      return;
    }
    const why = failed.map((f) => `${f.valve.valveId} ${f.reason}`).join('; ');
    const note = `shutdown failed: ${why}`;
    const current = this.record(alarm.id, { note }, note);
    for (const f of failed) this.raiseFailed(alarm, f.valve, this.closing.get(f.valve.deviceId)?.issuedAtMs ?? this.deps.now());
    if (current) this.deps.emit({ type: 'shutdown-failed', alarm: current, failed: failed.map((f) => ({ valveId: f.valve.valveId, reason: f.reason })), at: this.deps.now() });
  }

  private startClosing(alarm: AlarmView, valve: EsdValve): Closing {
    let settle!: (o: Outcome) => void;
    const done = new Promise<Outcome>((resolve) => (settle = resolve));
    const limitMs = closeTimeoutMs(valve, this.deps.commandTimeoutMs);
    const timer = setTimeout(() => settle({ ok: false, reason: `did not report closed within ${limitMs / 1000} s` }), limitMs);
    this.timers.add(timer);
    const entry: Closing = { valve, issuedAtMs: this.deps.now(), done, closed: () => settle({ ok: true }) };
    this.closing.set(valve.deviceId, entry);
    void done.then(() => {
      clearTimeout(timer);
      this.timers.delete(timer);
      if (this.closing.get(valve.deviceId) === entry) this.closing.delete(valve.deviceId);
    });
    const request: CommandRequest = { siteId: alarm.siteId, deviceId: valve.deviceId, action: 'valve.close', reason: `level-1 alarm ${alarm.id}` };
    this.deps.commands
      .send(request, ESD_ACTOR)
      .then((record) => {
        if (record.state !== 'acknowledged') settle({ ok: false, reason: `command ${record.state}${record.message ? ` (${record.message})` : ''}` });
      })
      .catch((err: unknown) => {
        this.deps.onError(err);
        settle({ ok: false, reason: `command not sent (${err instanceof Error ? err.message : String(err)})` });
      });
    return entry;
  }

  /** The unit an alarm stands for, as a latch key (`site/equipment-or-segment`, else the device). */
  private unitKey(alarm: Pick<AlarmView, 'siteId' | 'deviceId'>): string {
    const site = this.deps.site(alarm.siteId);
    const unit = site ? unitOfDevice(site, alarm.deviceId) : null;
    return `${alarm.siteId}/${unit?.id ?? alarm.deviceId}`;
  }

  private hold(unit: string, alarmId: string): void {
    this.latched.set(unit, (this.latched.get(unit) ?? new Set()).add(alarmId));
    this.latchOf.set(alarmId, unit);
  }

  /** An alarm held by a latch is back to normal (acknowledged after its condition cleared); the last one releases the unit. */
  private release(alarmId: string): void {
    const unit = this.latchOf.get(alarmId);
    if (unit === undefined) return;
    this.latchOf.delete(alarmId);
    const holders = this.latched.get(unit);
    holders?.delete(alarmId);
    if (holders?.size === 0) this.latched.delete(unit);
  }

  private raiseFailed(alarm: AlarmView, valve: EsdValve, sinceMs: number): void {
    const point: AlarmPoint = { siteId: alarm.siteId, deviceId: valve.deviceId, enterpriseId: valve.enterpriseId, metric: 'open_pct', kind: SHUTDOWN_FAILED_KIND, level: 1, priority: 'high', setpoint: 0 };
    this.failed.set(valve.deviceId, { point, sinceMs });
    this.deps.engine.setCondition(point, true, null);
  }

  /** Sets the alarm's shutdown response (merging `change` into it); null if the alarm is gone. */
  private record(alarmId: string, change: Partial<AlarmResponseView>, reason: string): AlarmView | null {
    const current = this.deps.engine.get(alarmId);
    if (!current) return null;
    const base: AlarmResponseView = current.response?.kind === 'shutdown' ? current.response : { kind: 'shutdown', dueAt: null, tier: 'enterprise', escalations: 0, confirmedAt: null, confirmedBy: null, note: null };
    return this.deps.engine.setResponse(alarmId, { ...base, ...change }, 'system', reason);
  }
}
