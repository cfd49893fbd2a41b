import type { AlarmResponseView } from '@safetwin/protocol';
import type { SqlClient } from '@safetwin/db';
import type { DeadlineClaims } from './response-deadlines.ts';

/**
 * Deadline claims on the alarms table: a conditional UPDATE that swaps the running response
 * (same `dueAt`, not confirmed) for the escalated one; the hub whose UPDATE returns the row acts.
 */
export function sqlDeadlineClaims(db: Pick<SqlClient, 'query'>): DeadlineClaims {
  return {
    async claim(alarmId, dueAt, next) {
      const rows = await db.query(
        `UPDATE alarms SET response = $3::jsonb WHERE id = $1 AND response->>'dueAt' = $2 AND response->>'confirmedAt' IS NULL RETURNING id`,
        [alarmId, String(dueAt), JSON.stringify(next)],
      );
      return rows.length === 1;
    },
    async load(alarmId) {
      const rows = await db.query<{ response: AlarmResponseView | string | null }>(`SELECT response FROM alarms WHERE id = $1`, [alarmId]);
      const r = rows[0]?.response ?? null;
      return typeof r === 'string' ? (JSON.parse(r) as AlarmResponseView) : r;
    },
    async record(alarmId, entries) {
      for (const e of entries) {
        await db.query(
          `INSERT INTO alarm_events (alarm_id, at, event, from_state, to_state, actor, reason, value) SELECT id, $2, 'response', state, state, 'system', $3, NULL FROM alarms WHERE id = $1`,
          [alarmId, new Date(e.at), e.reason],
        );
      }
    },
  };
}
