// The leaks staged on a simulator: each drives the gas detectors of its site that see its
// chemical. A reading of such a detector gets the leak's concentration (from its LeakField) in
// the detector's unit, with measurement noise, on top of the detector's normal signal; the
// channel then rounds it and clamps it to the instrument's range (a detector over range reads
// its full scale). Seeded stuck and silent spells during the leak are part of its truth. A leak
// from a pipe segment also moves the flow transmitters of its line while it releases: the hole
// draws its rate from both ends of the line (@safetwin/sim leakFlowGain), so a transmitter
// upstream of it reads more and one downstream less, throttled with the line's valves.
import { findChemical, leakFlowGain } from '@safetwin/sim';
import { meteredLine, type ChemicalPark, type LeakTarget } from '@safetwin/twin-models';
import type { SensorDevice } from '../devices.ts';
import { SimulatorError } from '../errors.ts';
import { Rng } from '../prng.ts';
import type { LeakScenario } from '../scenarios.ts';
import type { WeatherPlace, WeatherState } from '../weather.ts';
import { detectorResponse, kindSees } from './detector-response.ts';
import { LocalGusts, type GustOptions } from './gusts.ts';
import { LeakField } from './leak-field.ts';
import { leakIsolation } from './leak-isolation.ts';
import { leakSource } from './leak-source.ts';

/** Tunables of staged leaks. */
export interface LeakOptions extends GustOptions {
  /** Relative standard deviation of a detector's response to the gas (white, per reading). @defaultValue 0.1 */
  noiseFraction?: number;
  /** Chance that a detector seeing the gas has one stuck or silent spell during a leak. 0 turns them off. @defaultValue 0.03 */
  faultChance?: number;
  /** Wind-update period of the leak's field, ms. @defaultValue 1000 */
  stepMs?: number;
}

/** A stuck or silent spell of one detector during a leak. */
export interface LeakFault {
  deviceId: string;
  /** stuck: repeats the value it read before; silent: sends nothing. */
  kind: 'stuck' | 'silent';
  startMs: number;
  endMs: number;
}

/** What really happened in a staged leak. */
export interface LeakTruth {
  sourceKind: 'equipment' | 'pipe-segment';
  enterpriseId: string | null;
  /** Release point, metres from the site origin (upM: height of the hole above grade). */
  source: { eastM: number; northM: number; upM: number };
  /** Height of the hole above the item's base, m. */
  heightM: number;
  massKg: number;
  /** Detector kinds that see the chemical, and how many detectors of them the site has. */
  detectorKinds: string[];
  detectorCount: number;
  faults: LeakFault[];
}

/** Spells last 30 s to 3 min (our choice: long against 1 s reporting, short against a drill). */
const FAULT_SPELL_MS: readonly [number, number] = [30_000, 180_000];
const DEFAULT_NOISE = 0.1;
const DEFAULT_FAULT_CHANCE = 0.03;

/** One detector driven by one leak. */
interface Watch {
  leak: ActiveLeak;
  index: number;
  channel: number;
  metric: string;
  perPpm: number;
  rng: Rng;
  fault: LeakFault | null;
  stuckValue: number | null;
}

/** A flow transmitter on a leaking line: its flow channel and its reading's change per kg/s of the leak. */
interface FlowWatch {
  leak: ActiveLeak;
  channel: number;
  gainPerKgS: number;
}

interface ActiveLeak {
  id: string;
  startMs: number;
  field: LeakField;
  park: ChemicalPark;
  target: LeakTarget;
  rateKgS: number;
  /** The end the scenario asked for, epoch ms (the release ends earlier when isolated). */
  scenarioEndMs: number;
}

/** What staging a leak needs from the engine. */
export interface LeakStaging {
  id: string;
  park: ChemicalPark;
  scenario: LeakScenario;
  startMs: number;
  durationMs: number;
  weatherAt(tMs: number): Readonly<WeatherState>;
  place: WeatherPlace;
  /** The simulated sensor of a device id, if it is one. */
  sensor(deviceId: string): SensorDevice | undefined;
}

/** The staged leaks of one simulator. */
export class LeakBook {
  private readonly watches = new Map<string, Watch[]>();
  private readonly flowWatches = new Map<string, FlowWatch[]>();
  /** Leaks whose release has not ended yet (isolation may still end it early). */
  private readonly leaks = new Set<ActiveLeak>();

