// Sensor counts for the KPI panel, from the one visual-state rule of the wall, so the counts
// agree with the colours on the twin, the map and the lists.
import type { SensorVisualState } from '../wall/sensor-visual.ts';

/** Sensors by what the wall can say of them now. */
export interface SensorCounts {
  /** Reporting on time over a live link (normal or in alarm). */
  online: number;
  /** Of the online ones, those with an active alarm of level 1–3 (◆▲■). */
  inAlarm: number;
  /** Silent for 3× their interval. */
  stale: number;
  /** Recent values, but the hub link is down: not live. */
  offline: number;
  /** Nothing received from them. */
  noData: number;
  total: number;
  /** The worst alarm state among them (its glyph heads the "in alarm" count); null when none is in alarm. */
  worstAlarm: 'critical' | 'alarm' | 'warning' | null;
}

const ALARM_RANK = { critical: 3, alarm: 2, warning: 1 } as const;

/** Counts sensors by visual state. */
export function countSensorStates(deviceIds: Iterable<string>, stateOf: (deviceId: string) => SensorVisualState): SensorCounts {
  const c: SensorCounts = { online: 0, inAlarm: 0, stale: 0, offline: 0, noData: 0, total: 0, worstAlarm: null };
  for (const id of deviceIds) {
    c.total++;
    const state = stateOf(id);
    switch (state) {
      case 'critical':
      case 'alarm':
      case 'warning':
        c.inAlarm++;
        c.online++;
        if (c.worstAlarm === null || ALARM_RANK[state] > ALARM_RANK[c.worstAlarm]) c.worstAlarm = state;
        break;
      case 'advisory':
      case 'normal':
        c.online++;
        break;
      case 'stale':
        c.stale++;
        break;
      case 'offline':
        c.offline++;
        break;
      case 'no-data':
        c.noData++;
        break;
    }
  }
  return c;
}
