// The simulation engine: every telemetry device of the given sites, scheduled at its own
// reporting interval. Pure: `tick(nowMs)` returns the readings due up to `nowMs`; time is
// always an argument (or the injected clock) and randomness comes from the seed. The
// socket.io gateway (gateway.ts) drives it on a timer.
import type { CommandAck, FieldCommand, Reading } from '@safetwin/protocol';
import type { CommandTarget, DeviceInfo, Site } from '@safetwin/twin-models';
import { commandTargets, deviceCatalogue, lineValveIds } from '@safetwin/twin-models';
import { Channel } from './channel.ts';
import {
  PowerDevice, SensorDevice, SimDevice, TagDevice, ValveDevice, WeatherStationDevice,
} from './devices.ts';
import type { MetricRange } from './devices.ts';
import { SimulatorError } from './errors.ts';
import { FAULT_DURATION_MS, FAULT_KINDS, FAULT_WEIGHTS } from './faults.ts';
import type { FaultKind, FaultRecord } from './faults.ts';
import { MinerWalker, WalkGraph } from './miners.ts';
import type { WalkerOptions } from './miners.ts';
import { AnchorReach, RangingTagDevice } from './uwb-ranging.ts';
import type { UwbRangingOptions } from './uwb-ranging.ts';
import { LeakBook } from './leak/leak-book.ts';
import type { LeakOptions } from './leak/leak-book.ts';
import { Rng } from './prng.ts';
import type { LeakScenario, Scenario, StagedScenario } from './scenarios.ts';
import { channelParams, setpointBand } from './sensor-params.ts';
import { MS_PER_H, MS_PER_MIN } from './signals.ts';
import { SiteWeather } from './weather.ts';
import type { WeatherOptions, WeatherState } from './weather.ts';

/** How a simulator is built. */
export interface SimulatorOptions {
  /** Sites whose devices are simulated (e.g. `demoSites()`). */
  sites: readonly Site[];
  /** Clock, epoch ms: the start and the default time of commands and scenarios. @defaultValue none (the first tick's time) */
  now?: () => number;
  /** Start of the simulation, epoch ms. @defaultValue `now()`, else the first `tick`'s time */
  startMs?: number;
  /** Seed of every random stream. @defaultValue 1 */
  seed?: number;
  /** Faults per device-hour of running (sensors, weather stations and miner tags). 0 turns them off. @defaultValue 0.02 */
  faultRatePerDeviceHour?: number;
  /** Fault kinds that may occur. @defaultValue all of FAULT_KINDS */
  faultKinds?: readonly FaultKind[];
  /** Most backlog a late tick fills in with back-dated readings, ms; an older backlog is skipped. @defaultValue 5000 */
  maxCatchUpMs?: number;
  /** Entries kept in the fault log (oldest dropped first). @defaultValue 10000 */
  faultLogSize?: number;
  /** Weather tunables, for every site. */
  weather?: WeatherOptions;
  /** Miner behaviour. */
  miners?: WalkerOptions;
  /** Miners' tags: report a position (default) or UWB ranges to the anchors, and the ranging noise. */
  uwb?: UwbRangingOptions;
  /** Staged leaks: response noise, detector faults, local wind turbulence. */
  leak?: LeakOptions;
}

/** A running simulation of field devices. */
export interface Simulator {
  /** Every simulated device, keyed by deviceId (the sites' catalogues merged). */
  readonly devices: ReadonlyMap<string, DeviceInfo>;
  /** Produces the readings due up to `nowMs` (sensor time `ts` ≤ nowMs), oldest first per device. */
  tick(nowMs: number): Reading[];
  /** Carries out a field command at `nowMs` (default: the clock, else the latest tick) and answers it; never throws. */
  applyCommand(command: FieldCommand, nowMs?: number): CommandAck;
  /** Stages a scenario starting at `atMs` (default: the clock, else the latest tick). Throws {@link SimulatorError} when it cannot. */
  stage(scenario: Scenario, atMs?: number): StagedScenario;
  /** Scenarios staged so far, oldest first (the latest 1000). */
  staged(): readonly StagedScenario[];
  /** Faults injected so far (bounded log, oldest first). */
  faults(): readonly FaultRecord[];
  /** The current weather of a site (what its stations measure, without their noise). */
  weather(siteId: string): Readonly<WeatherState> | undefined;
}

