// Cross-reference checks a field-by-field schema cannot make: ids unique, every reference
// names something that exists, device ids unique within the site, lengths consistent with
// positions. Each problem is reported with the path of the offending field.
import type { z } from 'zod';
import { distance3dM } from '../geo.ts';
import type { ChemicalParkShape } from './chemical-park.ts';
import type { CoalMineShape } from './coal-mine.ts';
import type { Sensor } from './sensor.ts';

/** A path into the site description, as zod reports it. */
export type IssuePath = Array<string | number>;
/** Receives one problem: where it is and what is wrong. */
export type ReportIssue = (path: IssuePath, message: string) => void;

type Park = z.infer<typeof ChemicalParkShape>;
type Mine = z.infer<typeof CoalMineShape>;

/** Slack allowed when a stated length is compared with the straight distance between its ends, m. */
const LENGTH_TOLERANCE_M = 0.5;

function uniqueIds(items: ReadonlyArray<{ id: string }>, path: IssuePath, what: string, report: ReportIssue): Set<string> {
  const firstAt = new Map<string, number>();
  items.forEach((item, i) => {
    const prev = firstAt.get(item.id);
    if (prev === undefined) firstAt.set(item.id, i);
    else report([...path, i, 'id'], `duplicate ${what} id '${item.id}' (first at ${formatIssuePath([...path, prev])})`);
  });
  return new Set(firstAt.keys());
}

/** Checks device ids are unique across all telemetry devices of one site. */
function uniqueDeviceIds(entries: Array<{ deviceId: string; path: IssuePath }>, report: ReportIssue): void {
  const firstAt = new Map<string, IssuePath>();
  for (const e of entries) {
    const prev = firstAt.get(e.deviceId);
    if (prev) report(e.path, `duplicate device id '${e.deviceId}' (also used at ${formatIssuePath(prev)})`);
    else firstAt.set(e.deviceId, e.path);
  }
}

function ref(ids: Set<string>, id: string | null | undefined, path: IssuePath, what: string, report: ReportIssue): void {
  if (id !== null && id !== undefined && !ids.has(id)) report(path, `unknown ${what} '${id}'`);
}

/** Set-points must name one of the sensor's metrics and lie inside its range. */
function checkSensorMetrics(s: Sensor, path: IssuePath, report: ReportIssue): void {
  if (!s.setpoints) return;
  const spec = s.metrics[s.setpoints.metric];
  if (!spec) {
    report([...path, 'setpoints', 'metric'], `set-point metric '${s.setpoints.metric}' is not one of the sensor's metrics`);
    return;
  }
  for (const k of ['lowLow', 'low', 'high', 'highHigh'] as const) {
    const v = s.setpoints[k];
    if (v !== null && (v < spec.minValue || v > spec.maxValue)) {
      report([...path, 'setpoints', k], `${v} lies outside the metric's range ${spec.minValue}..${spec.maxValue} ${spec.unit}`);
    }
  }
}

