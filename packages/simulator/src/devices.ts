// The simulated devices: each knows its reporting interval and how to produce its values at
// a given time. The engine (simulator.ts) schedules them, injects faults and collects the
// readings; nothing here does I/O or reads a clock.
import type { FaultKind, FaultRecord } from './faults.ts';
import type { Channel } from './channel.ts';
import type { MinerWalker, GraphPoint } from './miners.ts';
import { Rng } from './prng.ts';
import { TagPager } from './withdrawal-orders.ts';
import { riseShape } from './scenarios.ts';
import { clamp, roundTo } from './signals.ts';
import type { SiteWeather } from './weather.ts';

/** Physical range of a metric. */
export interface MetricRange {
  minValue: number;
  maxValue: number;
}

/** What every simulated device has: identity, schedule, sequence counter and fault state. */
export abstract class SimDevice {
  /** Next reading due, epoch ms. */
  nextDueMs = 0;
  /** Sequence number of the next reading. */
  seq = 0;
  /** Sensor time of the last reading sent, epoch ms (−∞ before the first). */
  lastTs = -Infinity;
  /** The values of the last reading sent (stuck faults repeat them). */
  lastValues: Record<string, number> | null = null;
  /** The fault in progress, if any. */
  fault: FaultRecord | null = null;
  /** Signal randomness. */
  readonly rng: Rng;
  /** Fault randomness: a separate stream, so the fault rate does not change the signals. */
  readonly faultRng: Rng;
  /** Faults this kind of device can suffer. */
  abstract readonly faultKinds: readonly FaultKind[];

  constructor(
    readonly deviceId: string,
    readonly siteId: string,
    readonly intervalMs: number,
    readonly metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
  ) {
    this.rng = new Rng(seed, `signal:${siteId}:${deviceId}`);
    this.faultRng = new Rng(seed, `fault:${siteId}:${deviceId}`);
  }

  /** The device's values at `tMs` in normal running (faults are applied by the engine). */
  abstract sample(tMs: number): Record<string, number>;

  /** Staged silences (sensor-dropout scenarios), each over sensor times [startMs, endMs). */
  private silences: TimeSpan[] = [];

  /** Makes the device send nothing for sensor times in [startMs, endMs) (a staged dropout); silences already past are forgotten. */
  silence(startMs: number, endMs: number): void {
    this.silences = this.silences.filter((s) => s.endMs > this.lastTs);
    this.silences.push({ startMs, endMs });
  }

  /** Whether a staged dropout silences the device at `tMs`. */
  silentAt(tMs: number): boolean {
    for (const s of this.silences) if (tMs >= s.startMs && tMs < s.endMs) return true;
    return false;
  }

  /** Whether a scenario drives this device now (no new faults then, so drills stay clean). */
  busy(tMs: number): boolean {
    return this.silentAt(tMs);
  }
}

/** A stretch of time, epoch ms. */
interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** A methane-rise overlay on a sensor's channel. */
interface Overlay {
  channel: number;
  startMs: number;
  endMs: number;
  peak: number;
}

/** A field sensor (gas, process, mine environment): one channel per metric. */
export class SensorDevice extends SimDevice {
  readonly faultKinds: readonly FaultKind[] = ['stuck', 'dropout', 'spike'];
  /** Actuated valves whose position throttles this (flow) sensor's line. */
  gates: ValveDevice[] = [];
  private overlays: Overlay[] = [];

  constructor(
    deviceId: string,
    siteId: string,
    intervalMs: number,
    metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
    /** The site's weather, for channels that follow the air temperature. */
    private readonly weather: SiteWeather | null = null,
    readonly channels: Channel[] = [],
  ) {
    super(deviceId, siteId, intervalMs, metrics, seed);
  }

  /** Whether any channel follows the air temperature (decided on first use, after the channels are added). */
  private followsAir: boolean | undefined;

  /** Index of the channel of `metric`, or −1. */
  channelOf(metric: string): number {
    return this.channels.findIndex((c) => c.p.metric === metric);
  }

  /** Adds a ramp of `metric` to `peak` and back over [startMs, endMs]; overlays already past are forgotten (later-starting ones are kept). */
  addOverlay(channel: number, startMs: number, endMs: number, peak: number): void {
    this.overlays = this.overlays.filter((o) => o.endMs > this.lastTs);
    this.overlays.push({ channel, startMs, endMs, peak });
  }

