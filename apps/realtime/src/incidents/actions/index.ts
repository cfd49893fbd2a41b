// Carrying out an incident's response: the isolation (valves commanded, confirmed, failed, field
// tasks) and the fire brigade's brief. See the realtime README, "Incident actions".
import {
  hubText, type FireBrigadeBrief, type IncidentAssessmentView, type IncidentDetailView, type IncidentMilestonesView, type IncidentValveView, type IncidentView,
  type IsolationAlternativeView, type IsolationValveView, type LiveReading,
} from '@safetwin/protocol';
import { lineFlowTransmitters, type ChemicalPark } from '@safetwin/twin-models';
import { incidentEnterprises } from '../../auth/access.ts';
import type { CommandChannel } from '../../commands/command-channel.ts';
import { HubError, notFound } from '../../errors.ts';
import { saidMessage, type TimelineEntry } from '../incident-store.ts';
import type { IngestService } from '../../ingest/ingest-service.ts';
import type { WebhookNotifier, WebhookRecipient } from '../../notify/webhook-notifier.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { CLOSED_MAX_PCT, REPORT_CLOCK_SKEW_MS, closeTimeoutMs } from '../../alarms/response/esd-shutdown.ts';
import { joinSaid, said, type Said } from '../../said.ts';
import { dropEvidence, PRESSURE_TREND_MS } from './confirmation.ts';
import { fireBrigadeBrief } from './fire-brigade-brief.ts';
import { PROCESS_METRICS, ProcessReadings } from './process-readings.ts';
import { placeParts } from './site-landmarks.ts';

/** Where the actions write: the incident's timeline and its valves (the incidents helper's IncidentService). */
export interface ActionSink {
  record(incidentId: string, event: TimelineEntry): Promise<void>;
  setValves(incidentId: string, valves: IncidentValveView[], milestones?: Partial<IncidentMilestonesView>): Promise<void>;
}

/** What the actions need from the hub. */
export interface IncidentActionsDeps {
  commands: Pick<CommandChannel, 'send'>;
  registry: Pick<SiteRegistry, 'site'>;
  ingest: Pick<IngestService, 'onValidated'>;
  now: () => number;
  sink: ActionSink;
  webhooks: Pick<WebhookNotifier, 'onIncidentEvent' | 'onOutcome'>;
  log: (err: unknown) => void;
  /**
   * Sites whose valves the hub's own demo simulator plays (demo mode with the simulator): a drill
   * there commands them, so the drill shows the whole chain. Elsewhere a drill never commands a
   * valve. @defaultValue none
   */
  simulatedSite?: (siteId: string) => boolean;
  /** How long a command waits for the gateway's ack, ms (HubOptions.commandTimeoutMs), for the close limit. @defaultValue 5000 */
  commandTimeoutMs?: number;
  /** Longest wait for a commanded valve to report closed, ms. @defaultValue max(60 s, ack timeout + stroke + 2 report intervals) */
  closeLimitMs?: number;
}

/** Shortest wait for an actuated valve to report closed after its command, ms (the brief's 60 s). */
export const MIN_CLOSE_LIMIT_MS = 60_000;
/** Who the timeline and the command records name for automatic isolation commands. */
export const incidentActor = (incidentId: string) => `system (incident ${incidentId})`;

const DONE_STATES: ReadonlySet<IncidentValveView['state']> = new Set(['closed', 'confirmed', 'field-done']);

/** One incident's isolation being carried out. */
interface Run {
  id: string;
  siteId: string;
  level: 1 | 2 | null;
  drill: boolean;
  /** Readings before this (ms) are "before" for valves closed without our command (the first alarm). */
  startedAt: number;
  sourceId: string | null;
  valves: Map<string, IncidentValveView>;
  /** The valves of the set being carried out (an earlier set's failed valves stay listed but not here). */
  active: Set<string>;
  alternatives: IsolationAlternativeView[];
  /** Valve-id keys of the sets adopted or proposed so far. */
  tried: Set<string>;
  timers: Map<string, NodeJS.Timeout>;
  isolatedAt: number | null;
}

/** Throws 409 `incident:invalid-transition` for a closed incident: nothing is commanded, tasked or sent for it any more. */
export function requireOpenIncident(incident: Pick<IncidentView, 'id' | 'state'>, what: string): void {
  if (incident.state === 'closed') throw new HubError('incident:invalid-transition', `state: incident ${incident.id} is closed; ${what} is refused`, 409);
}

const setKey = (alt: Pick<IsolationAlternativeView, 'valves'>) => alt.valves.map((v) => v.valveId).sort().join('|');

