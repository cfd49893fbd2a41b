// What the sensor detail says about a device: what it is, whose it is, where it is (the
// equipment, pipe, roadway or person it belongs to), its metrics and its alarm set-points, all
// read from the site description and the device catalogue.
import type { Enu, Name, Sensor, Site } from '@safetwin/twin-models';
import type { DeviceInfo, MetricInfo } from '../../lib/hub-types.ts';

/** Where a device is, in the words of the site description. */
export type DevicePlace =
  | { kind: 'equipment' | 'roadway' | 'valve' | 'mine-equipment'; id: string; name: Name }
  | { kind: 'pipe'; id: string; chemical: string }
  | { kind: 'miner'; id: string; person: string; team: string }
  | { kind: 'site' };

/** A device as the detail panel shows it. */
export interface DeviceDescription {
  deviceId: string;
  kind: string;
  enterpriseId: string | null;
  enterpriseName: Name | null;
  place: DevicePlace;
  /** Mounting position, m from the site origin; null when the description gives none (moving tags). */
  position: Enu | null;
  /** The sensor entry, when the device is a sensor (set-points, power cut). */
  sensor: Sensor | null;
  metrics: Readonly<Record<string, MetricInfo>>;
  /** The metric the trend shows first: the one with set-points, else the first. */
  primaryMetric: string | null;
  intervalMs: number | null;
}

/** Describes a device of the site, or null when neither the catalogue nor the description knows it. */
export function describeDevice(site: Site, device: DeviceInfo | undefined, deviceId: string): DeviceDescription | null {
  const sensor = site.sensors.find((s) => s.id === deviceId) ?? null;
  if (!sensor && !device) return null;
  const enterpriseId = sensor ? sensor.enterpriseId : (device?.enterpriseId ?? null);
  const metrics: Record<string, MetricInfo> = device?.metrics ?? (sensor ? { ...sensor.metrics } : {});
  return {
    deviceId,
    kind: sensor?.kind ?? device!.kind,
    enterpriseId,
    enterpriseName: site.enterprises.find((e) => e.id === enterpriseId)?.name ?? null,
    place: placeOf(site, sensor, deviceId),
    position: sensor?.position ?? positionOf(site, deviceId),
    sensor,
    metrics,
    primaryMetric: sensor?.setpoints?.metric ?? Object.keys(metrics)[0] ?? null,
    intervalMs: sensor?.intervalMs ?? device?.intervalMs ?? null,
  };
}

function placeOf(site: Site, sensor: Sensor | null, deviceId: string): DevicePlace {
  if (site.kind === 'chemical-park') {
    if (sensor?.equipmentId) {
      const e = site.equipment.find((x) => x.id === sensor.equipmentId);
      if (e) return { kind: 'equipment', id: e.id, name: e.name };
    }
    if (sensor?.pipeSegmentId) {
      const seg = site.pipes.segments.find((x) => x.id === sensor.pipeSegmentId);
      if (seg) return { kind: 'pipe', id: seg.id, chemical: seg.chemical };
    }
    const valve = site.pipes.valves.find((v) => v.deviceId === deviceId);
    if (valve) return { kind: 'valve', id: valve.id, name: valve.name };
    return { kind: 'site' };
  }
  if (sensor?.equipmentId) {
    const e = site.equipment.find((x) => x.id === sensor.equipmentId);
    if (e) return { kind: 'mine-equipment', id: e.id, name: e.name };
  }
  if (sensor?.roadwayId) {
    const r = site.roadways.edges.find((x) => x.id === sensor.roadwayId);
    if (r) return { kind: 'roadway', id: r.id, name: r.name };
  }
  const machine = site.equipment.find((e) => e.deviceId === deviceId);
  if (machine) return { kind: 'mine-equipment', id: machine.id, name: machine.name };
  const miner = site.miners.find((m) => m.tagDeviceId === deviceId);
  if (miner) return { kind: 'miner', id: miner.id, person: miner.name, team: miner.team };
  return { kind: 'site' };
}

function positionOf(site: Site, deviceId: string): Enu | null {
  if (site.kind === 'chemical-park') {
    const valve = site.pipes.valves.find((v) => v.deviceId === deviceId);
    return valve ? (site.pipes.nodes.find((n) => n.id === valve.nodeId)?.position ?? null) : null;
  }
  return site.equipment.find((e) => e.deviceId === deviceId)?.position ?? null;
}

/** Which set-point a line stands for. */
export type SetpointKey = 'lowLow' | 'low' | 'high' | 'highHigh' | 'powerCut' | 'powerRestore';

/** A horizontal line on the trend: a value and every set-point that sits on it. */
export interface SetpointLine {
  value: number;
  keys: SetpointKey[];
}

/** The set-point lines of a sensor's metric, lowest first, equal values merged (a methane alarm level is also its restore level). */
export function setpointLines(sensor: Sensor | null, metric: string): SetpointLine[] {
  const out: SetpointLine[] = [];
  const add = (key: SetpointKey, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const line = out.find((l) => l.value === value);
    if (line) line.keys.push(key);
    else out.push({ value, keys: [key] });
  };
  const sp = sensor?.setpoints;
  if (sp && sp.metric === metric) {
    add('lowLow', sp.lowLow);
    add('low', sp.low);
    add('high', sp.high);
    add('highHigh', sp.highHigh);
  }
  if (sensor?.powerCut && metric === 'ch4_pct') {
    add('powerCut', sensor.powerCut.cutAtPct);
    add('powerRestore', sensor.powerCut.restoreBelowPct);
  }
  return out.sort((a, b) => a.value - b.value);
}
