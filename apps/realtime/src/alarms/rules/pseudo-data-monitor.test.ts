import { describe, expect, it } from 'vitest';
import { createSimulator } from '@safetwin/simulator';
import { demoSites } from '@safetwin/twin-models';
import type { Reading } from '@safetwin/protocol';
import { DEFAULT_RULE_SET } from './rule-set.ts';
import { ruleSensorsOf } from './rule-sensors.ts';
import { PseudoDataMonitor } from './pseudo-data-monitor.ts';
import { SiteRules } from './site-rules.ts';
import { demoPark, FakeSink } from './fake-sink.ts';

const park = demoPark();
const sensors = ruleSensorsOf(park);
const byId = new Map(sensors.map((s) => [s.deviceId, s]));
const T0 = Date.UTC(2026, 6, 1, 6);
const rule = DEFAULT_RULE_SET.pseudoData;

/** Simulated readings (no faults) of `sites` from T0 for `minutes`, in time order. */
function simulate(minutes: number, seed: number, each: (r: Reading) => void, sites = [park], faultRatePerDeviceHour = 0): void {
  const sim = createSimulator({ sites, startMs: T0, seed, faultRatePerDeviceHour });
  for (let t = T0; t <= T0 + minutes * 60_000; t += 1000) for (const r of sim.tick(t)) each(r);
}

/** The series of one device's watched metric in simulated readings. */
function seriesOf(deviceId: string, minutes: number, seed: number): number[] {
  const metric = byId.get(deviceId)!.metric;
  const out: number[] = [];
  simulate(minutes, seed, (r) => {
    if (r.deviceId === deviceId) out.push(r.values[metric]!);
  });
  return out;
}

