import { CHEMICAL_INFO, type Site } from '@safetwin/twin-models';
import type { AlarmPoint } from '../alarm-engine.ts';
import { ruleGradeOf, type RuleAlarmKind } from '../alarm-policy.ts';

/** A sensor's four alarm levels in its metric's unit (null: not configured). */
export interface Levels {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
}

/** What the rules need to know about one sensor with set-points. */
export interface RuleSensor {
  siteId: string;
  deviceId: string;
  enterpriseId: string | null;
  kind: string;
  /** The metric its set-points (and so its rules) watch. */
  metric: string;
  equipmentId: string | null;
  eastM: number;
  northM: number;
  intervalMs: number;
  /** Physical range of the metric. */
  minValue: number;
  maxValue: number;
  /** A pressure transmitter on a vessel holding a flammable substance (its high-high is level 1). */
  holdsFlammable: boolean;
  /** The set-points of the site description, before any change through the API. */
  described: Levels;
}

/** A unit whose flammable detectors vote: a piece of equipment holding a flammable substance. */
export interface VotingUnit {
  siteId: string;
  equipmentId: string;
  enterpriseId: string;
  detectorIds: string[];
}

/** Every sensor of a site that has set-points. */
export function ruleSensorsOf(site: Site): RuleSensor[] {
  const flammable = new Set(site.kind === 'chemical-park' ? site.equipment.filter((e) => isFlammable(e.chemical)).map((e) => e.id) : []);
  return site.sensors.flatMap((s) => {
    if (!s.setpoints) return [];
    const spec = s.metrics[s.setpoints.metric]!;
    const { lowLow, low, high, highHigh } = s.setpoints;
    return [{
      siteId: site.id, deviceId: s.id, enterpriseId: s.enterpriseId, kind: s.kind, metric: s.setpoints.metric, equipmentId: s.equipmentId ?? null,
      eastM: s.position.eastM, northM: s.position.northM, intervalMs: s.intervalMs, minValue: spec.minValue, maxValue: spec.maxValue,
      holdsFlammable: s.kind === 'pressure' && s.equipmentId !== undefined && flammable.has(s.equipmentId),
      described: { lowLow, low, high, highHigh },
    }];
  });
}

/** Whether a substance burns in air (has a lower explosive limit): Cl2, HCl, SO2 do not. */
export const isFlammable = (chemical: string | null): boolean => chemical !== null && (CHEMICAL_INFO as Record<string, { lelVolPct: number | null }>)[chemical]?.lelVolPct != null;

/**
 * Voting units of a park: each piece of equipment holding a flammable substance, with the
 * flammable detectors placed round it (the demo park rings every such item with ≥ 4 of them
 * 4 m off its shell, GB/T 50493-2019, so "same equipment" is the unit; items in one dike stand
 * 30 m apart and keep their own units, so one sphere's leak is not outvoted by its neighbour).
 */
export function votingUnitsOf(site: Site): VotingUnit[] {
  if (site.kind !== 'chemical-park') return [];
  return site.equipment.flatMap((e) => {
    if (!isFlammable(e.chemical)) return [];
    const detectorIds = site.sensors.filter((s) => s.kind === 'gas-flammable' && s.equipmentId === e.id).map((s) => s.id);
    return detectorIds.length > 0 ? [{ siteId: site.id, equipmentId: e.id, enterpriseId: e.enterpriseId, detectorIds }] : [];
  });
}

/**
 * The span a share-based rule is judged against: for gases the high set-point above the
 * bottom of the range (clean air to the first limit), for process values the set-point band
 * (low to high level, the nearer configured level or the physical range where one is missing).
 */
export function referenceSpan(s: RuleSensor, levels: Levels, basis: 'high' | 'band'): number {
  const top = levels.high ?? levels.highHigh ?? s.maxValue;
  const bottom = basis === 'high' ? s.minValue : (levels.low ?? levels.lowLow ?? s.minValue);
  return top - bottom;
}

/** The alarm point of a rule on a sensor, graded by the policy. */
export function rulePoint(s: Pick<RuleSensor, 'siteId' | 'deviceId' | 'enterpriseId' | 'kind' | 'metric'>, kind: RuleAlarmKind, setpoint: number | null): AlarmPoint {
  return { siteId: s.siteId, deviceId: s.deviceId, enterpriseId: s.enterpriseId, metric: s.metric, kind, ...ruleGradeOf(kind, s.kind), setpoint };
}

/** Where rule monitors report: the alarm engine. */
export interface RuleSink {
  setCondition(point: AlarmPoint, active: boolean, value: number | null): void;
  isActive(point: Pick<AlarmPoint, 'siteId' | 'deviceId' | 'metric' | 'kind'>): boolean;
}

/** Reports a condition only when it differs from what the engine holds (cheap; safe after a restart). */
export function report(sink: RuleSink, point: AlarmPoint, active: boolean, value: number | null): void {
  if (sink.isActive(point) !== active) sink.setCondition(point, active, value);
}
