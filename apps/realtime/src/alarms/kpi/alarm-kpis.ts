import type { SqlClient } from '@safetwin/db';
import type { AlarmView } from '@safetwin/protocol';
import { activationCounts, falseAlarmCounts } from './kpi-queries.ts';
import { KPI_WINDOWS, monthBounds } from './kpi-window.ts';

/** An alarm point and how often it was activated in a window. */
export interface AlarmActivations {
  alarmId: string;
  deviceId: string;
  activations: number;
}

/**
 * Alarm-system KPIs of the alarm points a user may see (EEMUA 191 / ISA-18.2 §16 monitoring,
 * and the seed's monthly false-alarm rate). Activations are annunciated activations from the
 * audit trail (kpi-queries.ts); standing and stale come from the engine's state now.
 */
export interface AlarmKpisView {
  /** When the figures were taken, epoch ms. */
  at: number;
  /** Activations in the last 10 minutes. */
  activationsLast10Min: number;
  /** Alarms not `normal` now (the standing list). */
  standing: number;
  /** Alarms activated ≥ 3 times in the last 10 minutes, most first. */
  chattering: AlarmActivations[];
  /** Devices whose `stale` alarm is active (no data for 3× their interval). */
  stale: { deviceId: string }[];
  /** The 5 alarms activated most in the last 24 h. */
  badActors: AlarmActivations[];
  /**
   * Activations of a UTC month (`YYYY-MM`) an operator classified false when acknowledging
   * (`pct` = falseCount / total × 100, null without activations), and — counted separately,
   * not in `pct` — fleeting ones: back to normal within 10 s before any operator action.
   */
  falseAlarmRatePct: { month: string; pct: number | null; falseCount: number; total: number; fleetingCount: number; fleetingPct: number | null };
}

const byMostActivations = (a: AlarmActivations, b: AlarmActivations) => b.activations - a.activations || a.alarmId.localeCompare(b.alarmId);
const pctOf = (part: number, total: number) => (total === 0 ? null : Math.round((part / total) * 1000) / 10);

/** The KPIs of `alarms` (already scoped to what the user may see) at `nowMs`, the false-alarm rate of `month`. */
export async function alarmKpis(db: SqlClient, alarms: readonly AlarmView[], nowMs: number, month: string): Promise<AlarmKpisView> {
  const ids = alarms.map((a) => a.id);
  const deviceOf = new Map(alarms.map((a) => [a.id, a.deviceId]));
  const [counts, falseAlarms] = await Promise.all([
    activationCounts(db, ids, { sinceMs: nowMs - KPI_WINDOWS.badActorMs, recentSinceMs: nowMs - KPI_WINDOWS.rateMs, nowMs }),
    falseAlarmCounts(db, ids, { ...monthBounds(month), nowMs, fleetingMs: KPI_WINDOWS.fleetingMs }),
  ]);
  const entries = [...counts].map(([alarmId, c]) => ({ alarmId, deviceId: deviceOf.get(alarmId)!, ...c }));
  return {
    at: nowMs,
    activationsLast10Min: entries.reduce((sum, e) => sum + e.recent, 0),
    standing: alarms.filter((a) => a.state !== 'normal').length,
    chattering: entries
      .filter((e) => e.recent >= KPI_WINDOWS.chatteringActivations)
      .map((e) => ({ alarmId: e.alarmId, deviceId: e.deviceId, activations: e.recent }))
      .sort(byMostActivations),
    stale: [...new Set(alarms.filter((a) => a.kind === 'stale' && a.processActive).map((a) => a.deviceId))].sort().map((deviceId) => ({ deviceId })),
    badActors: entries
      .map((e) => ({ alarmId: e.alarmId, deviceId: e.deviceId, activations: e.total }))
      .sort(byMostActivations)
      .slice(0, KPI_WINDOWS.badActors),
    falseAlarmRatePct: {
      month,
      pct: pctOf(falseAlarms.falseCount, falseAlarms.total),
      falseCount: falseAlarms.falseCount,
      total: falseAlarms.total,
      fleetingCount: falseAlarms.fleetingCount,
      fleetingPct: pctOf(falseAlarms.fleetingCount, falseAlarms.total),
    },
  };
}
