import type { AlarmPriority } from '@safetwin/protocol';
import { CHEMICAL_INFO, type Site } from '@safetwin/twin-models';
import type { SetpointCondition, SetpointLimits } from './setpoint-tracker.ts';

/** A sensor metric watched against its set-points. */
export interface WatchedMetric {
  siteId: string;
  deviceId: string;
  enterpriseId: string | null;
  sensorKind: string;
  metric: string;
  limits: SetpointLimits;
  /** A pressure sensor on equipment holding a flammable substance: its high-high is an explosion precursor. */
  holdsFlammable?: boolean;
}

/** Level and priority of an alarm point. */
export interface AlarmGrade {
  level: 1 | 2 | 3 | 4;
  priority: AlarmPriority;
}

const GAS_KINDS = new Set(['gas-flammable', 'gas-cl2', 'gas-nh3', 'gas-h2s', 'gas-co', 'gas-o2', 'gas-hcl', 'gas-so2']);
const PROCESS_KINDS = new Set(['pressure', 'temperature', 'level', 'flow']);

/**
 * The seed's response levels (DESIGN.md §5) for a set-point alarm:
 * - mine methane at its power-cut level (high-high) — an explosion precursor: level 1;
 * - gas over a limit (flammable, toxic, O₂, mine CH₄/CO): level 2, high-high and O₂ high priority;
 * - process values and strata (equipment anomaly): level 3 (level 2 for roof high-high);
 * - weather and anything else: level 4 advisory.
 * - a vessel holding a flammable substance beyond its high-high pressure: level 1, high — the
 *   step before a relief lift, a flange leak or a BLEVE, each a flammable release (issue 5).
 * Voting of flammable detectors (level 1) is graded in {@link ruleGradeOf}.
 */
export function gradeOf(sensorKind: string, condition: Exclude<SetpointCondition, 'normal'>, holdsFlammable = false): AlarmGrade {
  const severe = condition === 'high-high' || condition === 'low-low';
  if (sensorKind === 'pressure' && holdsFlammable && condition === 'high-high') return { level: 1, priority: 'high' };
  if (sensorKind === 'gas-ch4') return severe ? { level: 1, priority: 'high' } : { level: 2, priority: 'medium' };
  if (sensorKind === 'gas-o2') return { level: 2, priority: 'high' };
  if (GAS_KINDS.has(sensorKind)) return { level: 2, priority: severe ? 'high' : 'medium' };
  if (sensorKind === 'roof-displacement') return severe ? { level: 2, priority: 'high' } : { level: 3, priority: 'medium' };
  if (PROCESS_KINDS.has(sensorKind) || sensorKind === 'air-speed') return { level: 3, priority: severe ? 'medium' : 'low' };
  return { level: 4, priority: 'low' };
}

/**
 * Anti-chatter settings by sensor kind. Gas: raised at once (life safety), cleared after 5 s
 * below the band. Process values: 2 s on-delay, 5 s off-delay (EEMUA 191 table 12 suggests
 * on/off delays of seconds for flow, level and pressure). Weather: 10 s / 30 s (gusts).
 * The deadband is 5 % of the smallest limit's magnitude, so a clear point never lies
 * beyond the normal operating value (e.g. O₂ low 19.5 % clears at 20.5 %, below 20.9 %).
 */
export function limitsFor(sensorKind: string, setpoints: { lowLow: number | null; low: number | null; high: number | null; highHigh: number | null }): SetpointLimits {
  const magnitudes = [setpoints.lowLow, setpoints.low, setpoints.high, setpoints.highHigh].filter((v): v is number => v !== null && v !== 0).map(Math.abs);
  const deadbandAbs = magnitudes.length > 0 ? 0.05 * Math.min(...magnitudes) : 0;
  const gas = GAS_KINDS.has(sensorKind) || sensorKind === 'gas-ch4';
  const [onDelayMs, offDelayMs] = gas ? [0, 5_000] : sensorKind === 'weather' ? [10_000, 30_000] : [2_000, 5_000];
  return { ...setpoints, deadbandAbs, onDelayMs, offDelayMs };
}

/** Every sensor metric of a site that has set-points. */
export function watchedMetrics(site: Site): WatchedMetric[] {
  const flammableEquipment = new Set(site.kind === 'chemical-park' ? site.equipment.filter((e) => e.chemical !== null && CHEMICAL_INFO[e.chemical].lelVolPct !== null).map((e) => e.id) : []);
  return site.sensors.flatMap((s) =>
    s.setpoints
      ? [{
          siteId: site.id, deviceId: s.id, enterpriseId: s.enterpriseId, sensorKind: s.kind, metric: s.setpoints.metric, limits: limitsFor(s.kind, s.setpoints),
          holdsFlammable: s.kind === 'pressure' && s.equipmentId !== undefined && flammableEquipment.has(s.equipmentId),
        }]
      : [],
  );
}

/** Alarm kinds of the rules beyond set-points and sensor health (apps/realtime/src/alarms/rules). */
export type RuleAlarmKind = 'rate' | 'deviation' | 'voting' | 'pseudo-data';

/**
 * Grades of the rule alarms, in one place:
 * - `voting` — N flammable detectors of one unit at ≥ 50 %LEL: gas is spreading through the
 *   unit at half the explosive limit, the seed's explosion precursor: level 1, high (the ESD
 *   closes the unit's valves).
 * - `rate` — a value moving fast towards a limit: an equipment/process anomaly before any
 *   limit is crossed, level 3; medium for gas detectors (a build-up is the start of a leak),
 *   low for process values.
 * - `deviation` — a detector far from its neighbours' median: a drifted, poisoned or blocked
 *   sensor (or a very local source), level 3 sensor/process anomaly; medium for gas
 *   detectors, whose wrong reading can hide a leak.
 * - `pseudo-data` — replayed or copied values (AQ 1029 伪数据): the sensor's readings cannot be
 *   trusted, so it must never pass for a safe one; level 3, medium for gas detectors, as the
 *   other sensor-health kinds.
 */
export function ruleGradeOf(kind: RuleAlarmKind, sensorKind: string): AlarmGrade {
  if (kind === 'voting') return { level: 1, priority: 'high' };
  const gas = GAS_KINDS.has(sensorKind) || sensorKind === 'gas-ch4';
  return { level: 3, priority: gas ? 'medium' : 'low' };
}

/** The limit a condition crossed. */
export function setpointOf(limits: SetpointLimits, kind: Exclude<SetpointCondition, 'normal'>): number | null {
  return kind === 'high' ? limits.high : kind === 'high-high' ? limits.highHigh : kind === 'low' ? limits.low : limits.lowLow;
}
