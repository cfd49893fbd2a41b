// How an alarm is written on screen: level as colour name + shape + words (never colour alone,
// DESIGN.md §1), state in capitals, ages coarse enough to read across a control room.
import type { AlarmView } from '@safetwin/protocol';
import { FLAG_UNIT, formatMetricValue } from './format.ts';
import { isMessageKey, translator, type MessageKey, type Translate } from '../i18n/messages-core.ts';
import { alarmKindMessages, alarmMessages } from '../i18n/messages/alarms.ts';

/** Translate functions for alarm texts; English unless a component passes its language's. */
export type AlarmT = Translate<MessageKey<typeof alarmMessages>>;
export type AlarmKindT = Translate<MessageKey<typeof alarmKindMessages>>;
const EN: AlarmT = translator(alarmMessages, 'en');
const EN_KIND: AlarmKindT = translator(alarmKindMessages, 'en');

/** The seed's four response levels (红橙黄蓝, DESIGN.md §5) with a shape each, so they read without colour. */
export const LEVEL_STYLES: Record<AlarmView['level'], { colour: 'red' | 'orange' | 'yellow' | 'blue'; shape: string; meaning: string }> = {
  1: { colour: 'red', shape: '◆', meaning: 'Explosion precursor' },
  2: { colour: 'orange', shape: '▲', meaning: 'Gas over limit' },
  3: { colour: 'yellow', shape: '■', meaning: 'Equipment anomaly' },
  4: { colour: 'blue', shape: '●', meaning: 'Advisory' },
};

/** An alarm kind in words: `high-high` → `HIGH-HIGH` (高高); an unknown kind in capitals. */
export function alarmKindText(kind: string, t: AlarmKindT = EN_KIND): string {
  return isMessageKey(alarmKindMessages, kind) ? t(kind) : kind.toUpperCase();
}

/** Level and kind as one label: "L2 ▲ HIGH". */
export function alarmLevelText(level: AlarmView['level'], kind: string, t: AlarmKindT = EN_KIND): string {
  return `L${level} ${LEVEL_STYLES[level].shape} ${alarmKindText(kind, t)}`;
}

/** A local wall-clock time "hh:mm" (24 h), as a shelf's end is read. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** An alarm's state in words: UNACK, ACK, RTN-UNACK, SHELVED until 14:05, SUPPRESSED, OUT OF SERVICE, NORMAL. */
export function alarmStateText(alarm: Pick<AlarmView, 'state' | 'shelvedUntil'>, t: AlarmT = EN): string {
  switch (alarm.state) {
    case 'unacknowledged':
      return t('stateUnack');
    case 'acknowledged':
      return t('stateAck');
    case 'rtn-unacknowledged':
      return t('stateRtnUnack');
    case 'shelved':
      return alarm.shelvedUntil === null ? t('stateShelved') : t('stateShelvedUntil', { time: formatClock(alarm.shelvedUntil) });
    case 'suppressed':
      return t('stateSuppressed');
    case 'out-of-service':
      return t('stateOutOfService');
    case 'normal':
      return t('stateNormal');
  }
}

/** How long an alarm has stood, in whole minutes once past one (seconds would churn on a wall): "45 s", "2 min", "3 h 12 min", "2 d 4 h". */
export function formatAlarmAge(ageMs: number): string {
  if (!Number.isFinite(ageMs) || ageMs < 1_000) return '<1 s';
  const totalS = Math.floor(ageMs / 1_000);
  if (totalS < 60) return `${totalS} s`;
  const totalMin = Math.floor(totalS / 60);
  if (totalMin < 60) return `${totalMin} min`;
  const totalH = Math.floor(totalMin / 60);
  if (totalH < 24) return `${totalH} h ${String(totalMin % 60).padStart(2, '0')} min`;
  return `${Math.floor(totalH / 24)} d ${totalH % 24} h`;
}

/** The comparison an alarm kind means: a high alarm is at or above its set-point, a low one at or below. */
export function setpointRelation(kind: string): '≥' | '≤' {
  return kind.startsWith('low') ? '≤' : '≥';
}

/**
 * An alarm's reading, true in every state. AlarmView.value is the process value when the alarm
 * last changed (the hub keeps no peak): at its latest activation while the condition stands, at
 * its return to normal after. So "32.50 %LEL ≥ 25.00 %LEL" only while active with a value on the
 * alarm side; otherwise the value and the limit apart: "cleared 21.00 %vol · limit ≥ 23.00 %vol",
 * "— · limit ≥ 25.00 ppm", or "last …" for a value that a transition without one left behind.
 */
export function alarmReadingText(alarm: Pick<AlarmView, 'value' | 'setpoint' | 'kind' | 'processActive'>, unit: string | undefined, t: AlarmT = EN): string {
  const withUnit = (v: number | null) => {
    if (v === null) return '—';
    const text = formatMetricValue(v, unit ?? '');
    return unit && unit !== FLAG_UNIT ? `${text} ${unit}` : text;
  };
  const { value, setpoint } = alarm;
  const relation = setpointRelation(alarm.kind);
  const onAlarmSide = value !== null && setpoint !== null && (relation === '≥' ? value >= setpoint : value <= setpoint);
  if (alarm.processActive && onAlarmSide) return `${withUnit(value)} ${relation} ${withUnit(setpoint)}`;
  const limit = t('readingLimit', { relation, setpoint: withUnit(setpoint) });
  if (value === null) return `— · ${limit}`;
  const shown = !alarm.processActive && !onAlarmSide ? t('readingCleared', { value: withUnit(value) }) : t('readingLast', { value: withUnit(value) });
  return `${shown} · ${limit}`;
}
