import type { LiveReading } from '@safetwin/protocol';
import { FLAG_METRICS, type DeviceInfo } from '@safetwin/twin-models';
import type { AlarmPoint } from './alarm-engine.ts';

/** Settings of the sensor-health rules. */
export interface HealthRules {
  /** Time after start-up before a device that never reported counts as silent, ms. @defaultValue 60 s */
  startupGraceMs: number;
  /** A device is stale after this many of its intervals without data (DESIGN.md §5: 3×). @defaultValue 3 */
  staleIntervals: number;
  /** A metric is stuck after holding exactly one value this long, ms. @defaultValue 10 min */
  stuckMs: number;
  /** A jump between consecutive readings larger than this share of the metric's range is implausible. @defaultValue 0.5 */
  jumpShareOfRange: number;
}

export const DEFAULT_HEALTH_RULES: HealthRules = { startupGraceMs: 60_000, staleIntervals: 3, stuckMs: 10 * 60_000, jumpShareOfRange: 0.5 };

/** Health alarm kinds: each its own alarm, so a broken sensor is never taken for a safe one. */
export type HealthKind = 'stale' | 'stuck' | 'jump' | 'out-of-range';

const GAS_KINDS = /^gas-/;

interface MetricTrack {
  lastValue: number;
  lastTsMs: number;
  sameSinceMs: number;
}

/**
 * Device kinds whose values legitimately hold still for hours: an actuator's position (a valve
 * stays 100 % open), a power switch, a positioning tag (a miner standing at the face, a full
 * battery). A flat line says nothing about their health; their silence (stale) still does.
 */
const HOLDS_STILL_KINDS: ReadonlySet<string> = new Set(['valve-actuator', 'power-switch', 'uwb-tag']);

/** Whether a metric is an analog measurement whose flat line means a stuck sensor (AQ 1029 "数据不变"). */
export function stuckRuleApplies(device: Pick<DeviceInfo, 'kind'>, metric: string): boolean {
  return !HOLDS_STILL_KINDS.has(device.kind) && !FLAG_METRICS.includes(metric);
}

/** Where the monitor reports conditions: the alarm engine. */
export interface HealthSink {
  setCondition(point: AlarmPoint, active: boolean, value: number | null): void;
  isActive(point: Pick<AlarmPoint, 'siteId' | 'deviceId' | 'metric' | 'kind'>): boolean;
}

/**
 * Sensor health (AQ 6201 / AQ 1029 practice: a sensor fault is an alarm of its own, never
 * silence): stale — no data for 3× the device's interval; stuck — a flat line for minutes
 * of an analog measurement (except at the bottom of the range, where clean air legitimately
 * reads 0; never for valve positions, power states or tags, which hold still by nature); jump — a step
 * between consecutive readings of more than half the range; out-of-range — a reading the
 * hub refused as physically impossible. All level 3 (equipment anomaly); medium priority for
 * gas detectors, whose silence hides a leak. O(1) per reading; time is an argument.
 */
export class SensorHealthMonitor {
  private readonly lastSeenMs = new Map<string, number>();
  private readonly tracks = new Map<string, MetricTrack>();

  /**
   * `startMs`: when watching began. A device that never reports is taken as last seen a
   * start-up grace after it, so a detector dead since before a restart still turns stale
   * (once gateways have had time to reconnect).
   */
  constructor(
    private readonly devices: ReadonlyMap<string, DeviceInfo>,
    private readonly sink: HealthSink,
    startMs: number,
    private readonly rules: HealthRules = DEFAULT_HEALTH_RULES,
  ) {
    for (const deviceId of devices.keys()) this.lastSeenMs.set(deviceId, startMs + rules.startupGraceMs);
  }

  /** Takes validated readings arriving at `nowMs` (ingest time; sensor times drive stuck and jump). */
  observe(readings: readonly LiveReading[], nowMs: number): void {
    for (const r of readings) {
      const device = this.devices.get(r.deviceId);
      if (!device) continue;
      this.lastSeenMs.set(r.deviceId, nowMs);
      this.report(device, '*', 'stale', false, null);
      for (const metric in r.values) {
        const value = r.values[metric]!;
        const spec = Object.hasOwn(device.metrics, metric) ? device.metrics[metric] : undefined;
        if (!spec) continue;
        // A gas detector at its range top is saturated (ingest passes over-range readings so): still out of range.
        if (!(GAS_KINDS.test(device.kind) && value >= spec.maxValue)) this.report(device, metric, 'out-of-range', false, value);
        const key = `${r.deviceId}\u0000${metric}`;
        const track = this.tracks.get(key);
        if (!track) {
          this.tracks.set(key, { lastValue: value, lastTsMs: r.ts, sameSinceMs: r.ts });
          continue;
        }
        if (r.ts <= track.lastTsMs) continue; // late or out-of-order: no step to judge
        const spanValue = spec.maxValue - spec.minValue;
        const consecutive = r.ts - track.lastTsMs <= 2 * device.intervalMs;
        this.report(device, metric, 'jump', consecutive && Math.abs(value - track.lastValue) > this.rules.jumpShareOfRange * spanValue, value);
        if (value !== track.lastValue) track.sameSinceMs = r.ts;
        if (stuckRuleApplies(device, metric)) {
          this.report(device, metric, 'stuck', value !== spec.minValue && r.ts - track.sameSinceMs >= this.rules.stuckMs, value);
        }
        track.lastValue = value;
        track.lastTsMs = r.ts;
      }
    }
  }

  /** A reading the hub refused as out of the physical range. */
  outOfRange(deviceId: string, metric: string, value: number): void {
    const device = this.devices.get(deviceId);
    if (device && Object.hasOwn(device.metrics, metric)) this.report(device, metric, 'out-of-range', true, value);
  }

  /** Raises stale for devices silent for too long; call about once a second. */
  checkStale(nowMs: number): void {
    for (const [deviceId, seenMs] of this.lastSeenMs) {
      const device = this.devices.get(deviceId)!;
      if (nowMs - seenMs > this.rules.staleIntervals * device.intervalMs) this.report(device, '*', 'stale', true, null);
    }
  }

  private report(device: DeviceInfo, metric: string, kind: HealthKind, active: boolean, value: number | null): void {
    const point: AlarmPoint = {
      siteId: device.siteId,
      deviceId: device.deviceId,
      enterpriseId: device.enterpriseId,
      metric,
      kind,
      level: 3,
      priority: GAS_KINDS.test(device.kind) ? 'medium' : 'low',
      setpoint: null,
    };
    if (this.sink.isActive(point) !== active) this.sink.setCondition(point, active, value);
  }
}
