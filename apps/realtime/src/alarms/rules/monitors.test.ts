import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './rule-set.ts';
import { ruleSensorsOf, votingUnitsOf, type RuleSensor } from './rule-sensors.ts';
import { RateMonitor } from './rate-monitor.ts';
import { DeviationMonitor, MAX_NEIGHBOURS, neighbourLists } from './deviation-monitor.ts';
import { VotingMonitor } from './voting-monitor.ts';
import { demoPark, FakeSink } from './fake-sink.ts';

const park = demoPark();
const sensors = ruleSensorsOf(park);
const byId = new Map(sensors.map((s) => [s.deviceId, s]));
const on = (equipmentId: string, kind: string) => sensors.filter((s) => s.equipmentId === equipmentId && s.kind === kind);
const T0 = Date.UTC(2026, 6, 1, 8);
/** A small deterministic wobble (±amp) so signals are not flat. */
const wobble = (i: number, amp: number) => amp * Math.sin(i * 1.7) * Math.cos(i * 0.31);

describe('rate of change (sensor time, smoothed, with hysteresis)', () => {
  const lel = on('CP-E4-TK-01', 'gas-flammable')[0]!; // high 25 %LEL → limit 12.5 %LEL/min
  const pressure = on('CP-E4-TK-01', 'pressure')[0]!; // band 500…1385 kPa → 177 kPa/min, both directions
  const temperature = on('CP-E1-R-01', 'temperature')[0]!; // rise only
  const CASES: Array<{ title: string; sensor: RuleSensor; valueAt: (i: number) => number; seconds: number; stepMs?: number; raised: boolean; raisedBeforeS?: number }> = [
    { title: 'clean-air noise', sensor: lel, valueAt: (i) => 0.6 + wobble(i, 0.4), seconds: 600, raised: false },
    { title: 'gas building up 20 %LEL/min', sensor: lel, valueAt: (i) => 1 + (20 * i) / 60, seconds: 90, raised: true, raisedBeforeS: 72 },
    { title: 'one spike to 80 %LEL in clean air (a fault the jump rule reports)', sensor: lel, valueAt: (i) => (i === 100 ? 80 : 0.6 + wobble(i, 0.4)), seconds: 200, raised: false },
    { title: 'gas creeping 5 %LEL/min', sensor: lel, valueAt: (i) => 1 + (5 * i) / 60, seconds: 240, raised: false },
    { title: 'pressure falling 400 kPa/min (loss of containment)', sensor: pressure, valueAt: (i) => 1000 - (400 * i) / 60, seconds: 60, stepMs: 500, raised: true },
    { title: 'pressure breathing with the sun', sensor: pressure, valueAt: (i) => 1000 + 30 * Math.sin(i / 2000) + wobble(i, 3), seconds: 900, stepMs: 500, raised: false },
    { title: 'temperature falling fast (rise-only rule)', sensor: temperature, valueAt: (i) => 85 - (30 * i) / 60, seconds: 60, raised: false },
    { title: 'temperature running away 30 K/min', sensor: temperature, valueAt: (i) => 85 + (30 * i) / 60, seconds: 60, raised: true },
  ];
  it.each(CASES)('$title', ({ title, sensor, valueAt, seconds, stepMs = 1000, raised, raisedBeforeS }) => {
    const sink = new FakeSink();
    const monitor = new RateMonitor(sink, DEFAULT_RULE_SET.rate);
    const steps = (seconds * 1000) / stepMs;
    let raisedAtS: number | null = null;
    for (let i = 0; i <= steps; i++) {
      monitor.observe(sensor, sensor.described, valueAt((i * stepMs) / 1000), T0 + i * stepMs);
      if (raisedAtS === null && sink.log.length > 0) raisedAtS = (i * stepMs) / 1000;
    }
    expect(sink.log.length > 0, title).toBe(raised);
    if (raised) {
      expect(sink.log[0]!.point, title).toMatchObject({ kind: 'rate', level: 3, deviceId: sensor.deviceId });
      if (raisedBeforeS !== undefined) expect(raisedAtS!, title).toBeLessThanOrEqual(raisedBeforeS);
    }
  });

  it('clears once the value holds steady for a window, and starts afresh after a gap', () => {
    const sink = new FakeSink();
    const monitor = new RateMonitor(sink, DEFAULT_RULE_SET.rate);
    let t = T0;
    for (let i = 0; i <= 60; i++, t += 1000) monitor.observe(lel, lel.described, 1 + (20 * i) / 60, t);
    expect(sink.activeOf('rate')).toHaveLength(1);
    for (let i = 0; i < 120; i++, t += 1000) monitor.observe(lel, lel.described, 21, t);
    expect(sink.activeOf('rate')).toHaveLength(0);
    // Five minutes of silence, then a different value: no rate across the hole.
    t += 300_000;
    for (let i = 0; i < 60; i++, t += 1000) monitor.observe(lel, lel.described, 2, t);
    expect(sink.log.map((l) => l.active)).toEqual([true, false]);
  });
});

