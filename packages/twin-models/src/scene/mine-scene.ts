// Coal mine → instance batches and points of interest.
import type { CoalMine } from '../schema/site.ts';
import type { Roadway, RoadwayKind } from '../schema/coal-mine.ts';
import type { Enu } from '../geo.ts';
import { BatchWriter } from './batch-writer.ts';
import { sceneX, sceneY, sceneZ } from './frame.ts';
import { sensorBatch } from './sensor-batch.ts';
import { MINE_COLORS, ROADWAY_COLORS } from './structure-colors.ts';
import type { BatchKind, InstanceBatch, PointOfInterest } from './types.ts';

/** Options of the mine builder. */
export interface MineSceneOptions {
  /** Distance between ventilation arrows along a roadway, m. @default 80 */
  arrowSpacingM?: number;
}

/** Narrowest tube drawn, m (an Ø800 mm fan duct would vanish from across the mine). */
const MIN_TUBE_WIDTH_M = 1.5;
/** Refuge chamber drawn as a box: length along its roadway × height × width, m (typical 20-person chamber). */
const REFUGE_SIZE_M = [16, 4, 5] as const;
/** Machines relative to sensor markers (larger, so the face equipment reads as such). */
const MACHINE_MARKER_SCALE = 1.4;
/** UWB anchors relative to sensor markers. */
const ANCHOR_MARKER_SCALE = 0.35;
/** Ventilation arrow length relative to sensor markers. */
const ARROW_MARKER_SCALE = 1.4;

/** Which tube batch draws a roadway kind. */
export function roadwayBatchKind(kind: RoadwayKind): Extract<BatchKind, 'roadway' | 'shaft' | 'workface' | 'vent-duct'> {
  switch (kind) {
    case 'shaft': return 'shaft';
    case 'longwall-face':
    case 'heading': return 'workface';
    case 'vent-duct': return 'vent-duct';
    default: return 'roadway';
  }
}

/** Equivalent round diameter of an airway cross-section, m (d = 2√(A/π)). */
export function tubeDiameterM(crossSectionM2: number): number {
  return 2 * Math.sqrt(crossSectionM2 / Math.PI);
}

/** Number of ventilation arrows on a roadway of this length: one per spacing, at least one. */
export function arrowCount(lengthM: number, spacingM: number): number {
  return Math.max(1, Math.floor(lengthM / spacingM));
}

/**
 * Whether a roadway carries used (return) air: return airways, and shafts with the air going up
 * (upcast). Intake airways, downcast shafts, haulage roads and working places carry fresh air.
 */
export function carriesReturnAir(r: Pick<Roadway, 'kind'>, from: Enu, to: Enu): boolean {
  return r.kind === 'return-airway' || (r.kind === 'shaft' && to.upM > from.upM);
}

/** The mine's drawable things, each kind one batch; empty batches are left out. */
export function mineBatches(site: CoalMine, markerSizeM: number, options: MineSceneOptions = {}): InstanceBatch[] {
  const spacingM = options.arrowSpacingM ?? 80;
  if (!(spacingM > 0)) throw new Error(`arrowSpacingM must be positive, got ${spacingM}`);
  const nodes = nodePositions(site);
  const batches: InstanceBatch[] = [];
  const push = (b: InstanceBatch) => { if (b.count > 0) batches.push(b); };

  for (const kind of ['roadway', 'shaft', 'workface', 'vent-duct'] as const) {
    const members = site.roadways.edges.filter((r) => roadwayBatchKind(r.kind) === kind);
    const out = new BatchWriter({ kind, primitive: 'cylinder', capacity: members.length, translucent: true });
    for (const r of members) {
      const a = endOf(nodes, r, 'from'), b = endOf(nodes, r, 'to');
      out.addSpan(r.id, null, sceneX(a.eastM), sceneY(a.upM), sceneZ(a.northM), sceneX(b.eastM), sceneY(b.upM), sceneZ(b.northM), Math.max(tubeDiameterM(r.crossSectionM2), MIN_TUBE_WIDTH_M), ROADWAY_COLORS[r.kind]);
    }
    push(out.finish());
  }

  push(ventArrows(site, nodes, spacingM, markerSizeM * ARROW_MARKER_SCALE));

  const refuges = new BatchWriter({ kind: 'refuge-chamber', primitive: 'box', capacity: site.refugeChambers.length, pickable: false });
  for (const c of site.refugeChambers) {
    const p = c.position;
    refuges.addYawed(c.id, null, sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM), roadwayYawRad(site, nodes, c.roadwayId), REFUGE_SIZE_M[0], REFUGE_SIZE_M[1], REFUGE_SIZE_M[2], MINE_COLORS.refugeChamber);
  }
  push(refuges.finish());

  const anchorM = markerSizeM * ANCHOR_MARKER_SCALE;
  const anchors = new BatchWriter({ kind: 'uwb-anchor', primitive: 'box', capacity: site.uwbAnchors.length });
  for (const a of site.uwbAnchors) {
    const p = a.position;
    anchors.addAligned(a.id, null, sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM), anchorM, anchorM, anchorM, MINE_COLORS.uwbAnchor);
  }
  push(anchors.finish());

  const machineM = markerSizeM * MACHINE_MARKER_SCALE;
  const machines = new BatchWriter({ kind: 'machine', primitive: 'box', capacity: site.equipment.length, live: 'power', pickable: true });
  for (const e of site.equipment) {
    const p = e.position;
    const yaw = e.roadwayId ? roadwayYawRad(site, nodes, e.roadwayId) : 0;
    machines.addYawed(e.id, e.deviceId, sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM), yaw, machineM * 1.6, machineM * 0.7, machineM, MINE_COLORS.machine);
  }
  push(machines.finish());

  push(sensorBatch(site.sensors, markerSizeM));

  // People: hidden (zero size) until their tag reports a position; the renderer moves them.
  const miners = new BatchWriter({ kind: 'miner', primitive: 'capsule', capacity: site.miners.length, live: 'tag', pickable: true });
  for (const m of site.miners) miners.addAligned(m.id, m.tagDeviceId, 0, 0, 0, 0, 0, 0, MINE_COLORS.miner);
  push(miners.finish());
  return batches;
}