const DEFAULT_FAULT_RATE = 0.02;
const DEFAULT_CATCH_UP_MS = 5000;
const DEFAULT_FAULT_LOG = 10_000;
/** Staged scenarios kept for `staged()` (oldest dropped first). */
const MAX_STAGED = 1000;
const DEFAULT_WALKER: Required<WalkerOptions> = { meanSpeedMS: 1.0, meanPauseMs: 12 * MS_PER_MIN, errandChance: 0.25 };

/** Creates the simulation engine for `options.sites`. */
export function createSimulator(options: SimulatorOptions): Simulator {
  return new Engine(options);
}

type Park = Extract<Site, { kind: 'chemical-park' }>;
type Mine = Extract<Site, { kind: 'coal-mine' }>;

interface SiteState {
  site: Site;
  weather: SiteWeather;
  targets: Map<string, CommandTarget>;
}

class Engine implements Simulator {
  readonly devices: Map<string, DeviceInfo> = new Map();
  private readonly sims: SimDevice[] = [];
  private readonly byId = new Map<string, SimDevice>();
  private readonly siteStates = new Map<string, SiteState>();
  private readonly faultLog: FaultRecord[] = [];
  private readonly scenarios: StagedScenario[] = [];
  private readonly seed: number;
  private readonly faultRate: number;
  private readonly faultKinds: ReadonlySet<FaultKind>;
  private readonly maxCatchUpMs: number;
  private readonly faultLogSize: number;
  private readonly leaks: LeakBook;
  private started = false;
  private lastTickMs = -Infinity;
  private scenarioCount = 0;

  constructor(private readonly options: SimulatorOptions) {
    this.seed = options.seed ?? 1;
    this.faultRate = options.faultRatePerDeviceHour ?? DEFAULT_FAULT_RATE;
    this.faultKinds = new Set(options.faultKinds ?? FAULT_KINDS);
    this.maxCatchUpMs = options.maxCatchUpMs ?? DEFAULT_CATCH_UP_MS;
    this.faultLogSize = options.faultLogSize ?? DEFAULT_FAULT_LOG;
    this.leaks = new LeakBook(this.seed, options.leak);
    if (!(this.faultRate >= 0)) throw new SimulatorError('simulator:bad-options', `faultRatePerDeviceHour must be ≥ 0, got ${this.faultRate}`);
    for (const site of options.sites) {
      for (const [id, info] of deviceCatalogue(site)) {
        if (this.devices.has(id)) throw new SimulatorError('simulator:bad-options', `device id '${id}' appears in more than one site`);
        this.devices.set(id, info);
      }
    }
    const start = options.startMs ?? options.now?.();
    if (start !== undefined) this.start(start);
  }

  /** Builds every device's state at the simulation start (once). */
  private start(startMs: number): void {
    if (this.started) return;
    this.started = true;
    const t0 = Math.round(startMs);
    this.lastTickMs = t0;
    for (const site of this.options.sites) this.buildSite(site, t0);
    // Stagger first readings across each device's interval, so reports do not all land on the same millisecond.
    for (const d of this.sims) d.nextDueMs = t0 + Math.floor(d.faultRng.next() * d.intervalMs);
  }