  constructor(
    private readonly seed: number,
    private readonly options: LeakOptions = {},
  ) {}

  /** Stages a leak: its truth and the detectors it drives. Throws {@link SimulatorError} naming the bad field. */
  stage(s: LeakStaging): { truth: LeakTruth; deviceIds: string[] } {
    const { scenario } = s;
    const chemical = findChemical(scenario.chemical);
    if (!chemical) throw new SimulatorError('simulator:bad-scenario', `chemical: '${String(scenario.chemical)}' is not in the plume engine's library`);
    if (!(Number.isFinite(scenario.rateKgS) && scenario.rateKgS > 0)) throw new SimulatorError('simulator:bad-scenario', `rateKgS must be a positive number of kg/s, got ${scenario.rateKgS}`);
    const source = leakSource(s.park, scenario.equipmentId, scenario.chemical, scenario.heightM, scenario.alongM);
    const endMs = s.startMs + s.durationMs;
    const rng = new Rng(this.seed, `leak:${s.park.id}:${s.id}`);
    const detectors = s.park.sensors.flatMap((sensor) => {
      const response = detectorResponse(sensor, chemical);
      const dev = response && s.sensor(sensor.id);
      const channel = dev ? dev.channelOf(response.metric) : -1;
      return dev && channel >= 0 ? [{ sensor, dev, response, channel }] : [];
    });
    const field = new LeakField({
      chemical: chemical.id,
      rateKgS: scenario.rateKgS,
      source: source.point,
      startMs: s.startMs,
      endMs,
      receptors: detectors.map((d) => d.sensor.position),
      weatherAt: s.weatherAt,
      place: s.place,
      gusts: new LocalGusts(new Rng(this.seed, `leak-wind:${s.park.id}:${s.id}`), s.startMs, this.options),
      ...(this.options.stepMs === undefined ? {} : { stepMs: this.options.stepMs }),
    });
    const leak: ActiveLeak = { id: s.id, startMs: s.startMs, field, park: s.park, target: { kind: source.kind, id: source.id }, rateKgS: scenario.rateKgS, scenarioEndMs: endMs };
    this.leaks.add(leak);
    const faults: LeakFault[] = [];
    const faultChance = this.options.faultChance ?? DEFAULT_FAULT_CHANCE;
    detectors.forEach((d, index) => {
      let fault: LeakFault | null = null;
      if (faultChance > 0 && rng.chance(faultChance)) {
        const start = Math.round(rng.range(s.startMs, endMs));
        fault = { deviceId: d.sensor.id, kind: rng.chance(0.5) ? 'stuck' : 'silent', startMs: start, endMs: start + Math.round(rng.range(...FAULT_SPELL_MS)) };
        faults.push(fault);
      }
      const watch: Watch = { leak, index, channel: d.channel, metric: d.response.metric, perPpm: d.response.perPpm, rng: new Rng(this.seed, `leak-noise:${s.id}:${d.sensor.id}`), fault, stuckValue: null };
      this.watches.set(d.sensor.id, [...(this.watches.get(d.sensor.id) ?? []), watch]);
    });
    if (source.kind === 'pipe-segment') this.watchFlow(s, leak, source.alongFraction);
    const truth: LeakTruth = {
      sourceKind: source.kind,
      enterpriseId: source.enterpriseId,
      source: source.point,
      heightM: source.heightM,
      massKg: scenario.rateKgS * (s.durationMs / 1000),
      detectorKinds: [...new Set(s.park.sensors.filter((x) => kindSees(x.kind, chemical)).map((x) => x.kind))],
      detectorCount: detectors.length,
      faults,
    };
    return { truth, deviceIds: detectors.map((d) => d.sensor.id) };
  }