/** Cones along every roadway with air in it, spaced evenly, apex pointing with the airflow (from → to). */
function ventArrows(site: CoalMine, nodes: ReadonlyMap<string, Enu>, spacingM: number, lengthM: number): InstanceBatch {
  const flowing = site.roadways.edges.filter((r) => r.airflowM3S > 0);
  let capacity = 0;
  for (const r of flowing) capacity += arrowCount(r.lengthM, spacingM);
  const out = new BatchWriter({ kind: 'vent-arrow', primitive: 'cone', capacity });
  for (const r of flowing) {
    const a = endOf(nodes, r, 'from'), b = endOf(nodes, r, 'to');
    const ax = sceneX(a.eastM), ay = sceneY(a.upM), az = sceneZ(a.northM);
    const dx = sceneX(b.eastM) - ax, dy = sceneY(b.upM) - ay, dz = sceneZ(b.northM) - az;
    const spanM = Math.hypot(dx, dy, dz);
    if (spanM === 0) continue;
    // Arrows never longer than the gap between them (a short crosscut still gets a readable one).
    const n = arrowCount(r.lengthM, spacingM);
    const arrowM = Math.min(lengthM, (spanM / n) * 0.8);
    const ux = dx / spanM, uy = dy / spanM, uz = dz / spanM;
    const color = carriesReturnAir(r, a, b) ? MINE_COLORS.arrowReturn : MINE_COLORS.arrowFresh;
    for (let k = 0; k < n; k++) {
      const t = ((k + 0.5) / n) * spanM;
      const cx = ax + ux * t, cy = ay + uy * t, cz = az + uz * t;
      const h = arrowM / 2;
      out.addSpan(r.id, null, cx - ux * h, cy - uy * h, cz - uz * h, cx + ux * h, cy + uy * h, cz + uz * h, arrowM * 0.6, color);
    }
  }
  return out.finish();
}

function nodePositions(site: CoalMine): Map<string, Enu> {
  return new Map(site.roadways.nodes.map((n) => [n.id, n.position]));
}

function endOf(nodes: ReadonlyMap<string, Enu>, r: Roadway, end: 'from' | 'to'): Enu {
  const p = nodes.get(r[end]);
  if (!p) throw new Error(`roadway '${r.id}' names an unknown node '${r[end]}'`);
  return p;
}

/** Plan direction of a roadway as a yaw about scene +y (radians), so boxes line up with it. */
function roadwayYawRad(site: CoalMine, nodes: ReadonlyMap<string, Enu>, roadwayId: string): number {
  const r = site.roadways.edges.find((e) => e.id === roadwayId);
  if (!r) return 0;
  const a = endOf(nodes, r, 'from'), b = endOf(nodes, r, 'to');
  return Math.atan2(b.northM - a.northM, b.eastM - a.eastM);
}

/** Degree of every node over walkable roadways (fan ducts excluded): a heading face is a dead end. */
function nodeDegrees(site: CoalMine): Map<string, number> {
  const degree = new Map<string, number>();
  for (const r of site.roadways.edges) {
    if (r.kind === 'vent-duct') continue;
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  return degree;
}

/**
 * The mine's points of interest: shafts, the longwall face, headings, refuge chambers and
 * machines. The tour stops at the shafts, the face, the heading's dead end and the refuges.
 */
export function minePois(site: CoalMine): PointOfInterest[] {
  const nodes = nodePositions(site);
  const degree = nodeDegrees(site);
  const pois: PointOfInterest[] = [];
  for (const r of site.roadways.edges) {
    const kind = r.kind === 'shaft' ? 'shaft' : r.kind === 'longwall-face' ? 'workface' : r.kind === 'heading' ? 'heading' : null;
    if (!kind) continue;
    const a = endOf(nodes, r, 'from'), b = endOf(nodes, r, 'to');
    const spanM = Math.hypot(b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM);
    const deadEnd = (degree.get(r.from) ?? 0) === 1 || (degree.get(r.to) ?? 0) === 1;
    pois.push({
      id: r.id, kind, label: r.name,
      center: [sceneX((a.eastM + b.eastM) / 2), sceneY((a.upM + b.upM) / 2), sceneZ((a.northM + b.northM) / 2)],
      radiusM: spanM / 2 + tubeDiameterM(r.crossSectionM2),
      tourStop: kind !== 'heading' || deadEnd,
    });
  }
  for (const c of site.refugeChambers) {
    const p = c.position;
    pois.push({ id: c.id, kind: 'refuge-chamber', label: c.name, center: [sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM)], radiusM: 30, tourStop: true });
  }
  for (const e of site.equipment) {
    const p = e.position;
    pois.push({ id: e.id, kind: 'machine', label: e.name, center: [sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM)], radiusM: 20, tourStop: false });
  }
  return pois;
}