describe('deviation from neighbours', () => {
  const ring = on('CP-E4-TK-01', 'gas-flammable'); // four detectors round one LPG sphere
  const [a, b, c] = on('CP-E1-R-01', 'temperature').concat(ring.slice(0, 1));
  const CASES: Array<{ title: string; values: (deviceId: string, i: number) => number; seconds: number; raised: string[] }> = [
    { title: 'all near clean air', values: (_, i) => 0.8 + wobble(i, 0.3), seconds: 120, raised: [] },
    { title: 'one drifted 14 %LEL above the others for 90 s', values: (d, i) => (d === ring[0]!.deviceId ? 14.5 : 0.8 + wobble(i, 0.3)), seconds: 90, raised: [ring[0]!.deviceId] },
    { title: 'one 14 %LEL above for only 40 s (a passing plume)', values: (d, i) => (d === ring[0]!.deviceId && i < 40 ? 14.5 : 0.8), seconds: 90, raised: [] },
    { title: 'one above its own high limit (a real local source: the gas alarm speaks)', values: (d) => (d === ring[0]!.deviceId ? 40 : 0.8), seconds: 90, raised: [] },
    { title: 'one dead at 0 while the others read 30 %LEL', values: (d) => (d === ring[3]!.deviceId ? 0 : 30), seconds: 90, raised: [ring[3]!.deviceId] },
  ];
  it.each(CASES)('$title', ({ title, values, seconds, raised }) => {
    const sink = new FakeSink();
    const monitor = new DeviationMonitor(sensors, sink, DEFAULT_RULE_SET.deviation);
    for (let i = 0; i <= seconds; i++) for (const s of ring) monitor.observe(s, s.described, values(s.deviceId, i), T0 + i * 1000);
    expect(sink.activeOf('deviation'), title).toEqual(raised.map((d) => `${park.id}/${d}/lel_pct/deviation`).sort());
  });

  it(`compares a sensor with its ${MAX_NEIGHBOURS} nearest neighbours at most, however wide the radius`, () => {
    const wide = [{ ...DEFAULT_RULE_SET.deviation[1]!, sensorKinds: ['flow' as const], radiusM: 5_000 }];
    const free = sensors.filter((s) => s.equipmentId === null && s.kind === 'flow'); // 25 flow meters on pipes, none on equipment
    const lists = neighbourLists(free, wide);
    const sizes = [...lists.values()].map((l) => l.length);
    expect(Math.max(...sizes)).toBe(MAX_NEIGHBOURS);
    const [id, list] = [...lists].find(([, l]) => l.length === MAX_NEIGHBOURS)!;
    const me = byId.get(id)!;
    const d = (n: RuleSensor) => Math.hypot(n.eastM - me.eastM, n.northM - me.northM);
    const farthestKept = Math.max(...list.map(d));
    const others = free.filter((n) => n !== me && n.kind === me.kind && !list.includes(n));
    expect(others.length).toBeGreaterThan(0);
    for (const n of others) expect(d(n)).toBeGreaterThanOrEqual(farthestKept);
  });

  it('twin temperature transmitters of a reactor 10 K apart (limit 7.5 K) for 30 s: both raised, cleared once they agree', () => {
    expect(a!.equipmentId).toBe(b!.equipmentId);
    expect(c!.kind).toBe('gas-flammable');
    const sink = new FakeSink();
    const monitor = new DeviationMonitor(sensors, sink, DEFAULT_RULE_SET.deviation);
    let t = T0;
    for (let i = 0; i < 25; i++, t += 1000) {
      monitor.observe(a!, a!.described, 78, t);
      monitor.observe(b!, b!.described, 88, t);
    }
    expect(sink.activeOf('deviation')).toHaveLength(0); // not yet 30 s
    for (let i = 0; i < 10; i++, t += 1000) {
      monitor.observe(a!, a!.described, 78, t);
      monitor.observe(b!, b!.described, 88, t);
    }
    expect(sink.activeOf('deviation')).toHaveLength(2);
    for (let i = 0; i < 15; i++, t += 1000) {
      monitor.observe(a!, a!.described, 85, t);
      monitor.observe(b!, b!.described, 85.5, t);
    }
    expect(sink.activeOf('deviation')).toHaveLength(0);
  });
});