  /**
   * A valve of `siteId` moved: each running leak there ends when the valves shut by then
   * isolate it and its trapped inventory has drained (leak-isolation.ts), or at its scenario's
   * end if they do not (a valve reopened before the drain ended). Returns the leaks' ends, by id.
   */
  reviewIsolation(siteId: string, tMs: number, shutAtMs: (valveId: string) => number | null): Map<string, number> {
    const ends = new Map<string, number>();
    for (const leak of this.leaks) {
      if (leak.field.endMs <= tMs) {
        this.leaks.delete(leak);
        continue;
      }
      if (leak.park.id !== siteId) continue;
      const iso = leakIsolation(leak.park, leak.target, leak.rateKgS, shutAtMs);
      leak.field.endAt(Math.min(leak.scenarioEndMs, iso?.endMs ?? Infinity));
      ends.set(leak.id, leak.field.endMs);
    }
    return ends;
  }

  /** The flow transmitters of a leaking pipe segment's line, each with its gain at the hole, `alongFraction` of the segment's run from its first node (leak-source.ts). */
  private watchFlow(s: LeakStaging, leak: ActiveLeak, alongFraction: number): void {
    const line = meteredLine(s.park, leak.target.id);
    if (!line) return;
    const holeAtM = line.fromAtM + alongFraction * (line.toAtM - line.fromAtM);
    for (const m of line.meters) {
      const dev = s.sensor(m.id);
      const channel = dev ? dev.channelOf('flow_kg_s') : -1;
      if (channel < 0) continue;
      this.flowWatches.set(m.id, [...(this.flowWatches.get(m.id) ?? []), { leak, channel, gainPerKgS: leakFlowGain(line.lengthM, holeAtM, m.atM) }]);
    }
  }

  /** Whether a leak drives device `deviceId` at `tMs` (no random faults then, so its truth is the whole truth). */
  drives(deviceId: string, tMs: number): boolean {
    const list = this.watches.get(deviceId);
    const flows = this.flowWatches.get(deviceId);
    const driving = (w: { leak: ActiveLeak }) => tMs >= w.leak.startMs && !w.leak.field.cleared(tMs);
    return (list?.some(driving) ?? false) || (flows?.some(driving) ?? false);
  }

  /** Moves a flow transmitter's reading by the leaks releasing from its line (see the header). */
  private applyFlow(dev: SensorDevice, tMs: number, values: Record<string, number>): void {
    const list = this.flowWatches.get(dev.deviceId);
    if (!list) return;
    for (const w of list) {
      if (tMs < w.leak.startMs || tMs >= w.leak.field.endMs) continue;
      const channel = dev.channels[w.channel]!;
      values[channel.p.metric] = channel.finish((values[channel.p.metric] ?? 0) + w.gainPerKgS * w.leak.rateKgS * dev.gateFactor(tMs));
    }
    if (list.every((w) => tMs >= w.leak.field.endMs)) this.flowWatches.delete(dev.deviceId);
  }

  /** Adds the leaks' gas to a reading of `dev` at `tMs` (values as sampled); null when a leak silences it. */
  apply(dev: SensorDevice, tMs: number, values: Record<string, number>): Record<string, number> | null {
    this.applyFlow(dev, tMs, values);
    const list = this.watches.get(dev.deviceId);
    if (!list) return values;
    let stuck: Watch | null = null;
    for (const w of list) {
      if (tMs < w.leak.startMs) continue;
      if (w.leak.field.cleared(tMs)) {
        this.drop(dev.deviceId, w);
        continue;
      }
      const inSpell = w.fault !== null && tMs >= w.fault.startMs && tMs < w.fault.endMs;
      if (inSpell && w.fault!.kind === 'silent') return null;
      if (inSpell) stuck = w;
      const ppm = w.leak.field.ppmAt(w.index, tMs);
      if (ppm <= 0) continue;
      const channel = dev.channels[w.channel]!;
      const noisy = ppm * w.perPpm * Math.max(0, 1 + (this.options.noiseFraction ?? DEFAULT_NOISE) * w.rng.normal());
      values[w.metric] = channel.finish((values[w.metric] ?? 0) + noisy);
    }
    if (stuck) {
      stuck.stuckValue ??= dev.lastValues?.[stuck.metric] ?? values[stuck.metric] ?? 0;
      values[stuck.metric] = stuck.stuckValue;
    }
    return values;
  }

  private drop(deviceId: string, watch: Watch): void {
    const rest = (this.watches.get(deviceId) ?? []).filter((w) => w !== watch);
    if (rest.length > 0) this.watches.set(deviceId, rest);
    else this.watches.delete(deviceId);
  }
}