/**
 * The incident actions (see the file comment): isolation from the first assessment that has
 * one, its valves followed by their own position reports and by the flow and pressure
 * transmitters that show a shut line; the fire brigade's brief and its notification.
 */
export class IncidentActions {
  private readonly runs = new Map<string, Run>();
  private readonly readings = new ProcessReadings();
  /** Writes of one incident run in order. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Fire-brigade events waiting for their delivery, by event id. */
  private readonly briefsOut = new Map<string, { incidentId: string; recipients: WebhookRecipient[] }>();
  /** Incidents whose automatic notification was sent (once each). */
  private readonly autoNotified = new Set<string>();
  private closed = false;

  constructor(private readonly deps: IncidentActionsDeps) {
    deps.ingest.onValidated((readings) => this.observe(readings));
    deps.webhooks.onOutcome((o) => {
      const out = this.briefsOut.get(o.eventId);
      if (!out) return;
      const host = out.recipients.find((x) => x.hookId === o.hookId)?.host ?? o.hookId;
      const message = o.outcome === 'delivered'
        ? said(`fire-brigade brief delivered to ${host}`, 'event.brief-delivered', { host })
        : said(`fire-brigade brief NOT delivered to ${host} (gave up after retries): call the fire brigade`, 'event.brief-not-delivered', { host });
      this.write(out.incidentId, (sink) => sink.record(out.incidentId, { kind: 'notification', actor: 'system', ...saidMessage(message), data: { eventId: o.eventId, hookId: o.hookId, delivery: o.outcome } }));
    });
  }

  /**
   * A new assessment: adopts the first isolation, follows later ones, and notifies the fire
   * brigade on level 1. The run takes the incident's level each time: on escalation to level 1
   * the proposal still awaiting confirmation is commanded, and later failures command the next set.
   */
  onAssessment(incident: IncidentView, assessment: IncidentAssessmentView): void {
    if (this.closed || incident.state === 'closed') return;
    const site = this.park(incident.siteId);
    if (!site) return;
    const alts = assessment.isolation?.alternatives ?? [];
    let run = this.runs.get(incident.id);
    // The level follows the incident (a level-1 alarm joining makes isolation automatic from now on).
    const escalated = run !== undefined && run.level !== 1 && incident.level === 1;
    if (run) run.level = incident.level;
    if (!run && alts.length > 0) {
      run = this.newRun(incident, assessment.source.chosen.id);
      run.alternatives = alts;
      this.adopt(run, alts[0]!, 'system', run.level === 1 ? 'auto' : 'await', said(`isolation rank 1 of ${alts.length}`, 'why.isolation-rank', { rank: 1, of: alts.length }));
    } else if (run && alts.length > 0) {
      const moved = assessment.source.chosen.id !== run.sourceId;
      run.alternatives = alts;
      run.sourceId = assessment.source.chosen.id;
      const failed = new Set([...run.valves.values()].filter((v) => v.state === 'failed').map((v) => v.valveId));
      const best = alts.find((a) => !a.valves.some((v) => failed.has(v.valveId))) ?? alts[0]!;
      const awaiting = [...run.valves.values()].some((v) => v.state === 'awaiting-confirmation');
      if (escalated && awaiting) {
        this.adopt(run, best, 'system', 'auto', said(`escalated to level 1: isolation rank ${best.rank} commanded without waiting for confirmation`, 'why.escalated', { rank: best.rank }));
      } else if (!run.tried.has(setKey(best))) {
        const pendingOnly = [...run.valves.values()].every((v) => v.state === 'awaiting-confirmation');
        const to = assessment.source.chosen.id;
        const why = moved ? said(`the source estimate moved to ${to ?? 'a point'}`, 'why.source-moved', { source: to ?? '—' }) : said('the assessment changed', 'why.assessment-changed');
        if (run.level === 1) this.adopt(run, best, 'system', 'auto', said(`${why.en}: valves added`, 'why.valves-added', { why: why.text }));
        else if (pendingOnly) this.adopt(run, best, 'system', 'await', said(`${why.en}: proposal replaced`, 'why.proposal-replaced', { why: why.text }));
        else this.propose(run, best, said(`${why.en}: a new set is proposed (nothing already commanded changes)`, 'why.new-set', { why: why.text }));
      }
    }
    if (incident.level === 1 && assessment.zones.length > 0 && incident.milestones.fireBrigadeNotifiedAt === null && !this.autoNotified.has(incident.id)) {
      this.autoNotified.add(incident.id);
      void this.notify({ ...incident, assessment, valves: run ? [...run.valves.values()] : incident.valves }, 'system', true).catch(this.deps.log);
    }
  }