describe('voting of flammable detectors (level 1)', () => {
  const units = votingUnitsOf(park);
  const unit = units.find((u) => u.equipmentId === 'CP-E4-TK-01')!;
  const other = units.find((u) => u.equipmentId === 'CP-E4-TK-02')!;
  const votingId = `${park.id}/CP-E4-TK-01/lel_pct/voting`;
  const CASES: Array<{ title: string; readings: Array<[string, number]>; active: string[] }> = [
    { title: '1oo4 at 60 %LEL does not vote', readings: [[unit.detectorIds[0]!, 60], [unit.detectorIds[1]!, 2], [unit.detectorIds[2]!, 1], [unit.detectorIds[3]!, 1]], active: [] },
    { title: '2oo4 at ≥ 50 %LEL raises the unit', readings: [[unit.detectorIds[0]!, 55], [unit.detectorIds[1]!, 50]], active: [votingId] },
    { title: 'one over in each of two units does not vote', readings: [[unit.detectorIds[0]!, 70], [other.detectorIds[0]!, 70]], active: [] },
    { title: '2oo4 just under 50 %LEL does not vote', readings: [[unit.detectorIds[0]!, 49.9], [unit.detectorIds[1]!, 49.9]], active: [] },
  ];
  it.each(CASES)('$title', ({ title, readings, active }) => {
    const sink = new FakeSink();
    const monitor = new VotingMonitor(units, sink, DEFAULT_RULE_SET.voting);
    readings.forEach(([id, v], i) => monitor.observe(id, 'lel_pct', v, T0 + i * 100));
    expect(sink.activeOf('voting'), title).toEqual(active);
  });

  it.each([
    { title: '1oo3', over: 1, raised: false },
    { title: '2oo3', over: 2, raised: true },
    { title: '3oo3', over: 3, raised: true },
  ])('a three-detector unit: $title at 60 %LEL raised = $raised', ({ title, over, raised }) => {
    const trio = { siteId: park.id, equipmentId: 'UNIT-3', enterpriseId: 'CP-E4', detectorIds: unit.detectorIds.slice(0, 3) };
    const sink = new FakeSink();
    const monitor = new VotingMonitor([trio], sink, DEFAULT_RULE_SET.voting);
    trio.detectorIds.forEach((d, i) => monitor.observe(d, 'lel_pct', i < over ? 60 : 3, T0 + i * 100));
    expect(sink.activeOf('voting'), title).toEqual(raised ? [`${park.id}/UNIT-3/lel_pct/voting`] : []);
  });

  it('raises a level-1, high-priority point on the unit, holds in the deadband, clears after the off-delay', () => {
    const sink = new FakeSink();
    const monitor = new VotingMonitor(units, sink, DEFAULT_RULE_SET.voting);
    const [d1, d2, d3, d4] = unit.detectorIds;
    const all = (values: number[], t: number) => [d1, d2, d3, d4].forEach((d, i) => monitor.observe(d!, 'lel_pct', values[i]!, t));
    all([55, 52, 10, 5], T0);
    expect(sink.log[0]!.point).toMatchObject({ deviceId: 'CP-E4-TK-01', enterpriseId: 'CP-E4', kind: 'voting', level: 1, priority: 'high', setpoint: 50 });
    all([49, 48, 10, 5], T0 + 1000); // inside the 2.5 %LEL deadband: still voting
    all([40, 40, 10, 5], T0 + 2000);
    all([40, 40, 10, 5], T0 + 6000);
    expect(sink.activeOf('voting')).toEqual([votingId]);
    all([40, 40, 10, 5], T0 + 7100); // below the band for more than 5 s
    expect(sink.activeOf('voting')).toEqual([]);
  });

  it('after a restart with the unit standing, waits for every member before clearing', () => {
    const sink = new FakeSink();
    sink.active.add(votingId);
    const monitor = new VotingMonitor(units, sink, DEFAULT_RULE_SET.voting);
    monitor.observe(unit.detectorIds[0]!, 'lel_pct', 1, T0);
    expect(sink.activeOf('voting')).toEqual([votingId]);
    unit.detectorIds.slice(1).forEach((d) => monitor.observe(d, 'lel_pct', 1, T0 + 100));
    expect(sink.activeOf('voting')).toEqual([]);
  });

  describe('degraded voting: faulted members, maintenance, silence (IEC 61511)', () => {
    const degradedId = `${park.id}/CP-E4-TK-01/lel_pct/voting-degraded`;
    const [d1, d2, d3, d4] = unit.detectorIds as [string, string, string, string];
    const health = (deviceId: string, kind: string, processActive: boolean, metric = kind === 'stale' ? '*' : 'lel_pct') => ({ deviceId, metric, kind, state: processActive ? 'unacknowledged' : 'normal', processActive });
    const service = (deviceId: string, out: boolean) => ({ deviceId, metric: 'lel_pct', kind: 'high-high', state: out ? 'out-of-service' : 'normal', processActive: false });
    const fresh = () => {
      const sink = new FakeSink();
      return { sink, monitor: new VotingMonitor(units, sink, DEFAULT_RULE_SET.voting) };
    };

    it.each(['stale', 'stuck', 'pseudo-data', 'out-of-range', 'jump'])('a %s member counts as a vote: 2oo4 becomes 1oo3, and the unit says it is degraded', (kind) => {
      const { sink, monitor } = fresh();
      [d1, d2, d3, d4].forEach((d) => monitor.observe(d, 'lel_pct', 1, T0));
      monitor.alarmChanged(health(d4, kind, true));
      expect(sink.activeOf('voting-degraded')).toEqual([degradedId]);
      expect(sink.log.find((l) => l.id === degradedId)!.point).toMatchObject({ level: 3, kind: 'voting-degraded', deviceId: 'CP-E4-TK-01', enterpriseId: 'CP-E4' });
      monitor.observe(d1, 'lel_pct', 60, T0 + 1000);
      expect(sink.activeOf('voting')).toEqual([votingId]);
      monitor.alarmChanged(health(d4, kind, false));
      expect(sink.activeOf('voting-degraded')).toEqual([]);
    });

    it('a whole unit gone silent neither keeps its last votes nor trips on faults alone (a trip needs one detector over the level)', () => {
      const { sink, monitor } = fresh();
      [d1, d2, d3, d4].forEach((d, i) => monitor.observe(d, 'lel_pct', i < 2 ? 60 : 1, T0));
      expect(sink.activeOf('voting')).toEqual([votingId]);
      [d1, d2, d3, d4].forEach((d) => monitor.alarmChanged(health(d, 'stale', true)));
      expect(sink.activeOf('voting')).toEqual([]);
      expect(sink.activeOf('voting-degraded')).toEqual([degradedId]);
    });

    it('3oo4 with two faulted members is 1oo2: one detector over the level trips the unit, the fault votes alone never do', () => {
      const sink = new FakeSink();
      const monitor = new VotingMonitor(units, sink, { lelPct: 50, votes: 3 });
      [d1, d2, d3, d4].forEach((d) => monitor.observe(d, 'lel_pct', 1, T0));
      monitor.alarmChanged(health(d1, 'stuck', true));
      monitor.alarmChanged(health(d2, 'stale', true));
      monitor.alarmChanged(health(d3, 'stale', true));
      expect(sink.activeOf('voting')).toEqual([]); // three fault votes, capped at two
      monitor.observe(d4, 'lel_pct', 60, T0 + 1000);
      expect(sink.activeOf('voting')).toEqual([votingId]);
    });

    it('a bump test with span gas on two detectors out of service does not trip the unit, and says the unit is degraded', () => {
      const { sink, monitor } = fresh();
      monitor.alarmChanged(service(d1, true));
      monitor.alarmChanged(service(d2, true));
      expect(sink.activeOf('voting-degraded')).toEqual([degradedId]);
      monitor.observe(d1, 'lel_pct', 60, T0);
      monitor.observe(d2, 'lel_pct', 60, T0);
      expect(sink.activeOf('voting')).toEqual([]);
      // Back in service: their readings vote again.
      monitor.alarmChanged(service(d1, false));
      monitor.alarmChanged(service(d2, false));
      monitor.observe(d1, 'lel_pct', 60, T0 + 1000);
      monitor.observe(d2, 'lel_pct', 60, T0 + 1000);
      expect(sink.activeOf('voting')).toEqual([votingId]);
      expect(sink.activeOf('voting-degraded')).toEqual([]);
    });

    it('two detectors saturated by a rich cloud (range top, out-of-range raised) trip the unit', () => {
      const { sink, monitor } = fresh();
      for (const d of [d1, d2]) {
        monitor.alarmChanged(health(d, 'out-of-range', true));
        monitor.observe(d, 'lel_pct', 100, T0);
      }
      expect(sink.activeOf('voting')).toEqual([votingId]);
    });

    it('a single-detector item is no voting unit (1oo1: its own gas alarm speaks)', () => {
      const single = { siteId: park.id, equipmentId: 'UNIT-1', enterpriseId: 'CP-E4', detectorIds: [d1] };
      const sink = new FakeSink();
      const monitor = new VotingMonitor([single], sink, DEFAULT_RULE_SET.voting);
      monitor.alarmChanged(health(d1, 'stale', true));
      monitor.observe(d1, 'lel_pct', 90, T0);
      expect(sink.log).toEqual([]);
    });
  });

  it('every flammable item of the demo park is a unit with at least four detectors', () => {
    expect(units.length).toBeGreaterThanOrEqual(15);
    for (const u of units) expect(u.detectorIds.length, u.equipmentId).toBeGreaterThanOrEqual(4);
    expect(units.some((u) => byId.get(u.detectorIds[0]!)?.kind !== 'gas-flammable')).toBe(false);
  });
});
