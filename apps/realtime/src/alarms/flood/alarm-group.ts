/** Kinds of cause that never share a group: a leak, broken sensors, the weather. */
export type AlarmCause = 'process' | 'health' | 'advisory';

/** One alarm group (one cause) as stored and as the API shows it. */
export interface AlarmGroupView {
  id: string;
  siteId: string;
  /** The first-out's unit: equipment, pipe segment, roadway or device id (only this unit joins after the join period). */
  unit: string;
  cause: AlarmCause;
  firstOutAlarmId: string;
  /** The most severe level among its activations (1 red … 4 blue). */
  topLevel: 1 | 2 | 3 | 4;
  openedAt: number;
  lastActivationAt: number;
  /** Epoch ms it closed (its window passed after the last activation), null while open. */
  closedAt: number | null;
  /** Distinct alarms in it. */
  memberCount: number;
  /** Activations that joined it, the first-out's included. */
  activationCount: number;
}

/** Where group changes go (the database), in order; `member` is the alarm that joined, if any. */
export interface AlarmGroupSink {
  save(group: AlarmGroupView, member: { alarmId: string; joinedAt: number } | null): void;
}

/** Alarm kinds of sensor health (sensor-health.ts): a broken sensor is its own cause, never part of a leak. */
export const HEALTH_ALARM_KINDS: ReadonlySet<string> = new Set(['stale', 'stuck', 'jump', 'out-of-range', 'pseudo-data', 'replayed']);

/** The kind of cause of an alarm: sensor health, a weather advisory, or the process. */
export function causeOf(alarmKind: string, deviceKind: string | undefined): AlarmCause {
  if (HEALTH_ALARM_KINDS.has(alarmKind)) return 'health';
  return deviceKind === 'weather' ? 'advisory' : 'process';
}