describe('pseudo data (replayed or copied series)', () => {
  it('raises no alarm of any rule kind on an hour of the simulator’s normal signals (both demo sites; the history fills)', () => {
    const sites = demoSites();
    const sink = new FakeSink();
    const bySite = new Map(sites.map((site) => [site.id, new SiteRules(site, sink, DEFAULT_RULE_SET, new Map())]));
    const siteOf = new Map(sites.flatMap((site) => site.sensors.map((s) => [s.id, bySite.get(site.id)!] as const)));
    let readings = 0;
    let rulesMs = 0;
    simulate(60, 11, (r) => {
      readings++;
      const started = performance.now();
      siteOf.get(r.deviceId)?.observe(r);
      rulesMs += performance.now() - started;
    }, sites);
    expect(readings).toBeGreaterThan(1_000_000);
    expect(sink.log.map((l) => l.id)).toEqual([]);
    // Most windows carry enough information to be judged, so the silence above means something.
    const judged = [...bySite.values()].reduce((n, r) => n + r.pseudoDataStats.judged, 0);
    expect(judged).toBeGreaterThan(readings / 3);
    console.log(`rules on ${readings} simulated readings: ${((rulesMs * 1000) / readings).toFixed(2)} µs per reading; pseudo-data windows judged ${judged}`);
  }, 300_000);

  it('raises no rule alarm when sensors fail as the simulator makes them (stuck, dropout, spike: the health rules’ business)', () => {
    const sink = new FakeSink();
    const rules = new SiteRules(park, sink, DEFAULT_RULE_SET, new Map());
    const sim = createSimulator({ sites: [park], startMs: T0, seed: 4, faultRatePerDeviceHour: 1 });
    for (let t = T0; t <= T0 + 30 * 60_000; t += 1000) for (const r of sim.tick(t)) rules.observe(r);
    expect(new Set(sim.faults().map((f) => f.deviceId)).size).toBeGreaterThan(50);
    expect(sink.log.map((l) => l.id)).toEqual([]);
  }, 120_000);

  const gas = sensors.find((s) => s.equipmentId === 'CP-E4-TK-01' && s.kind === 'gas-flammable')!;
  const flow = sensors.find((s) => s.kind === 'flow')!;

  it.each([
    { title: 'a gas detector replays ten minutes of its own past', sensor: gas },
    { title: 'a flow transmitter replays ten minutes of its own past', sensor: flow },
  ])('$title: raised within a window and a stride, cleared after a clean spell', ({ title, sensor }) => {
    const stepMs = sensor.intervalMs;
    const series = seriesOf(sensor.deviceId, 40, 5);
    const sink = new FakeSink();
    const monitor = new PseudoDataMonitor(sensors, sink, rule);
    let t = T0;
    const send = (v: number) => monitor.observe(sensor, v, (t += stepMs));
    const honest = Math.floor(series.length / 2);
    for (const v of series.slice(0, honest)) send(v);
    expect(sink.log, title).toEqual([]);
    // The replay: readings 100…700 sent again with new times.
    const replay = series.slice(100, 700);
    let raisedAfter = -1;
    replay.forEach((v, i) => {
      send(v);
      if (raisedAfter < 0 && sink.active.size > 0) raisedAfter = i + 1;
    });
    expect(raisedAfter, title).toBeGreaterThan(0);
    expect(raisedAfter, title).toBeLessThanOrEqual(rule.windowReadings + rule.strideReadings);
    expect(sink.log[0]!.point, title).toMatchObject({ kind: 'pseudo-data', level: 3, deviceId: sensor.deviceId });
    // Honest data again: clears once clearAfterMs has passed without a repeated window.
    for (const v of series.slice(honest)) send(v);
    expect(sink.log.map((l) => l.active), title).toEqual([true, false]);
  });

  it('two detectors sending the same series: both raised', () => {
    const [a, b] = sensors.filter((s) => s.equipmentId === 'CP-E3-TK-03' && s.kind === 'gas-flammable');
    const series = seriesOf(a!.deviceId, 5, 9);
    const sink = new FakeSink();
    const monitor = new PseudoDataMonitor(sensors, sink, rule);
    series.forEach((v, i) => {
      monitor.observe(a!, v, T0 + i * 1000);
      monitor.observe(b!, v, T0 + i * 1000 + 3); // a forged twin mirroring a's values
    });
    expect(sink.activeOf('pseudo-data')).toEqual([a!.deviceId, b!.deviceId].map((d) => `${park.id}/${d}/lel_pct/pseudo-data`).sort());
  });

  it('a replayed quiet clean-air series (0/1/2 ppm, too few distinct values for a window) is caught over its run lengths', () => {
    const toxic = sensors.find((s) => s.kind === 'gas-h2s')!;
    let state = 7;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    // Clean air at 1-ppm resolution: mostly 0, now and then 1 or 2, for an hour.
    const series = Array.from({ length: 3600 }, () => { const r = random(); return r < 0.6 ? 0 : r < 0.9 ? 1 : 2; });
    const sink = new FakeSink();
    const monitor = new PseudoDataMonitor(sensors, sink, rule);
    let t = T0;
    for (const v of series) monitor.observe(toxic, v, (t += 1000));
    expect(sink.log).toEqual([]); // an hour of honest quiet air raises nothing
    let raisedAfter = -1;
    series.slice(600, 1200).forEach((v, i) => {
      monitor.observe(toxic, v, (t += 1000));
      if (raisedAfter < 0 && sink.active.size > 0) raisedAfter = i + 1;
    });
    expect(raisedAfter).toBeGreaterThan(0);
    expect(raisedAfter).toBeLessThan(300);
    expect(sink.log[0]!.point).toMatchObject({ kind: 'pseudo-data', deviceId: toxic.deviceId });
  });

  it('a flat line or a two-valued trickle is not judged (too little information; the stuck rule watches flat lines)', () => {
    const sink = new FakeSink();
    const monitor = new PseudoDataMonitor(sensors, sink, rule);
    for (let i = 0; i < 2000; i++) monitor.observe(gas, i % 7 === 0 ? 0.1 : 0, T0 + i * 1000);
    expect(sink.log).toEqual([]);
  });
});