/** Cross-reference checks of a chemical park. */
export function checkParkReferences(site: Park, report: ReportIssue): void {
  const enterprises = uniqueIds(site.enterprises, ['enterprises'], 'enterprise', report);
  const equipment = uniqueIds(site.equipment, ['equipment'], 'equipment', report);
  const dikes = uniqueIds(site.dikes, ['dikes'], 'dike', report);
  const nodes = uniqueIds(site.pipes.nodes, ['pipes', 'nodes'], 'pipe node', report);
  const segments = uniqueIds(site.pipes.segments, ['pipes', 'segments'], 'pipe segment', report);
  uniqueIds(site.pipes.valves, ['pipes', 'valves'], 'valve', report);
  uniqueIds(site.sensors, ['sensors'], 'sensor', report);
  const roadNodes = uniqueIds(site.roads.nodes, ['roads', 'nodes'], 'road node', report);
  uniqueIds(site.roads.edges, ['roads', 'edges'], 'road', report);
  uniqueIds(site.gates, ['gates'], 'gate', report);
  uniqueIds(site.assemblyPoints, ['assemblyPoints'], 'assembly point', report);
  uniqueIds(site.buildings, ['buildings'], 'building', report);

  uniqueDeviceIds(
    [
      ...site.sensors.map((s, i) => ({ deviceId: s.id, path: ['sensors', i, 'id'] })),
      ...site.pipes.valves.flatMap((v, i) => (v.deviceId ? [{ deviceId: v.deviceId, path: ['pipes', 'valves', i, 'deviceId'] }] : [])),
    ],
    report,
  );

  site.equipment.forEach((e, i) => {
    ref(enterprises, e.enterpriseId, ['equipment', i, 'enterpriseId'], 'enterprise', report);
    ref(dikes, e.dikeId, ['equipment', i, 'dikeId'], 'dike', report);
  });
  site.dikes.forEach((d, i) => ref(enterprises, d.enterpriseId, ['dikes', i, 'enterpriseId'], 'enterprise', report));

  const nodeById = new Map(site.pipes.nodes.map((n) => [n.id, n]));
  site.pipes.nodes.forEach((n, i) => ref(equipment, n.equipmentId, ['pipes', 'nodes', i, 'equipmentId'], 'equipment', report));
  const degree = new Map<string, number>();
  site.pipes.segments.forEach((s, i) => {
    ref(nodes, s.from, ['pipes', 'segments', i, 'from'], 'pipe node', report);
    ref(nodes, s.to, ['pipes', 'segments', i, 'to'], 'pipe node', report);
    ref(enterprises, s.enterpriseId, ['pipes', 'segments', i, 'enterpriseId'], 'enterprise', report);
    degree.set(s.from, (degree.get(s.from) ?? 0) + 1);
    degree.set(s.to, (degree.get(s.to) ?? 0) + 1);
    const a = nodeById.get(s.from), b = nodeById.get(s.to);
    if (a && b && s.lengthM + LENGTH_TOLERANCE_M < distance3dM(a.position, b.position)) {
      report(['pipes', 'segments', i, 'lengthM'], `${s.lengthM} m is shorter than the ${distance3dM(a.position, b.position).toFixed(1)} m between its nodes`);
    }
  });
  const valveAt = new Map<string, number>();
  site.pipes.valves.forEach((v, i) => {
    ref(enterprises, v.enterpriseId, ['pipes', 'valves', i, 'enterpriseId'], 'enterprise', report);
    const node = nodeById.get(v.nodeId);
    if (!node) return report(['pipes', 'valves', i, 'nodeId'], `unknown pipe node '${v.nodeId}'`);
    if (node.kind !== 'valve') report(['pipes', 'valves', i, 'nodeId'], `node '${v.nodeId}' is a ${node.kind}, not a valve node`);
    if ((degree.get(v.nodeId) ?? 0) === 0) report(['pipes', 'valves', i, 'nodeId'], `valve node '${v.nodeId}' is on no pipe segment`);
    const other = valveAt.get(v.nodeId);
    if (other !== undefined) report(['pipes', 'valves', i, 'nodeId'], `node '${v.nodeId}' already carries valve pipes.valves[${other}]`);
    else valveAt.set(v.nodeId, i);
  });
  site.pipes.nodes.forEach((n, i) => {
    if (n.kind === 'valve' && !valveAt.has(n.id)) report(['pipes', 'nodes', i, 'kind'], `valve node '${n.id}' has no valve`);
    if ((degree.get(n.id) ?? 0) === 0) report(['pipes', 'nodes', i, 'id'], `pipe node '${n.id}' is on no segment`);
  });

  site.sensors.forEach((s, i) => {
    ref(enterprises, s.enterpriseId, ['sensors', i, 'enterpriseId'], 'enterprise', report);
    ref(equipment, s.equipmentId, ['sensors', i, 'equipmentId'], 'equipment', report);
    ref(segments, s.pipeSegmentId, ['sensors', i, 'pipeSegmentId'], 'pipe segment', report);
    if (s.roadwayId !== undefined) report(['sensors', i, 'roadwayId'], 'a chemical park has no roadways');
    if (s.powerCut !== undefined) report(['sensors', i, 'powerCut'], 'power-cut ranges belong to mine methane sensors');
    checkSensorMetrics(s, ['sensors', i], report);
  });

  const roadNodeById = new Map(site.roads.nodes.map((n) => [n.id, n]));
  site.roads.edges.forEach((e, i) => {
    ref(roadNodes, e.from, ['roads', 'edges', i, 'from'], 'road node', report);
    ref(roadNodes, e.to, ['roads', 'edges', i, 'to'], 'road node', report);
    const a = roadNodeById.get(e.from), b = roadNodeById.get(e.to);
    if (a && b && e.lengthM + LENGTH_TOLERANCE_M < distance3dM(a.position, b.position)) {
      report(['roads', 'edges', i, 'lengthM'], `${e.lengthM} m is shorter than the ${distance3dM(a.position, b.position).toFixed(1)} m between its nodes`);
    }
  });
  site.gates.forEach((g, i) => ref(roadNodes, g.roadNodeId, ['gates', i, 'roadNodeId'], 'road node', report));
  site.assemblyPoints.forEach((p, i) => ref(roadNodes, p.roadNodeId, ['assemblyPoints', i, 'roadNodeId'], 'road node', report));
  site.buildings.forEach((b, i) => ref(enterprises, b.enterpriseId, ['buildings', i, 'enterpriseId'], 'enterprise', report));
}