  /** A commander confirms alternative `rank` of the latest assessment: its remote valves are commanded, its manual ones become field tasks. */
  async confirmIsolation(incident: IncidentView, rank: number, actor: string): Promise<IncidentValveView[]> {
    requireOpenIncident(incident, 'confirming an isolation');
    if (!this.park(incident.siteId)) throw notFound(`incident ${incident.id}: its site is not a chemical park this hub serves`);
    const alts = incident.assessment?.isolation?.alternatives ?? [];
    const alt = alts.find((a) => a.rank === rank);
    if (!alt) throw new HubError('incident:no-isolation', alts.length === 0 ? `rank: incident ${incident.id} has no isolation assessed yet` : `rank: no alternative ${rank} (the latest assessment has ranks 1–${alts.length})`, 409);
    const run = this.runs.get(incident.id) ?? this.restoreRun(incident);
    run.alternatives = alts;
    this.adopt(run, alt, actor, 'confirmed', said(`isolation rank ${rank} confirmed by ${actor}`, 'why.rank-confirmed', { rank, actor }));
    await this.settled(run.id);
    return [...run.valves.values()];
  }

  /** A field crew reports a manual valve (or a failed actuated one) shut by hand. */
  async fieldDone(incident: IncidentView, valveId: string, actor: string): Promise<IncidentValveView[]> {
    requireOpenIncident(incident, 'reporting a field task done');
    const run = this.runs.get(incident.id) ?? this.restoreRun(incident);
    const v = run.valves.get(valveId);
    if (!v) throw notFound(`valveId: valve ${valveId} is not part of incident ${incident.id}'s isolation`);
    if (v.state !== 'field-task' && v.state !== 'failed') {
      throw new HubError('incident:valve-state', `valveId: valve ${valveId} is ${v.state}; only a field task (or a failed valve shut by hand) can be reported done`, 409);
    }
    const at = this.deps.now();
    this.update(run, valveId, { state: 'field-done', closedAt: at, ...evidenceOf(said(`shut by hand, reported by ${actor}`, 'valve.by-hand', { actor })) });
    this.event(run, 'valve-closed', actor, said(`${valveId} shut by hand (reported by ${actor})`, 'event.valve-by-hand', { valve: valveId, actor }), { valveId, by: 'field' });
    this.afterChange(run);
    await this.settled(run.id);
    return [...run.valves.values()];
  }

  /** Sends the brief to the fire brigade's webhooks and records it (manual route: any incident). */
  async notifyFireBrigade(incident: IncidentDetailView | IncidentView, actor: string): Promise<void> {
    requireOpenIncident(incident, 'notifying the fire brigade');
    const run = this.runs.get(incident.id);
    await this.notify(run ? { ...incident, valves: [...run.valves.values()] } : incident, actor, false);
  }

  /** The fire brigade's brief as the incident stands. */
  brief(incident: IncidentDetailView | IncidentView): FireBrigadeBrief {
    const site = this.park(incident.siteId);
    if (!site) throw notFound(`incident ${incident.id}: its site is not a chemical park this hub serves`);
    const run = this.runs.get(incident.id);
    return fireBrigadeBrief(site, run ? { ...incident, valves: [...run.valves.values()] } : incident, this.deps.now());
  }

  /** Takes an open incident over at start (valves as stored): commanded valves are watched again. */
  restore(incident: IncidentView): void {
    if (incident.state === 'closed' || this.runs.has(incident.id) || incident.valves.length === 0) return;
    this.restoreRun(incident);
    if (incident.milestones.fireBrigadeNotifiedAt !== null) this.autoNotified.add(incident.id);
  }

  /** Stops following an incident (closed). */
  forget(incidentId: string): void {
    const run = this.runs.get(incidentId);
    if (run) for (const t of run.timers.values()) clearTimeout(t);
    this.runs.delete(incidentId);
    this.autoNotified.delete(incidentId);
  }