  private buildSite(site: Site, t0: number): void {
    const weather = new SiteWeather(site.origin, this.seed, site.id, t0, this.options.weather);
    this.siteStates.set(site.id, { site, weather, targets: commandTargets(site) });
    const catalogue = deviceCatalogue(site);
    const add = (d: SimDevice) => {
      this.sims.push(d);
      this.byId.set(d.deviceId, d);
    };
    const ranges = (info: DeviceInfo): Record<string, MetricRange> => {
      const out: Record<string, MetricRange> = {};
      for (const [name, m] of Object.entries(info.metrics)) out[name] = { minValue: m.minValue, maxValue: m.maxValue };
      return out;
    };

    for (const sensor of site.sensors) {
      const info = catalogue.get(sensor.id)!;
      if (sensor.kind === 'weather') {
        // Weather set-points (e.g. wind ≥ Beaufort 6 stops loading) stay out of reach in normal running.
        const caps: Record<string, number> = {};
        for (const name of Object.keys(info.metrics)) {
          const { upper } = setpointBand(sensor, name);
          if (upper !== null) caps[name] = upper * 0.8;
        }
        add(new WeatherStationDevice(sensor.id, site.id, info.intervalMs, ranges(info), this.seed, weather, caps));
        continue;
      }
      const dev = new SensorDevice(sensor.id, site.id, info.intervalMs, ranges(info), this.seed, weather);
      for (const [metric, spec] of Object.entries(info.metrics)) {
        const params = channelParams({ site, startMs: t0 }, sensor, metric, spec, dev.rng);
        dev.channels.push(new Channel(params, dev.rng, t0, site.origin.lonDeg));
      }
      add(dev);
    }

    if (site.kind === 'chemical-park') {
      for (const v of site.pipes.valves) {
        if (!v.deviceId) continue;
        const info = catalogue.get(v.deviceId)!;
        add(new ValveDevice(v.deviceId, site.id, info.intervalMs, ranges(info), this.seed, v.normallyOpen, v.strokeTimeS ?? 10));
      }
      this.gateFlowSensors(site);
    } else {
      for (const e of site.equipment) {
        const info = catalogue.get(e.deviceId)!;
        add(new PowerDevice(e.deviceId, site.id, info.intervalMs, ranges(info), this.seed));
      }
      this.wireInterlocks(site);
      const graph = new WalkGraph(site.roadways);
      const behaviour = { ...DEFAULT_WALKER, ...this.options.miners };
      const uwb = this.options.uwb;
      const reach = uwb?.report === 'ranges' ? new AnchorReach(site, graph, uwb) : null;
      const positionTags = new Set(uwb?.positionTags);
      for (const m of site.miners) {
        const info = catalogue.get(m.tagDeviceId)!;
        const work = Math.max(0, graph.edgeOf(m.workplaceRoadwayId)); // a work place off the walkable network: the first roadway
        const rng = new Rng(this.seed, `miner:${site.id}:${m.id}`);
        const walker = new MinerWalker(graph, work, rng, t0, behaviour);
        add(reach && !positionTags.has(m.tagDeviceId)
          ? new RangingTagDevice(m.tagDeviceId, site.id, info.intervalMs, ranges(info), this.seed, walker, reach)
          : new TagDevice(m.tagDeviceId, site.id, info.intervalMs, ranges(info), this.seed, walker));
      }
    }
  }

  /** Links each flow transmitter to the actuated valves on its line (twin-models lineValveIds: the run of pipe between branches and nozzles). */
  private gateFlowSensors(site: Park): void {
    const valveDevice = new Map<string, ValveDevice>();
    for (const v of site.pipes.valves) {
      const dev = v.deviceId ? this.byId.get(v.deviceId) : undefined;
      if (dev instanceof ValveDevice) valveDevice.set(v.id, dev);
    }
    for (const sensor of site.sensors) {
      if (sensor.kind !== 'flow' || !sensor.pipeSegmentId) continue;
      const dev = this.byId.get(sensor.id);
      if (!(dev instanceof SensorDevice)) continue;
      dev.gates = lineValveIds(site.pipes, sensor.pipeSegmentId).flatMap((id) => valveDevice.get(id) ?? []);
    }
  }

  /** Each machine's power-restore lock-out: the methane sensors whose power-cut range holds it. */
  private wireInterlocks(site: Mine): void {
    const powerByEquipment = new Map(site.equipment.map((e) => [e.id, this.byId.get(e.deviceId)]));
    for (const sensor of site.sensors) {
      if (!sensor.powerCut) continue;
      const dev = this.byId.get(sensor.id);
      if (!(dev instanceof SensorDevice)) continue;
      const channel = dev.channelOf('ch4_pct');
      if (channel < 0) continue;
      for (const eq of sensor.powerCut.equipmentIds) {
        const p = powerByEquipment.get(eq);
        if (p instanceof PowerDevice) p.interlocks.push({ sensor: dev, channel, restoreBelowPct: sensor.powerCut.restoreBelowPct });
      }
    }
  }

  tick(nowMs: number): Reading[] {
    this.start(nowMs);
    if (nowMs > this.lastTickMs) this.lastTickMs = nowMs;
    const out: Reading[] = [];
    const faultPerMs = this.faultRate / MS_PER_H;
    for (const d of this.sims) {
      if (d.nextDueMs > nowMs) continue;
      const behind = nowMs - d.nextDueMs;
      if (behind > this.maxCatchUpMs) d.nextDueMs += Math.floor((behind - this.maxCatchUpMs) / d.intervalMs) * d.intervalMs;
      while (d.nextDueMs <= nowMs) {
        const ts = d.nextDueMs;
        d.nextDueMs += d.intervalMs;
        const r = this.readingOf(d, ts, faultPerMs * d.intervalMs);
        if (r) out.push(r);
      }
    }
    return out;
  }

