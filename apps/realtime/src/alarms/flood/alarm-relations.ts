import type { Enu, Site } from '@safetwin/twin-models';

/** What relates one device's alarms to others' (DESIGN.md §5: same unit, related sensors). */
export interface DeviceRelations {
  /** Keys shared by devices of one unit: `unit:<equipment or pipe segment>`, `roadway:<id>` (mines). */
  keys: readonly string[];
  /** Where it is, local ENU metres; null when it moves (tags) or is not described. */
  position: Enu | null;
  /** The unit a group opened by this device is named after (the first key's id, else the device). */
  unit: string;
  /** `weather` for shared weather stations: their alarms are advisories of no plant's cause. */
  kind: string;
}

/**
 * The relations of every device of a site, read once from the site description: a sensor's
 * equipment or pipe segment (its unit, as the ESD logic sees it), its roadway (mines), and
 * its position for the radius rule. The enterprise plot relates nothing by itself: a plot is
 * hundreds of metres wide, and two unrelated incidents on it must not share a group (within
 * the radius, neighbours on one plot or across plots are related anyway). Actuated valves and
 * mine machines count as their own units at their positions; park equipment ids relate
 * unit-wide alarms (voting).
 */
export function deviceRelations(site: Site): Map<string, DeviceRelations> {
  const out = new Map<string, DeviceRelations>();
  const add = (deviceId: string, kind: string, position: Enu | null, unitKeys: (string | null | undefined)[]) => {
    const keys = unitKeys.filter((k): k is string => typeof k === 'string');
    out.set(deviceId, { keys, position, unit: keys[0]?.slice(keys[0].indexOf(':') + 1) ?? deviceId, kind });
  };
  for (const s of site.sensors) {
    add(s.id, s.kind, s.position, [
      s.equipmentId && `unit:${s.equipmentId}`,
      s.pipeSegmentId && `unit:${s.pipeSegmentId}`,
      s.roadwayId && `roadway:${s.roadwayId}`,
    ]);
  }
  if (site.kind === 'chemical-park') {
    const nodes = new Map(site.pipes.nodes.map((n) => [n.id, n]));
    for (const v of site.pipes.valves) if (v.deviceId) add(v.deviceId, 'valve-actuator', nodes.get(v.nodeId)?.position ?? null, [`unit:${v.id}`]);
    // Alarms of a unit as a whole (2ooN voting) carry its equipment id as their device.
    for (const e of site.equipment) if (!out.has(e.id)) add(e.id, 'equipment', e.position, [`unit:${e.id}`]);
  } else {
    for (const e of site.equipment) add(e.deviceId, 'power-switch', e.position, [`unit:${e.id}`, e.roadwayId && `roadway:${e.roadwayId}`]);
  }
  return out;
}