  /** Stops every watch and waits for the writes under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const run of this.runs.values()) for (const t of run.timers.values()) clearTimeout(t);
    await Promise.all([...this.chains.values()]);
  }

  // ——— isolation ———

  private newRun(incident: IncidentView, sourceId: string | null): Run {
    const run: Run = {
      id: incident.id, siteId: incident.siteId, level: incident.level, drill: incident.origin === 'drill',
      startedAt: incident.milestones.firstAlarmAt ?? incident.createdAt, sourceId,
      valves: new Map(), active: new Set(), alternatives: [], tried: new Set(), timers: new Map(), isolatedAt: incident.milestones.isolatedAt,
    };
    this.runs.set(incident.id, run);
    return run;
  }

  /** A run rebuilt from the stored valves; never for a closed incident (it would command valves nobody forgets). */
  private restoreRun(incident: IncidentView): Run {
    requireOpenIncident(incident, 'taking its isolation over');
    const run = this.newRun(incident, incident.assessment?.source.chosen.id ?? null);
    run.alternatives = incident.assessment?.isolation?.alternatives ?? [];
    for (const v of incident.valves) {
      run.valves.set(v.valveId, v);
      if (v.state !== 'failed') run.active.add(v.valveId);
    }
    run.tried.add([...run.active].sort().join('|'));
    for (const v of incident.valves) if (v.state === 'commanded' && v.commandedAt !== null && !v.evidence?.startsWith('drill')) this.watchClose(run, v.valveId, v.commandedAt);
    return run;
  }

  /**
   * Makes `alt` the set carried out: manual valves become field tasks; remote valves are
   * commanded ('auto', 'confirmed') or wait for a commander ('await'). Valves already commanded
   * or shut stay as they are; proposals no longer in the set are dropped.
   */
  private adopt(run: Run, alt: IsolationAlternativeView, actor: string, mode: 'auto' | 'await' | 'confirmed', why: Said): void {
    run.tried.add(setKey(alt));
    for (const [id, v] of run.valves) if (v.state === 'awaiting-confirmation' && !alt.valves.some((x) => x.valveId === id)) run.valves.delete(id);
    run.active = new Set(alt.valves.map((v) => v.valveId));
    const set = describeSet(alt);
    this.event(run, 'valves-proposed', actor, said(`${why.en}: ${set.en}`, 'event.valves-proposed', { why: why.text, set: set.text }), { rank: alt.rank, valveIds: alt.valves.map((v) => v.valveId), mode, releasedBeforeIsolationKg: alt.releasedBeforeIsolationKg, totalReleaseKg: alt.totalReleaseKg });
    const site = this.park(run.siteId)!;
    for (const v of alt.valves) {
      const have = run.valves.get(v.valveId);
      if (have && have.state !== 'awaiting-confirmation' && have.state !== 'to-close') continue;
      if (v.actuation === 'manual') {
        const parts = placeParts(site, v.place);
        const where = joinSaid(parts);
        run.valves.set(v.valveId, blank(v, 'field-task', { evidence: `field task: ${where.en}`, evidenceTexts: [hubText('valve.field-task', { where: where.text })] }));
        this.event(run, 'field-task', actor, said(`close ${v.valveId} (${v.function}) by hand: ${where.en}`, 'event.field-task', { valve: v.valveId, function: v.function, where: where.text }), { valveId: v.valveId, place: v.place, location: where.en });
      } else if (mode === 'await') {
        run.valves.set(v.valveId, blank(v, 'awaiting-confirmation', NO_EVIDENCE));
      } else {
        run.valves.set(v.valveId, blank(v, 'to-close', NO_EVIDENCE));
        this.command(run, v, mode === 'auto' ? incidentActor(run.id) : actor);
      }
    }
    this.afterChange(run);
  }

  /** Records a set as proposed without changing any valve (level 2 once something is commanded). */
  private propose(run: Run, alt: IsolationAlternativeView, why: Said): void {
    run.tried.add(setKey(alt));
    const set = describeSet(alt);
    this.event(run, 'valves-proposed', 'system', said(`${why.en}: rank ${alt.rank}, ${set.en} — confirm to command`, 'event.valves-proposal', { why: why.text, rank: alt.rank, set: set.text }), { rank: alt.rank, valveIds: alt.valves.map((v) => v.valveId), mode: 'proposal' });
  }

