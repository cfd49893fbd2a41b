import type { SqlClient } from '@safetwin/db';
import { CLASSIFICATION_PREFIX } from './ack-classification.ts';

/**
 * An activation, in the audit trail: an `activate` event that made the alarm `unacknowledged`,
 * i.e. one annunciated to operators. Process activations while shelved, suppressed or out of
 * service reached nobody and are not counted. Every query goes through
 * `alarm_events_alarm_at_idx (alarm_id, at)`: a range scan per alarm point the user may see.
 */
const activation = (alias: string) => `${alias}.event = 'activate' AND ${alias}.to_state = 'unacknowledged'`;

/** Activations per alarm in (sinceMs, nowMs], and how many of them fell after `recentSinceMs`. */
export async function activationCounts(
  db: SqlClient,
  alarmIds: readonly string[],
  window: { sinceMs: number; recentSinceMs: number; nowMs: number },
): Promise<Map<string, { total: number; recent: number }>> {
  if (alarmIds.length === 0) return new Map();
  const rows = await db.query<{ alarm_id: string; total: number; recent: number }>(
    `SELECT alarm_id, count(*)::int AS total, (count(*) FILTER (WHERE at > $3::timestamptz))::int AS recent
       FROM alarm_events e
      WHERE alarm_id = ANY($1::text[]) AND at > $2::timestamptz AND at <= $4::timestamptz AND ${activation('e')}
      GROUP BY alarm_id`,
    [alarmIds, new Date(window.sinceMs), new Date(window.recentSinceMs), new Date(window.nowMs)],
  );
  return new Map(rows.map((r) => [r.alarm_id, { total: Number(r.total), recent: Number(r.recent) }]));
}

/** Activations in a period and how many were false (classified so at acknowledgement) or fleeting. */
export interface FalseAlarmCounts {
  total: number;
  falseCount: number;
  fleetingCount: number;
}

/**
 * For every activation in [startMs, endMs) (and not after `nowMs`): whether an acknowledgement
 * classified it false before the alarm's next activation, and whether it was fleeting — the
 * first thing that happened after it was the process returning (`clear`) within `fleetingMs`,
 * with no operator action (any event by someone other than `system`) before.
 */
export async function falseAlarmCounts(
  db: SqlClient,
  alarmIds: readonly string[],
  period: { startMs: number; endMs: number; nowMs: number; fleetingMs: number },
): Promise<FalseAlarmCounts> {
  if (alarmIds.length === 0) return { total: 0, falseCount: 0, fleetingCount: 0 };
  const [row] = await db.query<{ total: number; false_count: number; fleeting_count: number }>(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE classified_false))::int AS false_count,
            (count(*) FILTER (WHERE fleeting))::int AS fleeting_count
       FROM (
         SELECT EXISTS (
                  SELECT 1 FROM alarm_events k
                   WHERE k.alarm_id = act.alarm_id AND k.at >= act.at AND k.id > act.id
                     AND (nxt.id IS NULL OR k.id < nxt.id)
                     AND k.event = 'ack' AND k.reason LIKE $5
                ) AS classified_false,
                COALESCE((
                  SELECT f.event = 'clear' AND f.at <= act.at + $6::int * interval '1 millisecond'
                    FROM alarm_events f
                   WHERE f.alarm_id = act.alarm_id AND f.at >= act.at AND f.id > act.id AND (f.event = 'clear' OR f.actor <> 'system')
                   ORDER BY f.at, f.id
                   LIMIT 1
                ), false) AS fleeting
           FROM alarm_events act
           LEFT JOIN LATERAL (
             SELECT n.id FROM alarm_events n
              WHERE n.alarm_id = act.alarm_id AND n.at >= act.at AND n.id > act.id AND ${activation('n')}
              ORDER BY n.at, n.id
              LIMIT 1
           ) nxt ON true
          WHERE act.alarm_id = ANY($1::text[]) AND act.at >= $2::timestamptz AND act.at < $3::timestamptz AND act.at <= $4::timestamptz
            AND ${activation('act')}
       ) per_activation`,
    [alarmIds, new Date(period.startMs), new Date(period.endMs), new Date(period.nowMs), `${CLASSIFICATION_PREFIX.false}%`, period.fleetingMs],
  );
  return { total: Number(row?.total ?? 0), falseCount: Number(row?.false_count ?? 0), fleetingCount: Number(row?.fleeting_count ?? 0) };
}
