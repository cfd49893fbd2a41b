import { index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Incidents (a gas leak in a chemical park and the response to it). The row holds the
 * incident as the walls see it (latest assessment, valves, people, milestones); every change
 * bumps `version` and is written together with its timeline entries in one transaction, so a
 * state change and its event land together or not at all.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    siteId: text('site_id').notNull(),
    /** The plant of the source (null: park-level, e.g. a pipe of the shared corridor or a point). */
    enterpriseId: text('enterprise_id'),
    /** detected, assessing, responding, contained, closed. */
    state: text('state').notNull(),
    /** alarm, declared, drill. */
    origin: text('origin').notNull(),
    title: text('title').notNull(),
    /** The title as a hub sentence (protocol HubText) for the wall to word; null on rows written before it existed. */
    titleText: jsonb('title_text'),
    chemical: text('chemical'),
    /** Worst alarm level that joined (1 or 2); null for a declaration without alarms. */
    level: smallint('level'),
    /** The declared source: {equipmentId, place, rateKgS}. */
    declared: jsonb('declared'),
    /** Alarm ids and alarm group ids that joined, in order (JSON arrays of strings). */
    alarmIds: jsonb('alarm_ids').notNull(),
    alarmGroupIds: jsonb('alarm_group_ids').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    milestones: jsonb('milestones').notNull(),
    /** The latest assessment (IncidentAssessmentView), null before the first. */
    assessment: jsonb('assessment'),
    valves: jsonb('valves').notNull(),
    people: jsonb('people').notNull(),
    /**
     * The plants whose safety officers see the incident (JSON array of enterprise ids), carried from
     * one assessment to the next so a plant leaves only below a lower probability than it entered at;
     * null on rows written before it existed (then derived from the assessment).
     */
    concerns: jsonb('concerns'),
    /** Bumped by every stored change; an update names the version it started from. */
    version: integer('version').notNull(),
    /** Seq of the newest timeline entry (the next one takes this + 1). */
    lastEventSeq: integer('last_event_seq').notNull(),
  },
  (t) => [
    index('incidents_site_created_idx').on(t.siteId, t.createdAt),
    index('incidents_open_idx').on(t.siteId).where(sql`${t.state} <> 'closed'`),
  ],
);

/** The timeline of an incident: every event, decision and command, with who and when. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** 1, 2, … per incident. */
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    kind: text('kind').notNull(),
    /** Username, or 'system'. */
    actor: text('actor').notNull(),
    /** In English. */
    message: text('message').notNull(),
    /** The same sentence as a message key and its values (protocol HubText), for the wall's language; null for what a person typed (migration 0015). */
    messageText: jsonb('message_text'),
    data: jsonb('data'),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.seq] })],
);