  /** Commands one remote valve closed — unless it is closed or closing already, or this is a drill off the simulator. */
  private command(run: Run, v: IsolationValveView, issuedBy: string): void {
    const now = this.deps.now();
    const pos = v.deviceId ? this.readings.latest(v.deviceId, PROCESS_METRICS.position) : undefined;
    if (pos && pos.value <= CLOSED_MAX_PCT && pos.ts >= run.startedAt - REPORT_CLOCK_SKEW_MS) {
      const en = `${v.deviceId} reports open_pct ${pos.value} %: closed before the incident commanded it (the level-1 ESD ring or an operator)`;
      this.update(run, v.valveId, { state: 'closed', closedAt: pos.ts, ...evidenceOf(said(en, 'valve.closed-before', { device: v.deviceId!, openPct: pos.value })) });
      this.event(run, 'valve-closed', 'system', said(`${v.valveId} already closed (level-1 ESD ring or operator): not commanded again`, 'event.valve-closed-before', { valve: v.valveId }), { valveId: v.valveId, openPct: pos.value, by: 'earlier command' });
      return;
    }
    if (pos && pos.value < 100 - CLOSED_MAX_PCT && pos.ts >= run.startedAt - REPORT_CLOCK_SKEW_MS) {
      const en = `${v.deviceId} already closing (open_pct ${pos.value} %): commanded by the level-1 ESD ring or an operator`;
      this.update(run, v.valveId, { state: 'commanded', commandedAt: now, ...evidenceOf(said(en, 'valve.already-closing', { device: v.deviceId!, openPct: pos.value })) });
      this.event(run, 'valve-commanded', 'system', said(`${v.valveId} already closing (open_pct ${pos.value} %): recognised, not commanded again`, 'event.valve-already-closing', { valve: v.valveId, openPct: pos.value }), { valveId: v.valveId, deviceId: v.deviceId, recognised: true });
      this.watchClose(run, v.valveId, now);
      return;
    }
    if (run.drill && !(this.deps.simulatedSite?.(run.siteId) ?? false)) {
      this.update(run, v.valveId, { state: 'commanded', commandedAt: now, ...evidenceOf(said(`${DRILL_NOT_SENT} — would command valve.close on ${v.deviceId}`, 'valve.drill-not-sent', { device: v.deviceId! })) });
      this.event(run, 'valve-commanded', issuedBy, said(`drill: ${v.valveId} would be commanded closed (${v.deviceId}, valve.close) — not sent`, 'event.valve-drill-not-sent', { valve: v.valveId, device: v.deviceId! }), { valveId: v.valveId, deviceId: v.deviceId, drill: true, sent: false });
      this.milestone(run, { valvesCommandedAt: now });
      return;
    }
    this.update(run, v.valveId, { state: 'commanded', commandedAt: now, ...NO_EVIDENCE });
    this.event(run, 'valve-commanded', issuedBy, said(`${v.valveId} commanded closed (${v.deviceId}, valve.close)${run.drill ? ' — drill on the simulated site' : ''}`, run.drill ? 'event.valve-commanded-drill' : 'event.valve-commanded', { valve: v.valveId, device: v.deviceId! }), { valveId: v.valveId, deviceId: v.deviceId, drill: run.drill, sent: true });
    this.milestone(run, { valvesCommandedAt: now });
    this.watchClose(run, v.valveId, now);
    this.deps.commands
      .send({ siteId: run.siteId, deviceId: v.deviceId!, action: 'valve.close', reason: `incident ${run.id}` }, issuedBy)
      .then((record) => {
        if (this.runs.get(run.id) !== run) return;
        if (record.state === 'acknowledged') {
          const cur = run.valves.get(v.valveId);
          if (cur && cur.commandId === null) this.update(run, v.valveId, { commandId: record.id });
          this.afterChange(run);
        } else {
          const message = record.message ? ` (${record.message})` : '';
          this.fail(run, v.valveId, said(`command ${record.state}${message}`, 'valve.command-failed', { state: record.state, message }), record.id);
        }
      })
      .catch((err: unknown) => {
        this.deps.log(err);
        const message = err instanceof Error ? err.message : String(err);
        this.fail(run, v.valveId, said(`command not sent (${message})`, 'valve.command-not-sent', { message }), null);
      });
  }

  /** Fails a valve that has not reported closed within the limit. */
  private watchClose(run: Run, valveId: string, commandedAt: number): void {
    const site = this.park(run.siteId);
    const valve = site?.pipes.valves.find((x) => x.id === valveId);
    const limitMs = this.deps.closeLimitMs ?? Math.max(MIN_CLOSE_LIMIT_MS, closeTimeoutMs({ strokeTimeS: valve?.strokeTimeS ?? 0, intervalMs: valve?.intervalMs ?? 1000 }, this.deps.commandTimeoutMs ?? 5000));
    clearTimeout(run.timers.get(valveId));
    const timer = setTimeout(() => {
      run.timers.delete(valveId);
      const seconds = limitMs / 1000;
      if (run.valves.get(valveId)?.state === 'commanded') this.fail(run, valveId, said(`did not report closed within ${seconds} s of the command`, 'valve.close-timeout', { seconds }), null);
    }, Math.max(0, commandedAt + limitMs - this.deps.now()));
    timer.unref();
    run.timers.set(valveId, timer);
  }