  /** One reading of device `d` at `ts`, with faults applied; null while the device is silent. */
  private readingOf(d: SimDevice, ts: number, faultChance: number): Reading | null {
    if (d.silentAt(ts)) return null;
    let f = d.fault;
    if (f && ts > f.endMs) f = d.fault = null;
    if (!f && faultChance > 0 && d.faultKinds.length > 0 && d.faultRng.next() < faultChance && !d.busy(ts) && !this.leaks.drives(d.deviceId, ts)) f = this.startFault(d, ts);
    if (f?.kind === 'dropout') return null;
    let values: Record<string, number>;
    if (f?.kind === 'stuck' && d.lastValues) {
      values = { ...d.lastValues };
    } else {
      values = d.sample(ts);
      if (f?.kind === 'spike' && f.metric !== undefined && f.value !== undefined) {
        values[f.metric] = f.value;
        d.fault = null;
      }
      if (d instanceof SensorDevice) {
        const withGas = this.leaks.apply(d, ts, values);
        if (!withGas) return null;
        values = withGas;
      }
    }
    d.lastValues = values;
    d.lastTs = ts;
    return { deviceId: d.deviceId, ts, seq: d.seq++, values };
  }

  private startFault(d: SimDevice, ts: number): FaultRecord | null {
    const kinds = d.faultKinds.filter((k) => this.faultKinds.has(k));
    if (kinds.length === 0) return null;
    const rng = d.faultRng;
    const total = kinds.reduce((a, k) => a + FAULT_WEIGHTS[k], 0);
    let pick = rng.next() * total;
    let kind = kinds[kinds.length - 1]!;
    for (const k of kinds) {
      pick -= FAULT_WEIGHTS[k];
      if (pick < 0) {
        kind = k;
        break;
      }
    }
    let record: FaultRecord;
    if (kind === 'spike') {
      const names = Object.keys(d.metrics);
      const metric = names[rng.int(names.length)]!;
      const r = d.metrics[metric]!;
      // An implausible jump the instrument can still report: high in its range, or its floor.
      const value = rng.chance(0.7) ? r.minValue + (r.maxValue - r.minValue) * rng.range(0.55, 0.95) : r.minValue;
      record = { deviceId: d.deviceId, siteId: d.siteId, kind, startMs: ts, endMs: ts, metric, value: Math.round(value * 100) / 100 };
    } else {
      const [lo, hi] = FAULT_DURATION_MS[kind];
      record = { deviceId: d.deviceId, siteId: d.siteId, kind, startMs: ts, endMs: ts + Math.round(rng.range(lo, hi)) };
    }
    d.fault = record;
    this.faultLog.push(record);
    if (this.faultLog.length > this.faultLogSize) this.faultLog.splice(0, this.faultLog.length - this.faultLogSize);
    return record;
  }

  /** The time of a request: the one given, else the clock, else the latest tick; starts the simulation if needed. */
  private timeOf(t: number | undefined): number {
    const now = t ?? this.options.now?.() ?? this.lastTickMs;
    if (!Number.isFinite(now)) throw new SimulatorError('simulator:bad-options', 'no time known yet: pass a time, give the simulator a now() clock, or tick it first');
    this.start(now);
    return now;
  }

