import { gradeOf } from '../alarm-policy.ts';
import type { AdaptiveRule, AlarmRuleSet } from './rule-set.ts';
import type { Levels, RuleSensor, VotingUnit } from './rule-sensors.ts';

/** A rule set or set-point change that cannot be put in force; `field` names the bad part (relative to the rule set or the levels). */
export class BadRulesError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A set-point change that loosens a level, asked by a role that may only tighten. */
export class LooseningRefusedError extends BadRulesError {}

const LEVEL_ORDER = ['lowLow', 'low', 'high', 'highHigh'] as const;
/** Pseudo-data windows a site may remember in all (sensors × history/stride; the demo park at 4096 per sensor holds 1.6 M): well below the 2^24 entries of a Map, some 100 MB. */
export const MAX_PSEUDO_WINDOWS_PER_SITE = 2_000_000;
/** Adaptive rules that may apply to one sensor kind at once (every combination is checked: 2^n). */
const MAX_ADAPTIVE_PER_KIND = 10;

/** Checks the order of a sensor's levels (lowLow < low < high < highHigh, at least one); throws naming the first bad one. */
export function checkLevels(levels: Levels): void {
  const set = LEVEL_ORDER.filter((k) => levels[k] !== null);
  if (set.length === 0) throw new BadRulesError('high', 'set-points need at least one level');
  for (let i = 1; i < set.length; i++) {
    const lo = set[i - 1]!, hi = set[i]!;
    if (levels[lo]! >= levels[hi]!) throw new BadRulesError(hi, `${hi} (${levels[hi]}) must be above ${lo} (${levels[lo]})`);
  }
}

/**
 * Checks a sensor's levels under every combination of the adaptive rules that may apply to
 * it (each holds or not; factors multiply): in order and within the metric's range. Throws
 * naming the adaptive rule (`adaptive.<i>.factor`) whose combination breaks them.
 */
export function checkEffectiveLevels(s: RuleSensor, base: Levels, adaptive: readonly AdaptiveRule[]): void {
  const mine = adaptive.map((rule, index) => ({ rule, index })).filter(({ rule }) => (rule.sensorKinds as readonly string[]).includes(s.kind));
  if (mine.length > MAX_ADAPTIVE_PER_KIND) throw new BadRulesError(`adaptive.${mine[MAX_ADAPTIVE_PER_KIND]!.index}.sensorKinds`, `more than ${MAX_ADAPTIVE_PER_KIND} adaptive rules apply to ${s.kind}`);
  for (let subset = 1; subset < 1 << mine.length; subset++) {
    const levels = { ...base };
    let last = 0;
    mine.forEach(({ rule, index }, bit) => {
      if (!(subset & (1 << bit))) return;
      last = index;
      for (const level of rule.levels) if (levels[level] !== null) levels[level] = levels[level]! * rule.factor;
    });
    const field = `adaptive.${last}.factor`;
    try {
      checkLevels(levels);
    } catch (err) {
      throw new BadRulesError(field, `with the adaptive rules in force, ${s.deviceId}'s ${(err as Error).message}`);
    }
    for (const k of LEVEL_ORDER) {
      const v = levels[k];
      if (v !== null && (v < s.minValue || v > s.maxValue)) throw new BadRulesError(field, `with the adaptive rules in force, ${s.deviceId}'s ${k} (${v}) lies outside ${s.minValue}…${s.maxValue}`);
    }
  }
}

/**
 * Checks a site's new rule set against its sensors before it is stored: every voting unit
 * can be outvoted (`votes` ≤ its detectors; single-detector items are no voting units, their
 * own gas alarm is the 1oo1), the pseudo-data memory stays bounded, and every sensor's
 * effective levels stay in order and range under every adaptive combination.
 */
export function checkRuleSet(rules: AlarmRuleSet, units: readonly VotingUnit[], sensors: readonly { sensor: RuleSensor; base: Levels }[]): void {
  const short = units.find((u) => u.detectorIds.length >= 2 && u.detectorIds.length < rules.voting.votes);
  if (short) throw new BadRulesError('voting.votes', `${rules.voting.votes} votes can never be reached on ${short.equipmentId}, which has ${short.detectorIds.length} flammable detectors`);
  const windows = sensors.length * Math.ceil(rules.pseudoData.historyReadings / rules.pseudoData.strideReadings);
  if (windows > MAX_PSEUDO_WINDOWS_PER_SITE) {
    throw new BadRulesError('pseudoData.historyReadings', `${sensors.length} sensors × ${rules.pseudoData.historyReadings}/${rules.pseudoData.strideReadings} windows would remember ${windows} windows, more than ${MAX_PSEUDO_WINDOWS_PER_SITE} per site`);
  }
  for (const { sensor, base } of sensors) checkEffectiveLevels(sensor, base, rules.adaptive);
}

/**
 * Whether a level is the last guard of a level-1 alarm (a flammable vessel's pressure
 * high-high, a mine's methane high-high or low-low): clearing it is refused for every role.
 */
export function isLevelOneGuard(s: Pick<RuleSensor, 'kind' | 'holdsFlammable'>, level: keyof Levels): boolean {
  if (level === 'highHigh') return gradeOf(s.kind, 'high-high', s.holdsFlammable).level === 1;
  if (level === 'lowLow') return gradeOf(s.kind, 'low-low', s.holdsFlammable).level === 1;
  return false;
}

/** Whether going from `before` to `after` loosens any level (a high raised or cleared, a low lowered or cleared). */
export function loosens(before: Levels, after: Levels): keyof Levels | null {
  for (const k of LEVEL_ORDER) {
    const was = before[k], now = after[k];
    if (was === now || was === null) continue;
    if (now === null) return k;
    if ((k === 'high' || k === 'highHigh') && now > was) return k;
    if ((k === 'low' || k === 'lowLow') && now < was) return k;
  }
  return null;
}