  /** A valve failed: timeline, and (level 1) the best set without the failed valves is commanded; (level 2) proposed. */
  private fail(run: Run, valveId: string, why: Said, commandId: string | null): void {
    const cur = run.valves.get(valveId);
    if (!cur || DONE_STATES.has(cur.state) || cur.state === 'failed') return;
    clearTimeout(run.timers.get(valveId));
    run.timers.delete(valveId);
    const reason = why.en;
    this.update(run, valveId, { state: 'failed', ...evidenceOf(why), ...(commandId ? { commandId } : {}) });
    run.active.delete(valveId);
    this.event(run, 'valve-failed', 'system', said(`${valveId} failed: ${reason}`, 'event.valve-failed', { valve: valveId, reason: why.text }), { valveId, reason });
    const failed = new Set([...run.valves.values()].filter((v) => v.state === 'failed').map((v) => v.valveId));
    const next = run.alternatives.find((a) => !a.valves.some((v) => failed.has(v.valveId)) && !run.tried.has(setKey(a)));
    if (!next) {
      this.event(run, 'valves-proposed', 'system', said(`no other valve set avoids ${[...failed].join(', ')}: shut ${valveId} by hand (report it as field-done)`, 'event.no-other-set', { failed: [...failed].join(', '), valve: valveId }), { valveIds: [], mode: 'none' });
    } else if (run.level === 1) {
      this.adopt(run, next, 'system', 'auto', said(`after ${valveId} failed, isolation rank ${next.rank}`, 'why.after-failed-rank', { valve: valveId, rank: next.rank }));
    } else {
      this.propose(run, next, said(`after ${valveId} failed`, 'why.after-failed', { valve: valveId }));
    }
    this.afterChange(run);
  }

  /** Position, flow and pressure readings: valves report closed, transmitters confirm. */
  private observe(batch: readonly LiveReading[]): void {
    this.readings.observe(batch);
    if (this.runs.size === 0) return;
    const touched = new Set<string>();
    for (const r of batch) touched.add(r.deviceId);
    for (const run of this.runs.values()) {
      let changed = false;
      for (const v of run.valves.values()) {
        if (v.deviceId && touched.has(v.deviceId) && (v.state === 'commanded' || v.state === 'failed')) changed = this.checkClosed(run, v) || changed;
        const now = run.valves.get(v.valveId)!;
        if (now.state === 'closed') changed = this.checkConfirmed(run, now, touched) || changed;
      }
      if (changed) this.afterChange(run);
    }
  }

  private checkClosed(run: Run, v: IncidentValveView): boolean {
    const pos = this.readings.latest(v.deviceId!, PROCESS_METRICS.position);
    if (!pos || pos.value > CLOSED_MAX_PCT || pos.ts < (v.commandedAt ?? run.startedAt) - REPORT_CLOCK_SKEW_MS) return false;
    if (v.evidence?.startsWith(DRILL_NOT_SENT)) return false;
    clearTimeout(run.timers.get(v.valveId));
    run.timers.delete(v.valveId);
    const late = v.state === 'failed';
    this.update(run, v.valveId, { state: 'closed', closedAt: pos.ts, ...evidenceOf(said(`${v.deviceId} reports open_pct ${pos.value} %`, 'valve.reports-open', { device: v.deviceId!, openPct: pos.value })) });
    if (late) run.active.add(v.valveId);
    this.event(run, 'valve-closed', 'system', said(`${v.valveId} reports closed (${v.deviceId} open_pct ${pos.value} %)${late ? ' after it was marked failed' : ''}`, late ? 'event.valve-reports-closed-late' : 'event.valve-reports-closed', { valve: v.valveId, device: v.deviceId!, openPct: pos.value }), { valveId: v.valveId, openPct: pos.value, at: pos.ts });
    return true;
  }

  /** Confirms a closed valve when one of its transmitters shows the drop (confirmation.ts). */
  private checkConfirmed(run: Run, v: IncidentValveView, touched: ReadonlySet<string>): boolean {
    const baselineAt = v.commandedAt ?? run.startedAt;
    for (const { deviceId, kind } of this.transmitters(run, v.valveId)) {
      if (!touched.has(deviceId) && !touched.has(v.deviceId ?? '')) continue;
      const metric = kind === 'flow' ? PROCESS_METRICS.flow : PROCESS_METRICS.pressure;
      const now = this.readings.latest(deviceId, metric);
      const before = this.readings.before(deviceId, metric, baselineAt - 1);
      const earlier = before && kind === 'pressure' ? this.readings.before(deviceId, metric, before.ts - PRESSURE_TREND_MS) : undefined;
      const evidence = dropEvidence(kind, deviceId, before, now, earlier);
      if (!evidence || !now) continue;
      // The closing's evidence, then the drop; worded by the wall only when every part can be.
      const closing = v.evidence ?? 'closed';
      const texts = v.evidence === null ? [said(closing, 'valve.closed').text] : v.evidenceTexts;
      this.update(run, v.valveId, {
        state: 'confirmed', confirmedAt: Math.max(now.ts, v.closedAt ?? now.ts), evidence: `${closing}; ${evidence.en}`, evidenceTexts: texts ? [...texts, evidence.text] : null,
      });
      this.event(run, 'valve-confirmed', 'system', said(`${v.valveId} confirmed: ${evidence.en}`, 'event.valve-confirmed', { valve: v.valveId, evidence: evidence.text }), { valveId: v.valveId, deviceId, kind });
      return true;
    }
    return false;
  }

