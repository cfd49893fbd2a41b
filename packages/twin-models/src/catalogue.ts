// The device catalogue: every telemetry-sending device of a site, with the metrics it may
// send and their physically possible ranges. The hub validates readings against it.
import type { Site } from './schema/site.ts';
import type { MetricSpec } from './metrics.ts';
import { metricSpec } from './metrics.ts';
import { planBounds } from './geometry.ts';

/** What the hub knows about one telemetry device. */
export interface DeviceInfo {
  deviceId: string;
  siteId: string;
  /** Owner; null for park-operated devices. */
  enterpriseId: string | null;
  /** A sensor kind (`gas-cl2`, `weather`, …), or `valve-actuator`, `power-switch`, `uwb-tag`. */
  kind: string;
  /** Expected reporting interval, ms (staleness is judged against it). */
  intervalMs: number;
  /** Metrics it may send, each with unit and physically possible range. */
  metrics: Record<string, MetricSpec>;
}

/** Field commands the hub can send (same names as `@safetwin/protocol` COMMAND_ACTIONS). */
export type CommandAction = 'valve.close' | 'valve.open' | 'power.cut' | 'power.restore' | 'tag.page';

/** A device that accepts commands, and which. */
export interface CommandTarget {
  deviceId: string;
  siteId: string;
  enterpriseId: string | null;
  /** What the device drives: an actuated valve or a mine machine's power supply. */
  targetType: 'valve' | 'mine-equipment';
  /** Id of the valve or equipment in the site description. */
  targetId: string;
  actions: readonly CommandAction[];
}

const VALVE_ACTIONS: readonly CommandAction[] = Object.freeze(['valve.close', 'valve.open']);
const POWER_ACTIONS: readonly CommandAction[] = Object.freeze(['power.cut', 'power.restore']);

/** Every device id of a site with the path of the field that holds it (for duplicate reports). */
export function siteDeviceIds(site: Site): Array<{ deviceId: string; path: string }> {
  const out = site.sensors.map((s, i) => ({ deviceId: s.id, path: `sensors[${i}].id` }));
  if (site.kind === 'chemical-park') {
    site.pipes.valves.forEach((v, i) => {
      if (v.deviceId) out.push({ deviceId: v.deviceId, path: `pipes.valves[${i}].deviceId` });
    });
  } else {
    site.equipment.forEach((e, i) => out.push({ deviceId: e.deviceId, path: `equipment[${i}].deviceId` }));
    site.miners.forEach((m, i) => out.push({ deviceId: m.tagDeviceId, path: `miners[${i}].tagDeviceId` }));
  }
  return out;
}

/** Lists every telemetry-sending device of a site, keyed by deviceId: sensors, actuated valves, mine power feedback, miner tags. */
export function deviceCatalogue(site: Site): Map<string, DeviceInfo> {
  const out = new Map<string, DeviceInfo>();
  const add = (d: DeviceInfo) => {
    if (out.has(d.deviceId)) throw new Error(`deviceCatalogue: duplicate device id '${d.deviceId}' in site '${site.id}'`);
    out.set(d.deviceId, d);
  };
  for (const s of site.sensors) {
    const metrics: Record<string, MetricSpec> = {};
    for (const [name, m] of Object.entries(s.metrics)) metrics[name] = { unit: m.unit, minValue: m.minValue, maxValue: m.maxValue };
    add({ deviceId: s.id, siteId: site.id, enterpriseId: s.enterpriseId, kind: s.kind, intervalMs: s.intervalMs, metrics });
  }
  if (site.kind === 'chemical-park') {
    for (const v of site.pipes.valves) {
      if (!v.deviceId) continue;
      add({ deviceId: v.deviceId, siteId: site.id, enterpriseId: v.enterpriseId, kind: 'valve-actuator', intervalMs: v.intervalMs, metrics: { open_pct: metricSpec('open_pct') } });
    }
    return out;
  }
  const operator = site.enterprises[0]?.id ?? null;
  for (const e of site.equipment) {
    add({ deviceId: e.deviceId, siteId: site.id, enterpriseId: operator, kind: 'power-switch', intervalMs: e.intervalMs, metrics: { powered: metricSpec('powered') } });
  }
  const tagMetrics = tagMetricSpecs(site);
  for (const m of site.miners) {
    add({ deviceId: m.tagDeviceId, siteId: site.id, enterpriseId: operator, kind: 'uwb-tag', intervalMs: m.tagIntervalMs, metrics: structuredClone(tagMetrics) });
  }
  return out;
}

/** Margin around the mine's extent within which a tag position is still plausible, m. */
const TAG_MARGIN_M = 200;

/** Tag position ranges: the mine lease and the roadways' depth span, widened by a margin. */
function tagMetricSpecs(site: Extract<Site, { kind: 'coal-mine' }>): Record<string, MetricSpec> {
  const nodes = site.roadways.nodes.map((n) => n.position);
  const b = planBounds([...site.boundary, ...nodes]);
  const ups = nodes.map((p) => p.upM);
  return {
    east_m: { unit: 'm', minValue: Math.floor(b.minEastM - TAG_MARGIN_M), maxValue: Math.ceil(b.maxEastM + TAG_MARGIN_M) },
    north_m: { unit: 'm', minValue: Math.floor(b.minNorthM - TAG_MARGIN_M), maxValue: Math.ceil(b.maxNorthM + TAG_MARGIN_M) },
    up_m: { unit: 'm', minValue: Math.floor(Math.min(...ups) - TAG_MARGIN_M), maxValue: Math.ceil(Math.max(...ups) + TAG_MARGIN_M) },
    battery_pct: metricSpec('battery_pct'),
    sos: metricSpec('sos'),
    page_ack: metricSpec('page_ack'),
  };
}

/** Devices that accept field commands, keyed by deviceId: actuated valves (open/close), remotely switchable mine equipment (cut/restore). */
export function commandTargets(site: Site): Map<string, CommandTarget> {
  const out = new Map<string, CommandTarget>();
  if (site.kind === 'chemical-park') {
    for (const v of site.pipes.valves) {
      if (v.actuation !== 'remote' || !v.deviceId) continue;
      out.set(v.deviceId, { deviceId: v.deviceId, siteId: site.id, enterpriseId: v.enterpriseId, targetType: 'valve', targetId: v.id, actions: VALVE_ACTIONS });
    }
  } else {
    const operator = site.enterprises[0]?.id ?? null;
    for (const e of site.equipment) {
      if (!e.remotePowerControl) continue;
      out.set(e.deviceId, { deviceId: e.deviceId, siteId: site.id, enterpriseId: operator, targetType: 'mine-equipment', targetId: e.id, actions: POWER_ACTIONS });
    }
  }
  return out;
}