  override busy(tMs: number): boolean {
    for (const o of this.overlays) if (tMs >= o.startMs && tMs <= o.endMs) return true;
    return super.busy(tMs);
  }

  sample(tMs: number): Record<string, number> {
    const values: Record<string, number> = {};
    this.followsAir ??= this.channels.some((c) => c.p.followsAirTemp === true);
    const airTempC = this.followsAir && this.weather ? this.weather.advance(tMs).airTempC : 15;
    for (let i = 0; i < this.channels.length; i++) {
      const ch = this.channels[i]!;
      let v = ch.sample(tMs, this.rng, airTempC);
      if (this.gates.length > 0) v = ch.finish(v * this.gateFactor(tMs));
      for (const o of this.overlays) {
        if (o.channel === i && tMs > o.startMs && tMs < o.endMs) {
          v = ch.finish(v + riseShape((tMs - o.startMs) / (o.endMs - o.startMs)) * (o.peak - ch.p.baseline));
        }
      }
      values[ch.p.metric] = v;
    }
    return values;
  }

  /** Flow through a line falls with the opening of its most closed actuated valve. */
  gateFactor(tMs: number): number {
    let f = 1;
    for (const g of this.gates) f = Math.min(f, g.openFraction(tMs));
    return f;
  }
}

/** Local instrument differences of one weather station against the site's weather. */
const STATION_NOISE: Record<string, number> = {
  wind_speed_ms: 0.04,
  wind_dir_deg: 3,
  air_temp_c: 0.08,
  rh_pct: 0.6,
  air_pressure_hpa: 0.08,
  solar_rad_w_m2: 4,
};
const WEATHER_DECIMALS: Record<string, number> = {
  wind_speed_ms: 1, wind_dir_deg: 0, air_temp_c: 1, rh_pct: 0, air_pressure_hpa: 1, solar_rad_w_m2: 0,
};

/** A weather station: samples the site's weather with its own small instrument noise. */
export class WeatherStationDevice extends SimDevice {
  readonly faultKinds: readonly FaultKind[] = ['stuck', 'dropout', 'spike'];
  private readonly names: string[];
  private readonly offsets: Record<string, number> = {};

  constructor(
    deviceId: string,
    siteId: string,
    intervalMs: number,
    metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
    private readonly weather: SiteWeather,
    /** Highest normal value per metric (below its alarm set-point); values are softly limited under it. */
    private readonly caps: Readonly<Record<string, number>>,
  ) {
    super(deviceId, siteId, intervalMs, metrics, seed);
    this.names = Object.keys(metrics);
    this.offsets.air_temp_c = 0.3 * this.rng.normal();
    this.offsets.wind_speed_ms = 0.05 * this.rng.normal();
  }

  sample(tMs: number): Record<string, number> {
    const w = this.weather.advance(tMs);
    const values: Record<string, number> = {};
    for (const name of this.names) {
      const noise = (STATION_NOISE[name] ?? 0) * this.rng.normal();
      let v: number;
      switch (name) {
        case 'wind_speed_ms': v = w.windSpeedMS * (1 + (this.offsets.wind_speed_ms ?? 0) + noise); break;
        case 'wind_dir_deg': v = (w.windFromDeg + noise + 360) % 360; break;
        case 'air_temp_c': v = w.airTempC + (this.offsets.air_temp_c ?? 0) + noise; break;
        case 'rh_pct': v = w.rhPct + noise; break;
        case 'air_pressure_hpa': v = w.airPressureHpa + noise; break;
        case 'solar_rad_w_m2': v = w.solarRadWM2 > 0 ? w.solarRadWM2 + noise : 0; break;
        default: {
          const r = this.metrics[name]!;
          v = (r.minValue + r.maxValue) / 2;
        }
      }
      const cap = this.caps[name];
      if (cap !== undefined) v = softLimit(v, cap);
      const r = this.metrics[name]!;
      const d = 10 ** (WEATHER_DECIMALS[name] ?? 2);
      values[name] = clamp(roundTo(v, d), r.minValue, r.maxValue);
    }
    return values;
  }
}

/** Smoothly saturates values above 70 % of `cap` so they approach but never reach it (no flat tops). */
export function softLimit(v: number, cap: number): number {
  const knee = 0.7 * cap;
  if (v <= knee) return v;
  const x = (v - knee) / (cap - knee);
  return knee + (cap - knee) * (x / (1 + x)); // slope 1 at the knee, strictly below the cap for any finite v
}

