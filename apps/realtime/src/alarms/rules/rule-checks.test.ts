import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type AlarmRuleSet } from './rule-set.ts';
import { ruleSensorsOf, votingUnitsOf } from './rule-sensors.ts';
import { BadRulesError, checkRuleSet, isLevelOneGuard, loosens, MAX_PSEUDO_WINDOWS_PER_SITE } from './rule-checks.ts';
import { demoPark } from './fake-sink.ts';

const park = demoPark();
const sensors = ruleSensorsOf(park).map((sensor) => ({ sensor, base: sensor.described }));
const units = votingUnitsOf(park);
const fieldOf = (rules: AlarmRuleSet, list = sensors) => {
  try {
    checkRuleSet(rules, units, list);
    return null;
  } catch (err) {
    return err instanceof BadRulesError ? err.field : 'other';
  }
};
const hotFlammable = (levels: Array<'high' | 'highHigh'>, factor: number, allowLoosening?: boolean): AlarmRuleSet => ({
  ...DEFAULT_RULE_SET,
  adaptive: [{ id: 'x', when: { metric: 'air_temp_c', atOrAbove: 30, hysteresis: 2 }, sensorKinds: ['gas-flammable'], levels, factor, ...(allowLoosening ? { allowLoosening } : {}) }],
});

describe('rule-set checks against a site', () => {
  it('accepts the defaults on the demo park, and 4096 pseudo-data windows per sensor', () => {
    expect(fieldOf(DEFAULT_RULE_SET)).toBeNull();
    expect(fieldOf({ ...DEFAULT_RULE_SET, pseudoData: { ...DEFAULT_RULE_SET.pseudoData, historyReadings: 4096, strideReadings: 1 } })).toBeNull();
  });

  it.each([
    { title: 'more votes than a unit has detectors', rules: { ...DEFAULT_RULE_SET, voting: { lelPct: 50, votes: 5 } }, field: 'voting.votes' },
    { title: 'an adaptive factor pushing high-high below high', rules: hotFlammable(['highHigh'], 0.3), field: 'adaptive.0.factor' },
    { title: 'a loosening factor the site allowed, pushing high above high-high', rules: hotFlammable(['high'], 3, true), field: 'adaptive.0.factor' },
    { title: 'a loosening factor the site allowed, pushing high-high beyond the range', rules: hotFlammable(['high', 'highHigh'], 2.5, true), field: 'adaptive.0.factor' },
  ])('refuses $title ($field)', ({ rules, field }) => {
    expect(fieldOf(rules)).toBe(field);
  });

  it('refuses two adaptive rules that are fine alone but break the order together', () => {
    const rules = hotFlammable(['highHigh'], 0.6);
    rules.adaptive.push({ ...rules.adaptive[0]!, id: 'y', when: { metric: 'wind_speed_ms', atOrAbove: 10, hysteresis: 1 }, levels: ['highHigh'], factor: 0.8 });
    // 50 × 0.6 = 30 and 50 × 0.8 = 40 stay above high 25; 50 × 0.48 = 24 does not.
    expect(fieldOf(rules)).toBe('adaptive.1.factor');
  });

  it('bounds the pseudo-data memory of a site', () => {
    const many = Array.from({ length: Math.ceil(MAX_PSEUDO_WINDOWS_PER_SITE / 4096) + 1 }, (_, i) => ({ ...sensors[i % sensors.length]! }));
    expect(fieldOf({ ...DEFAULT_RULE_SET, pseudoData: { ...DEFAULT_RULE_SET.pseudoData, historyReadings: 4096, strideReadings: 1 } }, many)).toBe('pseudoData.historyReadings');
  });

  it('knows a loosening from a tightening, and the level-1 guards', () => {
    const base = { lowLow: 1, low: 2, high: 10, highHigh: 20 };
    expect(loosens(base, { ...base, high: 8, low: 3 })).toBeNull();
    expect(loosens(base, { ...base, high: 12 })).toBe('high');
    expect(loosens(base, { ...base, low: 1.5 })).toBe('low');
    expect(loosens(base, { ...base, highHigh: null })).toBe('highHigh');
    const vessel = sensors.find((s) => s.sensor.holdsFlammable)!.sensor;
    expect(isLevelOneGuard(vessel, 'highHigh')).toBe(true);
    expect(isLevelOneGuard(vessel, 'high')).toBe(false);
    expect(isLevelOneGuard(sensors.find((s) => s.sensor.kind === 'gas-flammable')!.sensor, 'highHigh')).toBe(false);
  });
});