  applyCommand(command: FieldCommand, nowMs?: number): CommandAck {
    const id = typeof command?.id === 'string' ? command.id : '';
    const refuse = (message: string): CommandAck => ({ id, ok: false, message });
    const info = this.devices.get(command?.deviceId);
    if (!info) return refuse(`unknown device '${String(command?.deviceId)}'`);
    if (command.siteId !== info.siteId) return refuse(`device '${info.deviceId}' belongs to site '${info.siteId}', not '${String(command.siteId)}'`);
    let t: number;
    try {
      t = this.timeOf(nowMs);
    } catch (err) {
      return refuse((err as Error).message);
    }
    if (command.action === 'tag.page') {
      const tag = this.byId.get(info.deviceId);
      if (!(tag instanceof TagDevice)) return refuse(`device '${info.deviceId}' (${info.kind}) is not a tag: it takes no pages`);
      if (!command.page) return refuse('a page needs its text');
      const message = tag.pager.receive(command.page, t);
      this.reportSoon(tag, t);
      return { id, ok: true, message };
    }
    const target = this.siteStates.get(info.siteId)?.targets.get(info.deviceId);
    if (!target) return refuse(`device '${info.deviceId}' (${info.kind}) takes no remote commands`);
    if (!target.actions.includes(command.action)) return refuse(`device '${info.deviceId}' does not support '${String(command.action)}' (it takes ${target.actions.join(', ')})`);
    const dev = this.byId.get(info.deviceId);
    if (dev instanceof ValveDevice) {
      const goal = command.action === 'valve.close' ? 0 : 1;
      const already = dev.target === goal && dev.openFraction(t) === goal;
      dev.command(goal, t);
      this.reportSoon(dev, t);
      this.reviewLeaks(info.siteId, t);
      return { id, ok: true, message: already ? `valve already ${goal ? 'open' : 'closed'}` : `valve ${goal ? 'opening' : 'closing'}` };
    }
    if (dev instanceof PowerDevice) {
      if (command.action === 'power.restore') {
        const lock = dev.lockout();
        if (lock) return refuse(`power restore locked out: ${lock.sensorId} reads ${lock.valuePct} % CH4 (restore below ${lock.restoreBelowPct} %)`);
      }
      const goal = command.action === 'power.cut' ? 0 : 1;
      const already = dev.powered === goal;
      dev.powered = goal;
      this.reportSoon(dev, t);
      return { id, ok: true, message: already ? `already ${goal ? 'powered' : 'cut'}` : goal ? 'power restored' : 'power cut' };
    }
    return refuse(`device '${info.deviceId}' is not simulated as an actuator`);
  }

  /** A valve of the site moved: staged leaks there stop feeding once their item is isolated (leak/leak-isolation.ts). */
  private reviewLeaks(siteId: string, t: number): void {
    const site = this.siteStates.get(siteId)?.site;
    if (site?.kind !== 'chemical-park') return;
    const devices = new Map(site.pipes.valves.map((v) => [v.id, v.deviceId ? this.byId.get(v.deviceId) : undefined]));
    this.leaks.reviewIsolation(siteId, t, (valveId) => {
      const dev = devices.get(valveId);
      return dev instanceof ValveDevice ? dev.shutAtMs() : null;
    });
  }

  /** Reports a device's new state at the next tick instead of waiting out its interval (report by exception). */
  private reportSoon(d: SimDevice, t: number): void {
    const at = Math.max(Math.round(t), d.lastTs + 1);
    if (at < d.nextDueMs) d.nextDueMs = at;
  }

  stage(scenario: Scenario, atMs?: number): StagedScenario {
    switch (scenario?.kind) {
      case 'methane-rise': {
        const dev = this.scenarioDevice(scenario.kind, scenario.sensorId, scenario.siteId);
        const channel = dev instanceof SensorDevice ? dev.channelOf('ch4_pct') : -1;
        if (!(dev instanceof SensorDevice) || channel < 0) {
          throw new SimulatorError('simulator:wrong-device', `methane-rise needs a CH4 sensor (metric ch4_pct); '${scenario.sensorId}' is a ${this.devices.get(scenario.sensorId)!.kind}`);
        }
        if (!(Number.isFinite(scenario.peakPct) && scenario.peakPct > 0 && scenario.peakPct <= 100)) {
          throw new SimulatorError('simulator:bad-scenario', `peakPct must be in (0, 100] %vol, got ${scenario.peakPct}`);
        }
        const durationMs = durationMsOf(scenario.durationS);
        const startMs = Math.round(this.timeOf(atMs));
        const endMs = startMs + durationMs;
        dev.addOverlay(channel, startMs, endMs, scenario.peakPct);
        return this.record(dev, { ...scenario }, startMs, endMs);
      }
      case 'sensor-dropout': {
        const dev = this.scenarioDevice(scenario.kind, scenario.deviceId, scenario.siteId);
        if (!dev.faultKinds.includes('dropout')) {
          throw new SimulatorError('simulator:wrong-device', `sensor-dropout applies to sensors, weather stations and miners' tags; '${scenario.deviceId}' is a ${this.devices.get(scenario.deviceId)!.kind}`);
        }
        const durationMs = durationMsOf(scenario.durationS);
        const startMs = Math.round(this.timeOf(atMs));
        const endMs = startMs + durationMs;
        dev.silence(startMs, endMs);
        return this.record(dev, { ...scenario }, startMs, endMs);
      }
      case 'leak':
        return this.stageLeak(scenario, atMs);
      default:
        throw new SimulatorError('simulator:bad-scenario', `unknown scenario kind '${String((scenario as { kind?: unknown } | null)?.kind)}'`);
    }
  }

