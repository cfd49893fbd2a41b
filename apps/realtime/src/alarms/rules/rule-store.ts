import { jsonValue, timestampMs, type SqlClient } from '@safetwin/db';
import type { AlarmRuleSet } from './rule-set.ts';
import type { Levels } from './rule-sensors.ts';

/** A version of a site's rules as stored. */
export interface StoredRuleSet {
  siteId: string;
  version: number;
  rules: AlarmRuleSet;
  createdAt: number;
  createdBy: string;
}

/** Set-points of one sensor changed through the API. */
export interface StoredLevels {
  deviceId: string;
  siteId: string;
  metric: string;
  levels: Levels;
  updatedAt: number;
  updatedBy: string;
}

/** One audited change: who, when, what, before and after. */
export interface RuleAuditEntry {
  id: number;
  siteId: string;
  at: number;
  actor: string;
  subject: 'rules' | 'setpoints';
  deviceId: string | null;
  version: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The stored version is not the base the edit started from (someone else saved first). */
export class StaleRuleVersionError extends Error {
  constructor(readonly currentVersion: number) {
    super(`the rules are at version ${currentVersion}`);
  }
}

const UNIQUE_VIOLATION = '23505';
const num = (v: unknown) => (v === null ? null : Number(v));

/** Alarm rule sets, set-point overrides and their audit trail (tables of schema-alarm-rules.ts). */
export class RuleStore {
  constructor(private readonly db: SqlClient) {}

  /** The newest rule set of every site that has one. */
  async latestRuleSets(): Promise<StoredRuleSet[]> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (site_id) site_id, version, rules, created_at, created_by FROM alarm_rule_sets ORDER BY site_id, version DESC`,
    );
    return rows.map((r) => ({ siteId: String(r.site_id), version: Number(r.version), rules: jsonValue(r.rules) as AlarmRuleSet, createdAt: timestampMs(r.created_at), createdBy: String(r.created_by) }));
  }

  /** Every set-point override. */
  async overrides(): Promise<StoredLevels[]> {
    const rows = await this.db.query(`SELECT device_id, site_id, metric, low_low, low, high, high_high, updated_at, updated_by FROM alarm_setpoint_overrides`);
    return rows.map((r) => ({
      deviceId: String(r.device_id), siteId: String(r.site_id), metric: String(r.metric),
      levels: { lowLow: num(r.low_low), low: num(r.low), high: num(r.high), highHigh: num(r.high_high) },
      updatedAt: timestampMs(r.updated_at), updatedBy: String(r.updated_by),
    }));
  }

  /**
   * Writes version `baseVersion + 1` with its audit entry, in one transaction. Throws
   * {@link StaleRuleVersionError} when the newest stored version is not `baseVersion` — also
   * when another hub wrote the same version a moment earlier (the primary key collides).
   */
  async saveRuleSet(siteId: string, baseVersion: number, before: AlarmRuleSet, rules: AlarmRuleSet, actor: string, reason: string | null, atMs: number): Promise<StoredRuleSet> {
    const version = baseVersion + 1;
    try {
      await this.db.transaction(async (tx) => {
        const [row] = await tx.query<{ v: number | null }>(`SELECT max(version) AS v FROM alarm_rule_sets WHERE site_id = $1`, [siteId]);
        const current = row?.v === null || row?.v === undefined ? 0 : Number(row.v);
        if (current !== baseVersion) throw new StaleRuleVersionError(current);
        const at = new Date(atMs);
        await tx.query(`INSERT INTO alarm_rule_sets (site_id, version, rules, created_at, created_by) VALUES ($1, $2, $3::text::jsonb, $4, $5)`, [siteId, version, JSON.stringify(rules), at, actor]);
        await tx.query(
          `INSERT INTO alarm_rule_audit (site_id, at, actor, subject, device_id, version, before, after, reason) VALUES ($1, $2, $3, 'rules', NULL, $4, $5::text::jsonb, $6::text::jsonb, $7)`,
          [siteId, at, actor, version, JSON.stringify({ version: baseVersion, rules: before }), JSON.stringify({ version, rules }), reason],
        );
      });
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new StaleRuleVersionError(version);
      throw err;
    }
    return { siteId, version, rules, createdAt: atMs, createdBy: actor };
  }

  /** Stores a sensor's new levels with its audit entry (before → after), in one transaction. */
  async saveLevels(change: StoredLevels, before: Levels, reason: string | null): Promise<void> {
    const { deviceId, siteId, metric, levels: l, updatedBy } = change;
    const at = new Date(change.updatedAt);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO alarm_setpoint_overrides (device_id, site_id, metric, low_low, low, high, high_high, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (device_id) DO UPDATE SET site_id = $2, metric = $3, low_low = $4, low = $5, high = $6, high_high = $7, updated_at = $8, updated_by = $9`,
        [deviceId, siteId, metric, l.lowLow, l.low, l.high, l.highHigh, at, updatedBy],
      );
      await tx.query(
        `INSERT INTO alarm_rule_audit (site_id, at, actor, subject, device_id, version, before, after, reason) VALUES ($1, $2, $3, 'setpoints', $4, NULL, $5::text::jsonb, $6::text::jsonb, $7)`,
        [siteId, at, updatedBy, deviceId, JSON.stringify({ metric, ...before }), JSON.stringify({ metric, ...l }), reason],
      );
    });
  }

  /** A site's audited changes, newest first (at most `limit`). */
  async history(siteId: string, limit: number): Promise<RuleAuditEntry[]> {
    const rows = await this.db.query(
      `SELECT id, site_id, at, actor, subject, device_id, version, before, after, reason FROM alarm_rule_audit WHERE site_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      [siteId, limit],
    );
    return rows.map((r) => ({
      id: Number(r.id), siteId: String(r.site_id), at: timestampMs(r.at), actor: String(r.actor), subject: r.subject as RuleAuditEntry['subject'],
      deviceId: r.device_id === null ? null : String(r.device_id), version: num(r.version), before: jsonValue(r.before), after: jsonValue(r.after),
      reason: r.reason === null ? null : String(r.reason),
    }));
  }
}