/** An actuated valve reporting its position, moving at its stroke speed when commanded. */
export class ValveDevice extends SimDevice {
  readonly faultKinds: readonly FaultKind[] = [];
  private fromFrac: number;
  private toFrac: number;
  private moveStartMs = 0;
  private readonly strokeMs: number;

  constructor(
    deviceId: string,
    siteId: string,
    intervalMs: number,
    metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
    normallyOpen: boolean,
    strokeTimeS: number,
  ) {
    super(deviceId, siteId, intervalMs, metrics, seed);
    this.fromFrac = this.toFrac = normallyOpen ? 1 : 0;
    this.strokeMs = Math.max(1, strokeTimeS * 1000);
  }

  /** Opening at `tMs`, 0 (closed) … 1 (open). */
  openFraction(tMs: number): number {
    const span = this.toFrac - this.fromFrac;
    if (span === 0) return this.toFrac;
    const moved = Math.max(0, tMs - this.moveStartMs) / this.strokeMs;
    return moved >= Math.abs(span) ? this.toFrac : this.fromFrac + Math.sign(span) * moved;
  }

  /** When the valve is (or will be) fully shut, epoch ms; null while it is open or opening. */
  shutAtMs(): number | null {
    if (this.toFrac !== 0) return null;
    return this.moveStartMs + this.fromFrac * this.strokeMs;
  }

  /** Where the valve is heading, 0 or 1. */
  get target(): number {
    return this.toFrac;
  }

  /** Starts a stroke toward `target` (0 closed, 1 open) at `tMs`. */
  command(target: 0 | 1, tMs: number): void {
    this.fromFrac = this.openFraction(tMs);
    this.toFrac = target;
    this.moveStartMs = tMs;
  }

  sample(tMs: number): Record<string, number> {
    return { open_pct: roundTo(100 * this.openFraction(tMs), 10) };
  }
}

/** A methane sensor whose reading blocks a power restore (甲烷断电仪 lock-out). */
export interface Interlock {
  sensor: SensorDevice;
  channel: number;
  restoreBelowPct: number;
}

/** Mine equipment reporting whether it is powered. */
export class PowerDevice extends SimDevice {
  readonly faultKinds: readonly FaultKind[] = [];
  powered = 1;
  interlocks: Interlock[] = [];

  sample(): Record<string, number> {
    return { powered: this.powered };
  }

  /** The first methane reading that forbids restoring power now, or null. */
  lockout(): { sensorId: string; valuePct: number; restoreBelowPct: number } | null {
    for (const l of this.interlocks) {
      const v = l.sensor.channels[l.channel]?.last ?? 0;
      if (v >= l.restoreBelowPct) return { sensorId: l.sensor.deviceId, valuePct: v, restoreBelowPct: l.restoreBelowPct };
    }
    return null;
  }
}

/** A miner's UWB tag. */
export class TagDevice extends SimDevice {
  readonly faultKinds: readonly FaultKind[] = ['dropout'];
  private readonly at: GraphPoint = { eastM: 0, northM: 0, upM: 0 };

  constructor(
    deviceId: string,
    siteId: string,
    intervalMs: number,
    metrics: Readonly<Record<string, MetricRange>>,
    seed: number,
    readonly walker: MinerWalker,
  ) {
    super(deviceId, siteId, intervalMs, metrics, seed);
    this.pager = new TagPager(walker, this.rng);
  }

  /** Pages to this tag and the wearer's acknowledgement (withdrawal-orders.ts). */
  readonly pager: TagPager;

  sample(tMs: number): Record<string, number> {
    const ack = this.pager.sample(tMs); // first: an acknowledged order starts the walk
    const p = this.walker.reported(tMs, this.at);
    const m = this.metrics;
    const values: Record<string, number> = {};
    if (m.east_m) values.east_m = clamp(roundTo(p.eastM, 100), m.east_m.minValue, m.east_m.maxValue);
    if (m.north_m) values.north_m = clamp(roundTo(p.northM, 100), m.north_m.minValue, m.north_m.maxValue);
    if (m.up_m) values.up_m = clamp(roundTo(p.upM, 100), m.up_m.minValue, m.up_m.maxValue);
    if (m.battery_pct) values.battery_pct = clamp(Math.round(this.walker.batteryPct), m.battery_pct.minValue, m.battery_pct.maxValue);
    if (m.sos) values.sos = this.walker.sos;
    if (m.page_ack) values.page_ack = ack;
    return values;
  }
}
