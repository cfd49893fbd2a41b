import type { AdaptiveRule } from './rule-set.ts';
import type { Levels } from './rule-sensors.ts';

/**
 * The conditions of a site's adaptive rules, from its weather stations: a rule holds once any
 * station reads its metric at or above the limit, and ends only when every station that
 * reported reads below the limit minus the hysteresis. Stations are few (two in the demo
 * park), so each reading costs a handful of comparisons.
 */
export class AdaptiveConditions {
  private readonly latest = new Map<string, Map<string, number>>();
  private readonly holding = new Set<string>();

  constructor(private rules: readonly AdaptiveRule[]) {}

  /** New rules: conditions of rules that remain (same id) are kept; the others forgotten. */
  setRules(rules: readonly AdaptiveRule[]): void {
    this.rules = rules;
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [...this.holding]) if (!ids.has(id)) this.holding.delete(id);
    for (const id of [...this.latest.keys()]) if (!ids.has(id)) this.latest.delete(id);
  }

  /** Whether a rule holds now. */
  holds(ruleId: string): boolean {
    return this.holding.has(ruleId);
  }

  /** A weather station's values; true when some rule started or ended. */
  observe(stationId: string, values: Readonly<Record<string, number>>): boolean {
    let changed = false;
    for (const rule of this.rules) {
      const value = values[rule.when.metric];
      if (value === undefined) continue;
      let byStation = this.latest.get(rule.id);
      if (!byStation) this.latest.set(rule.id, (byStation = new Map()));
      byStation.set(stationId, value);
      const highest = Math.max(...byStation.values());
      const was = this.holding.has(rule.id);
      const now = was ? highest >= rule.when.atOrAbove - rule.when.hysteresis : highest >= rule.when.atOrAbove;
      if (now === was) continue;
      if (now) this.holding.add(rule.id);
      else this.holding.delete(rule.id);
      changed = true;
    }
    return changed;
  }

  /** A sensor's levels with every holding rule for its kind applied (factors multiply). */
  apply(sensorKind: string, base: Levels): Levels {
    const out = { ...base };
    for (const rule of this.rules) {
      if (!this.holding.has(rule.id) || !(rule.sensorKinds as readonly string[]).includes(sensorKind)) continue;
      for (const level of rule.levels) {
        const v = out[level];
        if (v !== null) out[level] = v * rule.factor;
      }
    }
    return out;
  }
}