  /** The transmitters that show a valve's line shut: flow transmitters on its line, pressure transmitters of the leaking item. */
  private transmitters(run: Run, valveId: string): { deviceId: string; kind: 'flow' | 'pressure' }[] {
    const site = this.park(run.siteId);
    if (!site) return [];
    let lines = this.lineCache.get(site);
    if (!lines) this.lineCache.set(site, (lines = lineFlowTransmitters(site)));
    const flows = (lines.get(valveId) ?? []).map((deviceId) => ({ deviceId, kind: 'flow' as const }));
    const pressures = site.sensors.filter((s) => s.kind === 'pressure' && run.sourceId !== null && s.equipmentId === run.sourceId).map((s) => ({ deviceId: s.id, kind: 'pressure' as const }));
    return [...flows, ...pressures];
  }

  private readonly lineCache = new WeakMap<ChemicalPark, Map<string, string[]>>();

  /** Publishes the valves; sets isolatedAt once every valve of the active set is shut. */
  private afterChange(run: Run): void {
    const active = [...run.active].map((id) => run.valves.get(id)).filter((v): v is IncidentValveView => v !== undefined);
    let milestones: Partial<IncidentMilestonesView> | undefined;
    if (run.isolatedAt === null && active.length > 0 && active.every((v) => DONE_STATES.has(v.state))) {
      run.isolatedAt = Math.max(...active.map((v) => v.closedAt ?? this.deps.now()));
      milestones = { isolatedAt: run.isolatedAt };
      this.event(run, 'isolated', 'system', said(`isolation complete: ${active.map((v) => `${v.valveId} ${v.state}`).join(', ')}`, 'event.isolated', { valves: active.map((v) => v.valveId).join(', ') }), { valveIds: active.map((v) => v.valveId) });
    }
    const valves = [...run.valves.values()];
    this.write(run.id, (sink) => sink.setValves(run.id, valves, milestones));
  }

  private milestone(run: Run, m: Partial<IncidentMilestonesView>): void {
    const valves = [...run.valves.values()];
    this.write(run.id, (sink) => sink.setValves(run.id, valves, m));
  }

  private update(run: Run, valveId: string, patch: Partial<IncidentValveView>): void {
    const cur = run.valves.get(valveId);
    if (cur) run.valves.set(valveId, { ...cur, ...patch });
  }

  private event(run: Run, kind: string, actor: string, message: Said, data: Record<string, unknown>): void {
    this.write(run.id, (sink) => sink.record(run.id, { kind, actor, ...saidMessage(message), data }));
  }

  /** Queues a write of one incident after its earlier ones. */
  private write(incidentId: string, fn: (sink: ActionSink) => Promise<void>): void {
    const next = (this.chains.get(incidentId) ?? Promise.resolve()).then(() => fn(this.deps.sink)).catch(this.deps.log);
    this.chains.set(incidentId, next);
    void next.then(() => {
      if (this.chains.get(incidentId) === next) this.chains.delete(incidentId);
    });
  }

  private async settled(incidentId: string): Promise<void> {
    await this.chains.get(incidentId);
  }

  // ——— fire brigade ———