/** Cross-reference checks of a coal mine. */
export function checkMineReferences(site: Mine, report: ReportIssue): void {
  const enterprises = uniqueIds(site.enterprises, ['enterprises'], 'enterprise', report);
  const nodes = uniqueIds(site.roadways.nodes, ['roadways', 'nodes'], 'roadway node', report);
  const roadways = uniqueIds(site.roadways.edges, ['roadways', 'edges'], 'roadway', report);
  const equipment = uniqueIds(site.equipment, ['equipment'], 'equipment', report);
  uniqueIds(site.sensors, ['sensors'], 'sensor', report);
  uniqueIds(site.uwbAnchors, ['uwbAnchors'], 'UWB anchor', report);
  uniqueIds(site.refugeChambers, ['refugeChambers'], 'refuge chamber', report);
  uniqueIds(site.miners, ['miners'], 'miner', report);

  uniqueDeviceIds(
    [
      ...site.sensors.map((s, i) => ({ deviceId: s.id, path: ['sensors', i, 'id'] })),
      ...site.equipment.map((e, i) => ({ deviceId: e.deviceId, path: ['equipment', i, 'deviceId'] })),
      ...site.miners.map((m, i) => ({ deviceId: m.tagDeviceId, path: ['miners', i, 'tagDeviceId'] })),
    ],
    report,
  );

  const nodeById = new Map(site.roadways.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(site.roadways.edges.map((e) => [e.id, e]));
  site.roadways.edges.forEach((e, i) => {
    ref(nodes, e.from, ['roadways', 'edges', i, 'from'], 'roadway node', report);
    ref(nodes, e.to, ['roadways', 'edges', i, 'to'], 'roadway node', report);
    const a = nodeById.get(e.from), b = nodeById.get(e.to);
    if (a && b && e.lengthM + LENGTH_TOLERANCE_M < distance3dM(a.position, b.position)) {
      report(['roadways', 'edges', i, 'lengthM'], `${e.lengthM} m is shorter than the ${distance3dM(a.position, b.position).toFixed(1)} m between its nodes`);
    }
  });
  const equipmentById = new Map(site.equipment.map((e) => [e.id, e]));
  site.equipment.forEach((e, i) => ref(roadways, e.roadwayId, ['equipment', i, 'roadwayId'], 'roadway', report));

  site.sensors.forEach((s, i) => {
    ref(enterprises, s.enterpriseId, ['sensors', i, 'enterpriseId'], 'enterprise', report);
    ref(roadways, s.roadwayId, ['sensors', i, 'roadwayId'], 'roadway', report);
    ref(equipment, s.equipmentId, ['sensors', i, 'equipmentId'], 'equipment', report);
    if (s.pipeSegmentId !== undefined) report(['sensors', i, 'pipeSegmentId'], 'a mine has no pipe network');
    s.powerCut?.equipmentIds.forEach((id, j) => {
      const path = ['sensors', i, 'powerCut', 'equipmentIds', j];
      const eq = equipmentById.get(id);
      if (!eq) report(path, `unknown equipment '${id}'`);
      else if (eq.intrinsicallySafe) report(path, `'${id}' is intrinsically safe and outside any power-cut range`);
    });
    checkSensorMetrics(s, ['sensors', i], report);
  });

  const walkable = (id: string, path: IssuePath) => {
    const e = edgeById.get(id);
    if (!e) report(path, `unknown roadway '${id}'`);
    else if (e.kind === 'vent-duct') report(path, `'${id}' is a ventilation duct, not a roadway`);
    return e;
  };
  site.uwbAnchors.forEach((a, i) => {
    const e = walkable(a.roadwayId, ['uwbAnchors', i, 'roadwayId']);
    if (e && a.chainageM > e.lengthM + LENGTH_TOLERANCE_M) report(['uwbAnchors', i, 'chainageM'], `chainage ${a.chainageM} m is beyond the roadway's ${e.lengthM} m`);
  });
  site.refugeChambers.forEach((r, i) => walkable(r.roadwayId, ['refugeChambers', i, 'roadwayId']));
  site.miners.forEach((m, i) => walkable(m.workplaceRoadwayId, ['miners', i, 'workplaceRoadwayId']));
  uniqueIds(site.personnelZones, ['personnelZones'], 'personnel zone', report);
  site.personnelZones.forEach((z, i) => z.roadwayIds.forEach((id, j) => walkable(id, ['personnelZones', i, 'roadwayIds', j])));
}

/** Formats a zod-style path as `sensors[12].setpoints.high`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out || '(root)';
}
