import { randomUUID } from 'node:crypto';
import {
  hubText, type AlarmView, type IncidentAssessmentView, type IncidentDetailView, type IncidentMilestonesView, type IncidentState, type IncidentValveView, type IncidentView, type SiteName,
} from '@safetwin/protocol';
import { applyAssessment, applyValves, changeState, joinAlarm, type IncidentChange } from './incident-changes.ts';
import { isOpenState } from './incident-lifecycle.ts';
import { StaleIncidentError, type IncidentStore, type NewIncidentEvent, type StoredIncident, type TimelineEntry } from './incident-store.ts';
import type { Said } from '../said.ts';

/** No incident with that id (or not one this caller may see: the routes answer 404 either way). */
export class IncidentNotFoundError extends Error {
  constructor(id: string) {
    super(`no incident '${id}'`);
    this.name = 'IncidentNotFoundError';
  }
}

/** What a new incident is made of (the service sets id, state, times and the empty response). */
export interface NewIncident {
  siteId: string;
  enterpriseId: string | null;
  origin: IncidentView['origin'];
  title: string;
  titleText: IncidentView['titleText'];
  chemical: string | null;
  declared: IncidentView['declared'];
  createdBy: string;
  /** The alarm it starts from (origin 'alarm'), joined in the same write. */
  alarm?: { view: AlarmView; unitName: SiteName };
  /** Further entries for the creation's timeline (e.g. a declaration's warnings). */
  events?: readonly Omit<NewIncidentEvent, 'at'>[];
}

/** What happened to an incident, for the scheduler and the actions. */
export type IncidentChangeKind = 'created' | 'restored' | 'alarm-joined' | 'state' | 'assessment' | 'valves' | 'event';

/** Told of every stored change (after it was stored and emitted). */
export type IncidentListener = (incident: IncidentView, kind: IncidentChangeKind) => void;

interface Entry {
  /** Null until the creating insert has landed. */
  stored: StoredIncident | null;
  /** Changes of one incident run one after the other. */
  chain: Promise<unknown>;
}

/** Retries of a change that met a newer stored version (another hub wrote in between). */
const STALE_RETRIES = 3;

/**
 * The incidents: open ones in memory (restored from the database at start), each change applied
 * to the latest stored version and written with its timeline entries in one transaction, then
 * emitted to the walls (`incident` socket event) and told to listeners. Changes of one incident
 * are serialised; a change that finds the row moved on (another hub) re-reads it and applies
 * again. Also the actions' sink (record, setValves).
 */
export class IncidentService {
  private readonly open = new Map<string, Entry>();
  private readonly listeners: IncidentListener[] = [];

  constructor(
    private readonly deps: {
      store: IncidentStore;
      /**
       * Sends the incident to the walls that may see it; `previous` is the stored version it replaced
       * (null: just created), so the plants that saw that one and no longer see this are told.
       */
      emit: (incident: IncidentView, previous: IncidentView | null) => void;
      now: () => number;
      /** A listener failed (the others still ran). */
      log: (err: unknown) => void;
    },
  ) {}

  /** Loads the open incidents from the database and tells listeners ('restored': their assessment loops resume). */
  async restore(): Promise<IncidentView[]> {
    const rows = await this.deps.store.loadOpen();
    for (const row of rows) this.open.set(row.view.id, { stored: row, chain: Promise.resolve() });
    for (const row of rows) this.tell(row.view, 'restored');
    return rows.map((r) => r.view);
  }

  /** Adds a listener told of every change. */
  onChange(listener: IncidentListener): void {
    this.listeners.push(listener);
  }

  /**
   * Creates an incident: its id is known (and joins queue behind the insert) at once, so a burst
   * of alarms decided in one tick lands in one incident. Resolves with it once stored.
   */
  create(input: NewIncident, id: string = randomUUID()): Promise<IncidentView> {
    const at = this.deps.now();
    const entry: Entry = { stored: null, chain: Promise.resolve() };
    this.open.set(id, entry);
    const run = (async () => {
      let view: IncidentView = {
        id, siteId: input.siteId, enterpriseId: input.enterpriseId, state: 'detected', origin: input.origin, title: input.title, titleText: input.titleText,
        chemical: input.chemical, level: null, declared: input.declared, alarmIds: [], alarmGroupIds: [], createdAt: at,
        createdBy: input.createdBy, updatedAt: at,
        milestones: { firstAlarmAt: null, assessedAt: null, valvesCommandedAt: null, isolatedAt: null, fireBrigadeNotifiedAt: null, containedAt: null, closedAt: null },
        assessment: null, valves: [], people: { inZone: 0, evacuating: 0, sheltered: 0, safe: 0 },
        concerns: input.enterpriseId === null ? [] : [input.enterpriseId],
      };
      const events: NewIncidentEvent[] = [{ at, kind: 'created', actor: input.createdBy, message: `${input.origin} incident: ${input.title}`, messageText: hubText('event.created', { origin: hubText(`origin.${input.origin}`), title: input.titleText ?? input.title }), data: { origin: input.origin, chemical: input.chemical, declared: input.declared } }];
      if (input.alarm) {
        const joined = joinAlarm(view, input.alarm.view, input.alarm.unitName, at)!;
        view = joined.next;
        events.push(...joined.events);
      }
      events.push(...(input.events ?? []).map((e) => ({ ...e, at })));
      try {
        entry.stored = await this.deps.store.insert(view, events);
      } catch (err) {
        this.open.delete(id);
        throw err;
      }
      this.publish(view, null, 'created');
      return view;
    })();
    entry.chain = run.catch(() => {});
    return run;
  }

