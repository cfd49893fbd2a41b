import { alarmEvents, alarms, type SqlClient } from '@safetwin/db';
import type { AlarmResponseView, AlarmTransitionView, AlarmView } from '@safetwin/protocol';
import { asc, eq } from 'drizzle-orm';
import { WriteBehind } from './write-behind.ts';

/** One change to persist: the alarm as it is now and the transition that made it so. */
export interface AlarmChange {
  alarm: AlarmView;
  transition: AlarmTransitionView;
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Alarms and their audit trail in the database. Changes are written in order (WriteBehind),
 * each alarm row and its event in one transaction; a failed write is retried with the next
 * one, so a database hiccup delays the audit trail but never reorders or drops it.
 */
export class AlarmStore {
  private readonly queue: WriteBehind<AlarmChange>;
  readonly stats = { written: 0, failures: 0 };

  constructor(
    private readonly db: SqlClient,
    onError: (err: unknown) => void,
  ) {
    const counted = (err: unknown) => {
      this.stats.failures++;
      onError(err);
    };
    this.queue = new WriteBehind<AlarmChange>((batch) => this.write(batch), counted, 'alarm changes');
  }

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

  /** Queues a change; resolves when it (and everything before it) was tried. */
  save(change: AlarmChange): Promise<void> {
    return this.queue.push(change);
  }

  /**
   * Shutdown: keeps flushing until every queued change is stored, or until `deadlineMs` has
   * passed — then reports how many changes could not be stored — and stops retrying.
   */
  drain(deadlineMs = 5000): Promise<void> {
    return this.queue.drain(deadlineMs);
  }

  private async write(batch: readonly AlarmChange[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { alarm: a, transition: t } of batch) {
        const row = [a.id, a.siteId, a.enterpriseId, a.deviceId, a.metric, a.kind, a.level, a.priority, a.state, a.processActive, a.value, a.setpoint, a.count, toDate(a.raisedAt), toDate(a.updatedAt), toDate(a.shelvedUntil), a.groupId, a.firstOut, a.response === null ? null : JSON.stringify(a.response)];
        await tx.query(
          `INSERT INTO alarms (id, site_id, enterprise_id, device_id, metric, kind, level, priority, state, process_active, value, setpoint, count, raised_at, updated_at, shelved_until, group_id, first_out, response)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb)
           ON CONFLICT (id) DO UPDATE SET enterprise_id = excluded.enterprise_id, level = excluded.level, priority = excluded.priority, state = excluded.state,
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
  }
}