  /** Stages a leak on a chemical park: the detectors that see its chemical read its cloud (leak/leak-book.ts). */
  private stageLeak(scenario: LeakScenario, atMs: number | undefined): StagedScenario {
    const state = this.siteStates.get(scenario.siteId);
    if (!state) throw new SimulatorError('simulator:bad-scenario', `siteId: no simulated site '${String(scenario.siteId)}'`);
    if (state.site.kind !== 'chemical-park') throw new SimulatorError('simulator:wrong-site', `siteId: '${state.site.id}' is a ${state.site.kind}; leaks are staged on chemical parks`);
    const durationMs = durationMsOf(scenario.durationS);
    const startMs = Math.round(this.timeOf(atMs));
    const id = `scenario-${this.scenarioCount + 1}`;
    const { truth, deviceIds } = this.leaks.stage({
      id, park: state.site, scenario, startMs, durationMs, place: state.site.origin,
      weatherAt: (t) => state.weather.advance(t),
      sensor: (deviceId) => {
        const dev = this.byId.get(deviceId);
        return dev instanceof SensorDevice ? dev : undefined;
      },
    });
    this.scenarioCount++;
    this.reviewLeaks(state.site.id, startMs); // valves already shut may isolate it from the start
    // A drill must not be spoiled by coincidental faults on its detectors: the leak's own are in its truth.
    for (const deviceId of deviceIds) {
      const dev = this.byId.get(deviceId)!;
      if (dev.fault && dev.fault.endMs >= startMs) dev.fault = null;
    }
    return this.keep({ id, siteId: state.site.id, scenario: { ...scenario }, startMs, endMs: startMs + durationMs, leak: truth });
  }

  /** The simulated device a scenario drives, checked against the site the request names. */
  private scenarioDevice(kind: string, deviceId: string, siteId: string | undefined): SimDevice {
    const dev = this.byId.get(deviceId);
    if (!dev) throw new SimulatorError('simulator:unknown-device', `${kind}: no simulated device '${String(deviceId)}'`);
    if (siteId !== undefined && dev.siteId !== siteId) {
      throw new SimulatorError('simulator:wrong-site', `${kind}: device '${deviceId}' belongs to site '${dev.siteId}', not '${String(siteId)}'`);
    }
    return dev;
  }

  /** Keeps an accepted scenario (bounded log) and clears a random fault that would spoil it. */
  private record(dev: SimDevice, scenario: StagedScenario['scenario'], startMs: number, endMs: number): StagedScenario {
    // A drill must not be spoiled by a coincidental fault on its device.
    if (dev.fault && dev.fault.endMs >= startMs) dev.fault = null;
    return this.keep({ id: `scenario-${++this.scenarioCount}`, siteId: dev.siteId, scenario, startMs, endMs });
  }

  /** Adds a staged scenario to the bounded log. */
  private keep(staged: StagedScenario): StagedScenario {
    this.scenarios.push(staged);
    if (this.scenarios.length > MAX_STAGED) this.scenarios.splice(0, this.scenarios.length - MAX_STAGED);
    return staged;
  }

  staged(): readonly StagedScenario[] {
    return this.scenarios.slice();
  }

  faults(): readonly FaultRecord[] {
    return this.faultLog.slice();
  }

  weather(siteId: string): Readonly<WeatherState> | undefined {
    return this.siteStates.get(siteId)?.weather.state;
  }
}

/** A scenario's duration, ms; throws unless it is a positive number of seconds. */
function durationMsOf(durationS: number): number {
  const ms = Math.round(durationS * 1000);
  if (!(Number.isFinite(durationS) && ms > 0)) throw new SimulatorError('simulator:bad-scenario', `durationS must be a positive number of seconds, got ${durationS}`);
  return ms;
}