  /** An alarm joins an open incident (a contained one returns to responding). */
  joinAlarm(id: string, alarm: AlarmView, unitName: SiteName): Promise<IncidentView> {
    return this.change(id, 'alarm-joined', (view) => joinAlarm(view, alarm, unitName, this.deps.now()));
  }

  /** A state change by a person or the system; throws IncidentTransitionError when the lifecycle forbids it. */
  transition(id: string, to: IncidentState, actor: string, reason: string | Said): Promise<IncidentView> {
    return this.change(id, 'state', (view) => changeState(view, to, actor, reason, this.deps.now()));
  }

  /** Stores an assessment as the latest (see applyAssessment). */
  recordAssessment(id: string, assessment: IncidentAssessmentView): Promise<IncidentView> {
    return this.change(id, 'assessment', (view) => applyAssessment(view, assessment, this.deps.now()));
  }

  /** A timeline entry (a note, a command, a notification…): `ActionSink.record`. */
  async record(incidentId: string, event: TimelineEntry): Promise<void> {
    await this.change(incidentId, 'event', (view) => {
      const at = this.deps.now();
      return { next: { ...view, updatedAt: at }, events: [{ at, kind: event.kind, actor: event.actor, message: event.message, messageText: event.messageText ?? null, data: event.data ?? null }] };
    });
  }

  /** The valves being closed, and milestones reached with them: `ActionSink.setValves`. */
  async setValves(incidentId: string, valves: IncidentValveView[], milestones?: Partial<IncidentMilestonesView>): Promise<void> {
    await this.change(incidentId, 'valves', (view) => ({ next: applyValves(view, valves, milestones, this.deps.now()), events: [] }));
  }

  /**
   * An incident as stored, after this hub's queued changes: read from the database (another hub
   * may have written it; an open incident held here is refreshed when the row is newer).
   */
  async get(id: string): Promise<IncidentView> {
    const entry = this.open.get(id);
    if (entry) await entry.chain;
    const row = await this.deps.store.get(id);
    if (!row) throw new IncidentNotFoundError(id);
    if (entry?.stored && row.version > entry.stored.version && this.open.get(id) === entry) entry.stored = row;
    return row.view;
  }

  /** The incident with its timeline. */
  async detail(id: string): Promise<IncidentDetailView> {
    const view = await this.get(id);
    return { ...view, timeline: await this.deps.store.timeline(id) };
  }

  /** Incidents of these sites, newest first. */
  list(siteIds: readonly string[], state: IncidentState | undefined, limit: number): Promise<IncidentView[]> {
    return this.deps.store.list(siteIds, state, limit);
  }

  /** The open incidents this hub holds (committed state), optionally of one site. */
  openIncidents(siteId?: string): IncidentView[] {
    const out: IncidentView[] = [];
    for (const entry of this.open.values()) if (entry.stored && (siteId === undefined || entry.stored.view.siteId === siteId)) out.push(entry.stored.view);
    return out;
  }

  /** Resolves once every queued change has been stored (or failed). */
  async drain(): Promise<void> {
    await Promise.all([...this.open.values()].map((e) => e.chain));
  }

  /**
   * Applies `fn` to the latest version and stores it with its events, one change of an incident
   * at a time; a stale version (another hub wrote) is re-read and `fn` applied again.
   */
  private change(id: string, kind: IncidentChangeKind, fn: (view: IncidentView) => IncidentChange): Promise<IncidentView> {
    const entry = this.open.get(id) ?? { stored: null, chain: Promise.resolve() };
    const run = entry.chain.then(async () => {
      let current = entry.stored ?? (await this.deps.store.get(id));
      if (!current) throw new IncidentNotFoundError(id);
      // The version this change replaced, as stored (whichever hub wrote it): who saw it may have to be told it left them.
      let previous = current.view;
      for (let attempt = 0; ; attempt++) {
        const out = fn(current.view);
        if (!out) return current.view;
        // Strictly increasing per incident: walls keep the newest by updatedAt, and two changes may fall in one millisecond.
        if (out.next.updatedAt <= current.view.updatedAt) out.next = { ...out.next, updatedAt: current.view.updatedAt + 1 };
        try {
          const written = await this.deps.store.update(current, out.next, out.events);
          previous = current.view;
          current = written;
          break;
        } catch (err) {
          if (!(err instanceof StaleIncidentError) || attempt >= STALE_RETRIES) throw err;
          current = await this.deps.store.get(id);
          if (!current) throw new IncidentNotFoundError(id);
        }
      }
      if (this.open.has(id)) entry.stored = current;
      if (!isOpenState(current.view.state)) this.open.delete(id);
      this.publish(current.view, previous, kind);
      return current.view;
    });
    entry.chain = run.catch(() => {});
    return run;
  }

  private publish(view: IncidentView, previous: IncidentView | null, kind: IncidentChangeKind): void {
    this.deps.emit(view, previous);
    this.tell(view, kind);
  }

  private tell(view: IncidentView, kind: IncidentChangeKind): void {
    for (const listener of this.listeners) {
      try {
        listener(view, kind);
      } catch (err) {
        this.deps.log(err);
      }
    }
  }
}
