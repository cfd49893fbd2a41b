import type { AlarmPriority } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import type { SetpointCondition, SetpointLimits } from './setpoint-tracker.ts';

/** A sensor metric watched against its set-points. */
export interface WatchedMetric {
  siteId: string;
  deviceId: string;
  enterpriseId: string | null;
  sensorKind: string;
  metric: string;
  limits: SetpointLimits;
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
 * Voting and vessel high-high pressure for level 1 come with the voting rules.
 */
export function gradeOf(sensorKind: string, condition: Exclude<SetpointCondition, 'normal'>): AlarmGrade {
  const severe = condition === 'high-high' || condition === 'low-low';
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
  return site.sensors.flatMap((s) =>
    s.setpoints
      ? [{ siteId: site.id, deviceId: s.id, enterpriseId: s.enterpriseId, sensorKind: s.kind, metric: s.setpoints.metric, limits: limitsFor(s.kind, s.setpoints) }]
      : [],
  );
}

/** The limit a condition crossed. */
export function setpointOf(limits: SetpointLimits, kind: Exclude<SetpointCondition, 'normal'>): number | null {
  return kind === 'high' ? limits.high : kind === 'high-high' ? limits.highHigh : kind === 'low' ? limits.low : limits.lowLow;
}