  private async notify(incident: IncidentView, actor: string, automatic: boolean): Promise<void> {
    const brief = this.brief(incident);
    const at = this.deps.now();
    if (incident.origin === 'drill') {
      // A drill never reaches the real fire brigade: the timeline says what would have been sent (the milestone times the drill).
      const message = automatic
        ? said('drill: the fire brigade would be notified automatically (level 1) — brief not sent', 'event.brief-drill-auto')
        : said(`drill: the fire brigade would be notified by ${actor} — brief not sent`, 'event.brief-drill-by', { actor });
      this.write(incident.id, (sink) => sink.record(incident.id, {
        kind: 'notification', actor, ...saidMessage(message),
        data: { to: 'fire-brigade', drill: true, sent: false, delivery: 'none', automatic },
      }));
      this.markNotified(incident, at);
      await this.settled(incident.id);
      return;
    }
    const { eventId, recipients } = this.deps.webhooks.onIncidentEvent(
      'fire-brigade',
      { id: incident.id, siteId: incident.siteId, enterpriseIds: incidentEnterprises(incident), title: incident.title, state: incident.state, level: incident.level, drill: false },
      brief,
      at,
    );
    const to = recipients.map((r) => `${r.host} (${r.tier}${r.enterpriseId ? ` ${r.enterpriseId}` : ''})`).join(', ');
    const message = recipients.length > 0
      ? automatic
        ? said(`fire-brigade brief sent automatically (level 1): queued to ${to}`, 'event.brief-queued-auto', { to })
        : said(`fire-brigade brief sent by ${actor}: queued to ${to}`, 'event.brief-queued-by', { actor, to })
      : automatic
        ? said('no webhook takes incident.fire-brigade: call the fire brigade and hand them the printed brief', 'event.brief-no-webhook-auto')
        : said(`fire brigade notified by ${actor} (no webhook takes incident.fire-brigade: by phone / printed brief)`, 'event.brief-no-webhook-by', { actor });
    if (recipients.length > 0) this.briefsOut.set(eventId, { incidentId: incident.id, recipients });
    this.write(incident.id, (sink) => sink.record(incident.id, { kind: 'notification', actor, ...saidMessage(message), data: { to: 'fire-brigade', eventId, recipients, delivery: recipients.length > 0 ? 'queued' : 'none', automatic } }));
    // Told: a webhook took it, or a person says they told them.
    if (recipients.length > 0 || !automatic) {
      this.markNotified(incident, at);
    }
    await this.settled(incident.id);
  }

  /** Sets the fire-brigade milestone with the valves as they stand. */
  private markNotified(incident: IncidentView, at: number): void {
    const run = this.runs.get(incident.id);
    const valves = run ? [...run.valves.values()] : incident.valves;
    this.write(incident.id, (sink) => sink.setValves(incident.id, valves, { fireBrigadeNotifiedAt: at }));
  }

  private park(siteId: string): ChemicalPark | undefined {
    const site = this.deps.registry.site(siteId);
    return site?.kind === 'chemical-park' ? site : undefined;
  }
}

/** A valve of a set with nothing done yet. */
function blank(v: IsolationValveView, state: IncidentValveView['state'], evidence: Pick<IncidentValveView, 'evidence' | 'evidenceTexts'>): IncidentValveView {
  return { ...v, state, commandId: null, commandedAt: null, closedAt: null, confirmedAt: null, ...evidence };
}

/** "XV-1, XV-2 (remote), HV-3 (manual): 12.5 kg before isolation, 40 kg in all". */
function describeSet(alt: IsolationAlternativeView): Said {
  const remote = alt.valves.filter((v) => v.actuation === 'remote').map((v) => v.valveId).join(', ');
  const manual = alt.valves.filter((v) => v.actuation === 'manual').map((v) => v.valveId).join(', ');
  const parts = [remote ? `${remote} (remote)` : '', manual ? `${manual} (manual)` : ''].filter(Boolean).join(', ');
  const valves = remote && manual ? hubText('valves.both', { remote, manual }) : remote ? hubText('valves.remote', { ids: remote }) : manual ? hubText('valves.manual', { ids: manual }) : hubText('valves.none');
  const beforeKg = Math.round(alt.releasedBeforeIsolationKg * 10) / 10;
  if (!Number.isFinite(alt.totalReleaseKg)) return said(`${parts || 'no valve'}: ${beforeKg} kg before isolation, unbounded in all`, 'valves.set-unbounded', { valves, beforeKg });
  const totalKg = Math.round(alt.totalReleaseKg * 10) / 10;
  return said(`${parts || 'no valve'}: ${beforeKg} kg before isolation, ${totalKg} kg in all`, 'valves.set', { valves, beforeKg, totalKg });
}

/** A valve's evidence from its sentences: the English joined, and each for the wall to word. */
function evidenceOf(...parts: Said[]): Pick<IncidentValveView, 'evidence' | 'evidenceTexts'> {
  return { evidence: parts.map((p) => p.en).join('; '), evidenceTexts: parts.map((p) => p.text) };
}

const NO_EVIDENCE = { evidence: null, evidenceTexts: null } as const;

/** How a drill's valve that was not sent to the field starts its evidence (checked when its position report comes). */
const DRILL_NOT_SENT = 'drill: not sent';
