import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, serial, smallint, smallserial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Site descriptions (twin models). Demo mode seeds them from @safetwin/twin-models;
 * a production install loads its own. `description` is the validated JSON.
 */
export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  description: jsonb('description').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** People who log in. Passwords are stored as scrypt hashes (`scrypt$N$r$p$salt$hash`). */
export const users = pgTable('users', {
  username: text('username').primaryKey(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  siteId: text('site_id'),
  enterpriseId: text('enterprise_id'),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Bearer tokens, stored as SHA-256 of the token (the token itself is never stored). */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    username: text('username')
      .notNull()
      .references(() => users.username, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_username_idx').on(t.username)],
);

/**
 * Gateway API keys, stored as SHA-256 (keys are 256-bit random, so a fast hash is enough).
 * `siteId` null lets a key feed every site (a regional gateway); otherwise one site only.
 */
export const gatewayKeys = pgTable('gateway_keys', {
  id: text('id').primaryKey(),
  /** Compact number stored with each reading as its provenance. */
  num: serial('num').notNull().unique(),
  keyHash: text('key_hash').notNull().unique(),
  name: text('name').notNull(),
  siteId: text('site_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
});

/**
 * Telemetry devices as numbered in `readings` (a 4-byte number instead of a text id in
 * every row). A device that moves to another site gets a new number, so a reading's
 * number also says which site it was reported for.
 */
export const devices = pgTable(
  'devices',
  {
    num: serial('num').primaryKey(),
    deviceId: text('device_id').notNull(),
    siteId: text('site_id').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [uniqueIndex('devices_device_site_idx').on(t.deviceId, t.siteId)],
);

/** Metric names (`h2s_ppm`, …) as numbered in `readings`. */
export const metrics = pgTable('metrics', {
  num: smallserial('num').primaryKey(),
  name: text('name').notNull().unique(),
  unit: text('unit').notNull(),
});

/**
 * Telemetry, one row per metric value, with provenance (数据溯源): device (and so site),
 * metric, gateway key, sensor time and ingest time — about 70 bytes a row with numbers for
 * the text ids. Range-partitioned by day on `ts` (migration 0000, partitions.ts); retention
 * drops whole partitions. Written only by binary COPY (PostgreSQL) or unnest (PGlite).
 */
export const readings = pgTable(
  'readings',
  {
    ts: timestamp('ts', { withTimezone: true, mode: 'date' }).notNull(),
    deviceNum: integer('device_num').notNull(),
    metricNum: smallint('metric_num').notNull(),
    value: doublePrecision('value').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    gatewayNum: integer('gateway_num').notNull(),
    ingestTs: timestamp('ingest_ts', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('readings_device_ts_idx').on(t.deviceNum, t.ts)],
);

/**
 * The newest reading of each device and its highest stored `seq`: the snapshot a new
 * subscriber gets, and what dedupe resumes from after a restart. Upserted with each batch.
 */
export const deviceState = pgTable('device_state', {
  deviceId: text('device_id').primaryKey(),
  siteId: text('site_id').notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastTs: timestamp('last_ts', { withTimezone: true, mode: 'date' }).notNull(),
  values: jsonb('values').$type<Record<string, number>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Commands sent to field gateways (valves, power), with their acknowledgement. */
export const commands = pgTable(
  'commands',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    deviceId: text('device_id').notNull(),
    action: text('action').notNull(),
    state: text('state').notNull(),
    issuedBy: text('issued_by').notNull(),
    reason: text('reason'),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    ackedAt: timestamp('acked_at', { withTimezone: true, mode: 'date' }),
    message: text('message'),
    attempts: integer('attempts').notNull().default(1),
  },
  (t) => [index('commands_site_issued_idx').on(t.siteId, t.issuedAt)],
);

/**
 * Alarms (ISA-18.2): one row per alarm point — a sensor's metric against one limit or
 * health rule — carrying its current lifecycle state. Every change is in `alarm_events`.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    enterpriseId: text('enterprise_id'),
    deviceId: text('device_id').notNull(),
    metric: text('metric').notNull(),
    /** `high`, `high-high`, `low`, `low-low` (later: rate, stale, stuck, voting …). */
    kind: text('kind').notNull(),
    /** Response level of the seed: 1 red … 4 blue. */
    level: smallint('level').notNull(),
    priority: text('priority').notNull(),
    state: text('state').notNull(),
    processActive: boolean('process_active').notNull(),
    value: doublePrecision('value'),
    setpoint: doublePrecision('setpoint'),
    count: integer('count').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    shelvedUntil: timestamp('shelved_until', { withTimezone: true, mode: 'date' }),
    /** The alarm group of the latest activation (one cause, one first-out), if any. */
    groupId: text('group_id'),
    firstOut: boolean('first_out').notNull().default(false),
    /** The graded response due for the latest activation (AlarmResponseView), if any. */
    response: jsonb('response'),
  },
  (t) => [uniqueIndex('alarms_point_idx').on(t.siteId, t.deviceId, t.metric, t.kind), index('alarms_site_state_idx').on(t.siteId, t.state)],
);

/** Every transition of every alarm, with who, when and why: the audit trail ISA-18.2 asks for. */
export const alarmEvents = pgTable(
  'alarm_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    alarmId: text('alarm_id')
      .notNull()
      .references(() => alarms.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    event: text('event').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    /** Username, or `system` for process events. */
    actor: text('actor').notNull(),
    reason: text('reason'),
    value: doublePrecision('value'),
  },
  (t) => [index('alarm_events_alarm_at_idx').on(t.alarmId, t.at)],
);

/**
 * Simulation runs (plume, zones) as queue jobs. `input` is the full scenario as run — after
 * the engine's defaults and the live weather were filled in — and `engineVersion` the
 * @safetwin/sim version that ran it, so any run can be replayed bit-for-bit.
 */
export const simRuns = pgTable(
  'sim_runs',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull(),
    /** `plume` | `zones` | `assessment`. */
    kind: text('kind').notNull(),
    /** `queued` | `running` | `done` | `failed` | `cancelled`. */
    state: text('state').notNull(),
    /** 0..1 */
    progress: doublePrecision('progress').notNull().default(0),
    input: jsonb('input').notNull(),
    /** Where the source is and where the weather came from (request or live station, with its reading time). */
    context: jsonb('context').notNull(),
    engineVersion: text('engine_version').notNull(),
    result: jsonb('result'),
    error: text('error'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** What the engine is doing while the run computes (its last progress checkpoint); null otherwise. */
    stage: text('stage'),
    /** Last sign of life of the worker computing the run. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    /** The worker holds the run until then and renews it while it computes; past it, any hub fails the run (worker lost). */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    /** Bumped by every stored change of the row (insert 0): clients drop a `sim-run` event whose version is not newer than the last one they applied. */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    index('sim_runs_site_created_idx').on(t.siteId, t.createdAt),
    // The hubs' sweep for lost runs reads only unfinished ones.
    index('sim_runs_active_idx').on(t.state).where(sql`${t.state} IN ('queued', 'running')`),
  ],
);
