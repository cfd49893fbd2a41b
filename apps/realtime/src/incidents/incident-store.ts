import { and, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { incidentEvents, incidents, type SqlClient, type SqlTransaction } from '@safetwin/db';
import type { IncidentEventView, IncidentState, IncidentView } from '@safetwin/protocol';
import { concernedEnterprises } from '../auth/access.ts';
import type { Said } from '../said.ts';

/** An incident as stored: the view, the row's version and the seq of its newest timeline entry. */
export interface StoredIncident {
  view: IncidentView;
  version: number;
  lastEventSeq: number;
}

/** A timeline entry to append (the store numbers it). */
export type NewIncidentEvent = Omit<IncidentEventView, 'seq'>;
/** A timeline entry as a writer gives it (the store sets the time): `messageText` the sentence for the wall's language, absent for what a person typed. */
export type TimelineEntry = { kind: string; actor: string; message: string; messageText?: IncidentEventView['messageText']; data?: Record<string, unknown> };

/** A hub sentence as a timeline entry's message: the English and the key for the wall. */
export function saidMessage(s: Said): Pick<TimelineEntry, 'message' | 'messageText'> {
  return { message: s.en, messageText: s.text };
}

/** The stored row changed since it was read (another hub, or a write that raced): read it again. */
export class StaleIncidentError extends Error {
  constructor(id: string, version: number) {
    super(`incident ${id} is no longer at version ${version}`);
    this.name = 'StaleIncidentError';
  }
}

type Row = typeof incidents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(row: Row): IncidentView {
  const view: Omit<IncidentView, 'concerns'> = {
    id: row.id,
    siteId: row.siteId,
    enterpriseId: row.enterpriseId,
    state: row.state as IncidentState,
    origin: row.origin as IncidentView['origin'],
    title: row.title,
    titleText: (row.titleText as IncidentView['titleText']) ?? null,
    chemical: row.chemical,
    level: row.level as IncidentView['level'],
    declared: row.declared as IncidentView['declared'],
    alarmIds: row.alarmIds as string[],
    alarmGroupIds: row.alarmGroupIds as string[],
    createdAt: row.createdAt.getTime(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.getTime(),
    milestones: row.milestones as IncidentView['milestones'],
    assessment: withZoneSources(row.assessment as IncidentView['assessment']),
    valves: row.valves as IncidentView['valves'],
    people: row.people as IncidentView['people'],
  };
  // A row written before the plants were stored: worked out from its assessment, as the access rule would.
  return { ...view, concerns: (row.concerns as string[] | null) ?? concernedEnterprises(view, null) };
}

/** An assessment stored before zones named their sources: each zone read as the chosen source's own. */
function withZoneSources(a: IncidentView['assessment']): IncidentView['assessment'] {
  if (!a?.zones.some((z) => z.sourceIds === undefined)) return a;
  const chosen = a.source.chosen.id;
  return { ...a, zones: a.zones.map((z) => ({ ...z, sourceIds: z.sourceIds ?? (chosen === null ? [] : [chosen]) })) };
}

const stored = (row: Row): StoredIncident => ({ view: toView(row), version: row.version, lastEventSeq: row.lastEventSeq });
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The columns an update rewrites (everything but the id, site, origin and creation). */
const MUTABLE = `enterprise_id = $3, state = $4, title = $5, chemical = $6, level = $7, declared = $8::jsonb, alarm_ids = $9::jsonb,
  alarm_group_ids = $10::jsonb, updated_at = $11, milestones = $12::jsonb, assessment = $13::jsonb, valves = $14::jsonb, people = $15::jsonb,
  concerns = $17::jsonb, title_text = $18::jsonb`;

/**
 * `incidents` and `incident_events`. Every write is one transaction: the row (inserted, or
 * updated only if it is still at the version it was read at) and its new timeline entries,
 * numbered after the row's `last_event_seq` — a change and its events land together or not at all.
 */
export class IncidentStore {
  constructor(private readonly db: SqlClient) {}

  /** Stores a new incident (version 1) with its first timeline entries. */
  async insert(view: IncidentView, events: readonly NewIncidentEvent[]): Promise<StoredIncident> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO incidents (id, site_id, enterprise_id, state, origin, title, chemical, level, declared, alarm_ids, alarm_group_ids,
           created_at, created_by, updated_at, milestones, assessment, valves, people, concerns, version, last_event_seq, title_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15::jsonb, $16::jsonb, $17::jsonb, $18::jsonb, $19::jsonb, 1, $20, $21::jsonb)`,
        [
          view.id, view.siteId, view.enterpriseId, view.state, view.origin, view.title, view.chemical, view.level, json(view.declared),
          json(view.alarmIds), json(view.alarmGroupIds), new Date(view.createdAt), view.createdBy, new Date(view.updatedAt),
          json(view.milestones), json(view.assessment), json(view.valves), json(view.people), json(view.concerns), events.length, json(view.titleText),
        ],
      );
      await appendEvents(tx, view.id, 0, events);
    });
    return { view, version: 1, lastEventSeq: events.length };
  }

  /**
   * Replaces the incident's row by `next` and appends `events`, if the row is still at
   * `current.version`; throws {@link StaleIncidentError} (nothing written) otherwise.
   */
  async update(current: StoredIncident, next: IncidentView, events: readonly NewIncidentEvent[]): Promise<StoredIncident> {
    const lastEventSeq = current.lastEventSeq + events.length;
    await this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE incidents SET ${MUTABLE}, version = version + 1, last_event_seq = $16 WHERE id = $1 AND version = $2 RETURNING id`,
        [
          next.id, current.version, next.enterpriseId, next.state, next.title, next.chemical, next.level, json(next.declared), json(next.alarmIds),
          json(next.alarmGroupIds), new Date(next.updatedAt), json(next.milestones), json(next.assessment), json(next.valves), json(next.people), lastEventSeq,
          json(next.concerns), json(next.titleText),
        ],
      );
      if (rows.length === 0) throw new StaleIncidentError(next.id, current.version);
      await appendEvents(tx, next.id, current.lastEventSeq, events);
    });
    return { view: next, version: current.version + 1, lastEventSeq };
  }

  /** An incident by id (null: none, or not an incident id at all). */
  async get(id: string): Promise<StoredIncident | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.orm.select().from(incidents).where(eq(incidents.id, id));
    return row ? stored(row) : null;
  }

  /** An incident's timeline, oldest first. */
  async timeline(id: string): Promise<IncidentEventView[]> {
    const rows = await this.db.orm.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id)).orderBy(incidentEvents.seq);
    return rows.map((r) => ({ seq: r.seq, at: r.at.getTime(), kind: r.kind, actor: r.actor, message: r.message, messageText: (r.messageText as IncidentEventView['messageText']) ?? null, data: (r.data as Record<string, unknown> | null) ?? null }));
  }

  /** Incidents of these sites, newest first, optionally in one state. */
  async list(siteIds: readonly string[], state: IncidentState | undefined, limit: number): Promise<IncidentView[]> {
    if (siteIds.length === 0) return [];
    const where: SQL[] = [inArray(incidents.siteId, [...siteIds])];
    if (state) where.push(eq(incidents.state, state));
    const rows = await this.db.orm.select().from(incidents).where(and(...where)).orderBy(desc(incidents.createdAt)).limit(limit);
    return rows.map(toView);
  }

  /** Every incident not closed (restored at start). */
  async loadOpen(): Promise<StoredIncident[]> {
    const rows = await this.db.orm.select().from(incidents).where(ne(incidents.state, 'closed')).orderBy(incidents.createdAt);
    return rows.map(stored);
  }
}

async function appendEvents(tx: SqlTransaction, incidentId: string, afterSeq: number, events: readonly NewIncidentEvent[]): Promise<void> {
  for (const [i, e] of events.entries()) {
    await tx.query(`INSERT INTO incident_events (incident_id, seq, at, kind, actor, message, message_text, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`, [
      incidentId, afterSeq + i + 1, new Date(e.at), e.kind, e.actor, e.message, json(e.messageText ?? null), json(e.data),
    ]);
  }
}
