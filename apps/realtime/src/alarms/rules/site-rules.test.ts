import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { AlarmEngine } from '../alarm-engine.ts';
import type { AlarmStore } from '../alarm-store.ts';
import { gradeOf, watchedMetrics } from '../alarm-policy.ts';
import { DEFAULT_RULE_SET, type AlarmRuleSet } from './rule-set.ts';
import { SiteRules } from './site-rules.ts';
import { demoPark, FakeSink } from './fake-sink.ts';

const park = demoPark();
const CL2 = 'CP-E1-GT-001'; // high 0.3 ppm
const LEL = 'CP-E4-GT-001'; // high 25 %LEL
const [WS1, WS2] = park.sensors.filter((s) => s.kind === 'weather').map((s) => s.id);
const T0 = Date.UTC(2026, 6, 20, 12);

/** An alarm store that keeps nothing (the engine's lifecycle is what is tested here). */
const nullStore = () => ({ loadAll: async () => [], save: async () => {}, history: async () => [], drain: async () => {} }) as unknown as AlarmStore;

describe('adaptive limits: hot weather lowers the toxic detectors’ level-1 limit, with hysteresis', () => {
  const CASES: Array<{ title: string; station: string; airTempC: number; cl2High: number }> = [
    { title: 'a mild day', station: WS1!, airTempC: 29, cl2High: 0.3 },
    { title: 'reaches 30 °C', station: WS1!, airTempC: 30, cl2High: 0.24 },
    { title: 'cools to 29 °C (inside the 2 K band)', station: WS1!, airTempC: 29, cl2High: 0.24 },
    { title: 'cools to 28.1 °C', station: WS1!, airTempC: 28.1, cl2High: 0.24 },
    { title: 'cools below 28 °C', station: WS1!, airTempC: 27.9, cl2High: 0.3 },
    { title: 'the riverside mast alone reads 31 °C', station: WS2!, airTempC: 31, cl2High: 0.24 },
    { title: 'the roof mast reads 20 °C, the riverside one still 31', station: WS1!, airTempC: 20, cl2High: 0.24 },
    { title: 'the riverside mast cools to 27 °C', station: WS2!, airTempC: 27, cl2High: 0.3 },
  ];
  const sink = new FakeSink();
  const rules = new SiteRules(park, sink, DEFAULT_RULE_SET, new Map());
  let t = T0;
  it.each(CASES)('$title → Cl2 high $cl2High ppm', ({ title, station, airTempC, cl2High }) => {
    rules.observe({ deviceId: station, ts: (t += 1000), seq: 1, values: { air_temp_c: airTempC, wind_speed_ms: 2 } });
    expect(rules.levelsOf(CL2)!.effective.high, title).toBeCloseTo(cl2High, 9);
    expect(sink.limits.get(`${CL2}/cl2_ppm`)?.high ?? 0.3, title).toBeCloseTo(cl2High, 9);
    expect(rules.levelsOf(CL2)!.base.high, title).toBe(0.3);
    expect(rules.levelsOf(LEL)!.effective.high, `${title}: flammables untouched`).toBe(25);
  });

  it('a new rule set while the condition holds applies at once', () => {
    const local = new FakeSink();
    const r = new SiteRules(park, local, DEFAULT_RULE_SET, new Map());
    r.observe({ deviceId: WS1!, ts: T0, seq: 1, values: { air_temp_c: 33 } });
    expect(local.limits.get(`${CL2}/cl2_ppm`)?.high).toBeCloseTo(0.24, 9);
    const halved: AlarmRuleSet = { ...DEFAULT_RULE_SET, adaptive: [{ ...DEFAULT_RULE_SET.adaptive[0]!, factor: 0.5 }] };
    r.setRules(halved);
    expect(local.limits.get(`${CL2}/cl2_ppm`)?.high).toBeCloseTo(0.15, 9);
    r.setRules({ ...DEFAULT_RULE_SET, adaptive: [] });
    expect(local.limits.get(`${CL2}/cl2_ppm`)?.high).toBe(0.3);
  });
});

describe('in the alarm engine', () => {
  let engine: AlarmEngine;
  let published: AlarmView[];
  let now = T0;
  beforeEach(async () => {
    vi.useFakeTimers({ now: T0 });
    published = [];
    engine = new AlarmEngine(nullStore(), (a) => published.push(a), () => now);
    await engine.start([park]);
  });
  afterEach(async () => {
    await engine.close();
    vi.useRealTimers();
  });

  it.each([
    { title: 'LPG sphere (flammable) beyond high-high pressure', deviceId: 'CP-E4-PT-001', level: 1, priority: 'high' },
    { title: 'liquid chlorine sphere (not flammable) beyond high-high pressure', deviceId: 'CP-E1-PT-001', level: 3, priority: 'medium' },
  ])('$title: level $level', ({ title, deviceId, level, priority }) => {
    const watched = watchedMetrics(park).find((w) => w.deviceId === deviceId)!;
    expect(watched.holdsFlammable, title).toBe(level === 1);
    const hh = watched.limits.highHigh!;
    // Pressure has a 2 s on-delay: hold the value past it.
    for (let i = 0; i <= 3; i++) engine.evaluate([{ deviceId, ts: T0 + i * 1000, seq: i + 1, values: { pressure_kpa: hh * 1.02 } }]);
    const alarm = engine.get(`${park.id}/${deviceId}/pressure_kpa/high-high`);
    expect(alarm, title).toMatchObject({ level, priority, processActive: true, setpoint: hh });
    expect(gradeOf('pressure', 'high', true), 'high alone stays level 3').toEqual({ level: 3, priority: 'low' });
  });

  it('an adaptive limit raises an alarm the base limit would not, and moving a limit keeps a standing alarm (no repeat)', () => {
    const rules = new SiteRules(park, engine, DEFAULT_RULE_SET, new Map());
    const id = `${park.id}/${CL2}/cl2_ppm/high`;
    engine.evaluate([{ deviceId: CL2, ts: T0, seq: 1, values: { cl2_ppm: 0.26 } }]);
    expect(engine.get(id)).toBeUndefined();
    const hot = { deviceId: WS1!, ts: T0 + 500, seq: 1, values: { air_temp_c: 31 } };
    rules.observe(hot);
    engine.evaluate([{ deviceId: CL2, ts: T0 + 1000, seq: 2, values: { cl2_ppm: 0.26 } }]);
    expect(engine.get(id)).toMatchObject({ processActive: true, count: 1, setpoint: 0.24, level: 2 });
    rules.setLevels(CL2, { lowLow: null, low: null, high: 0.25, highHigh: 0.6 }); // 0.2 in force now: still over
    engine.evaluate([{ deviceId: CL2, ts: T0 + 2000, seq: 3, values: { cl2_ppm: 0.26 } }]);
    expect(engine.get(id)).toMatchObject({ processActive: true, count: 1 });
    expect(engine.limitsOf(CL2, 'cl2_ppm')?.high).toBeCloseTo(0.2, 9);
  });
});
