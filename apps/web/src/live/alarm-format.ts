// How an alarm is written on screen: level as colour name + shape + words (never colour alone,
// DESIGN.md §1), state in capitals, ages coarse enough to read across a control room.
import type { AlarmView } from '@safetwin/protocol';
import { FLAG_UNIT, formatMetricValue } from './format.ts';

/** The seed's four response levels (红橙黄蓝, DESIGN.md §5) with a shape each, so they read without colour. */
export const LEVEL_STYLES: Record<AlarmView['level'], { colour: 'red' | 'orange' | 'yellow' | 'blue'; shape: string; meaning: string }> = {
  1: { colour: 'red', shape: '◆', meaning: 'Explosion precursor' },
  2: { colour: 'orange', shape: '▲', meaning: 'Gas over limit' },
  3: { colour: 'yellow', shape: '■', meaning: 'Equipment anomaly' },
  4: { colour: 'blue', shape: '●', meaning: 'Advisory' },
};

/** An alarm kind in capitals: `high-high` → `HIGH-HIGH`. */
export function alarmKindText(kind: string): string {
  return kind.toUpperCase();
}

/** Level and kind as one label: "L2 ▲ HIGH". */
export function alarmLevelText(level: AlarmView['level'], kind: string): string {
  return `L${level} ${LEVEL_STYLES[level].shape} ${alarmKindText(kind)}`;
}

/** A local wall-clock time "hh:mm" (24 h), as a shelf's end is read. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** An alarm's state in words: UNACK, ACK, RTN-UNACK, SHELVED until 14:05, SUPPRESSED, OUT OF SERVICE, NORMAL. */
export function alarmStateText(alarm: Pick<AlarmView, 'state' | 'shelvedUntil'>): string {
  switch (alarm.state) {
    case 'unacknowledged':
      return 'UNACK';
    case 'acknowledged':
      return 'ACK';
    case 'rtn-unacknowledged':
      return 'RTN-UNACK';
    case 'shelved':
      return alarm.shelvedUntil === null ? 'SHELVED' : `SHELVED until ${formatClock(alarm.shelvedUntil)}`;
    case 'suppressed':
      return 'SUPPRESSED';
    case 'out-of-service':
      return 'OUT OF SERVICE';
    case 'normal':
      return 'NORMAL';
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

/** Value against set-point in the metric's unit, e.g. "32.50 %LEL ≥ 25.00 %LEL"; "—" for what the hub did not give. */
export function alarmReadingText(alarm: Pick<AlarmView, 'value' | 'setpoint' | 'kind'>, unit: string | undefined): string {
  const withUnit = (v: number | null) => {
    if (v === null) return '—';
    const text = formatMetricValue(v, unit ?? '');
    return unit && unit !== FLAG_UNIT ? `${text} ${unit}` : text;
  };
  return `${withUnit(alarm.value)} ${setpointRelation(alarm.kind)} ${withUnit(alarm.setpoint)}`;
}
