import { alarmEvents, alarms, type SqlClient } from '@safetwin/db';
import type { AlarmResponseView, AlarmTransitionView, AlarmView } from '@safetwin/protocol';
import { asc, eq } from 'drizzle-orm';

/** One change to persist: the alarm as it is now and the transition that made it so. */
export interface AlarmChange {
  alarm: AlarmView;
  transition: AlarmTransitionView;
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Alarms and their audit trail in the database. Changes are written in order, each alarm
 * row and its event in one transaction; a failed write is retried with the next one, so a
 * database hiccup delays the audit trail but never reorders or drops it.
 */
export class AlarmStore {
  private chain: Promise<void> = Promise.resolve();
  private backlog: AlarmChange[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 500;
  private closed = false;
  readonly stats = { written: 0, failures: 0 };

  constructor(
    private readonly db: SqlClient,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Every stored alarm. */
  async loadAll(): Promise<AlarmView[]> {
    const rows = await this.db.orm.select().from(alarms);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      enterpriseId: r.enterpriseId,
      deviceId: r.deviceId,
      metric: r.metric,
      kind: r.kind,
      level: r.level as AlarmView['level'],
      priority: r.priority as AlarmView['priority'],
      state: r.state as AlarmView['state'],
      processActive: r.processActive,
      value: r.value,
      setpoint: r.setpoint,
      count: r.count,
      raisedAt: r.raisedAt?.getTime() ?? null,
      updatedAt: r.updatedAt.getTime(),
      shelvedUntil: r.shelvedUntil?.getTime() ?? null,
      groupId: r.groupId,
      firstOut: r.firstOut,
      response: (r.response as AlarmResponseView | null) ?? null,
    }));
  }

  /** The transitions of one alarm, oldest first. */
  async history(alarmId: string): Promise<AlarmTransitionView[]> {
    const rows = await this.db.orm.select().from(alarmEvents).where(eq(alarmEvents.alarmId, alarmId)).orderBy(asc(alarmEvents.at), asc(alarmEvents.id));
    return rows.map((r) => ({
      at: r.at.getTime(),
      event: r.event,
      fromState: r.fromState as AlarmTransitionView['fromState'],
      toState: r.toState as AlarmTransitionView['toState'],
      actor: r.actor,
      reason: r.reason,
      value: r.value,
    }));
  }

  /** Queues a change; resolves when it (and everything before it) is stored. */
  save(change: AlarmChange): Promise<void> {
    this.backlog.push(change);
    this.chain = this.chain.then(() => this.flush());
    return this.chain;
  }

  /**
   * Shutdown: keeps flushing until every queued change is stored, or until `deadlineMs` has
   * passed — then reports how many changes could not be stored — and stops retrying.
   */
  async drain(deadlineMs = 5000): Promise<void> {
    const until = Date.now() + deadlineMs;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.chain;
    while (this.backlog.length > 0 && Date.now() < until) {
      await this.flush();
      if (this.backlog.length > 0) await new Promise((r) => setTimeout(r, 200));
    }
    if (this.backlog.length > 0) this.onError(new Error(`${this.backlog.length} alarm changes could not be stored before shutdown`));
  }

  private async flush(): Promise<void> {
    if (this.backlog.length === 0) return;
    const batch = this.backlog;
    this.backlog = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const { alarm: a, transition: t } of batch) {
          const row = [a.id, a.siteId, a.enterpriseId, a.deviceId, a.metric, a.kind, a.level, a.priority, a.state, a.processActive, a.value, a.setpoint, a.count, toDate(a.raisedAt), toDate(a.updatedAt), toDate(a.shelvedUntil), a.groupId, a.firstOut, a.response === null ? null : JSON.stringify(a.response)];
          await tx.query(
            `INSERT INTO alarms (id, site_id, enterprise_id, device_id, metric, kind, level, priority, state, process_active, value, setpoint, count, raised_at, updated_at, shelved_until, group_id, first_out, response)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)
             ON CONFLICT (id) DO UPDATE SET level = excluded.level, priority = excluded.priority, state = excluded.state,
               process_active = excluded.process_active, value = excluded.value, setpoint = excluded.setpoint, count = excluded.count,
               raised_at = excluded.raised_at, updated_at = excluded.updated_at, shelved_until = excluded.shelved_until,
               group_id = excluded.group_id, first_out = excluded.first_out, response = excluded.response`,
            row as never,
          );
          await tx.query(
            `INSERT INTO alarm_events (alarm_id, at, event, from_state, to_state, actor, reason, value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [a.id, new Date(t.at), t.event, t.fromState, t.toState, t.actor, t.reason, t.value],
          );
        }
      });
      this.stats.written += batch.length;
    } catch (err) {
      this.stats.failures++;
      this.backlog = batch.concat(this.backlog); // kept in order for the next attempt
      this.onError(err);
      // One retry timer at a time, backing off to 30 s; new changes join the same backlog.
      if (!this.retryTimer && !this.closed) {
        this.retryDelayMs = Math.min(30_000, this.retryDelayMs * 2);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.chain = this.chain.then(() => this.flush());
        }, this.retryDelayMs);
        this.retryTimer.unref();
      }
      return;
    }
    this.retryDelayMs = 500;
  }
}
