// Chemical park → instance batches and points of interest.
import type { ChemicalPark } from '../schema/site.ts';
import type { Equipment } from '../schema/chemical-park.ts';
import { polygonCentroid, polygonRadiusM } from './plan-shapes.ts';
import type { Hex } from './batch-writer.ts';
import { BatchWriter } from './batch-writer.ts';
import { headingToYawRad, sceneX, sceneY, sceneZ } from './frame.ts';
import { sensorBatch, weatherStationBatch } from './sensor-batch.ts';
import { PARK_COLORS } from './structure-colors.ts';
import type { BatchKind, InstanceBatch, PointOfInterest, Primitive } from './types.ts';

/** Thickness drawn for bund walls, m (real walls are 0.2–0.5 m; thinner would flicker from afar). */
const DIKE_WALL_THICKNESS_M = 0.8;
/** Narrowest pipe drawn, m: a DN80 line is invisible from across a park. */
const MIN_PIPE_WIDTH_M = 0.6;
/** Pipe nodes at least this high are on a pipe rack and get a support post, m. */
const RACK_HEIGHT_M = 3;
/** Side of a rack post, m. */
const RACK_POST_WIDTH_M = 0.6;
/** Valve markers relative to sensor markers. */
const VALVE_MARKER_SCALE = 0.8;

type EquipmentBatchKind = Extract<BatchKind, 'tank-sphere' | 'tank-vertical' | 'reactor-cylinder' | 'reactor-box' | 'column' | 'equipment-box'>;

const EQUIPMENT_BATCHES: ReadonlyArray<{ kind: EquipmentBatchKind; primitive: Primitive; color: Hex }> = [
  { kind: 'tank-sphere', primitive: 'sphere', color: PARK_COLORS.tankSphere },
  { kind: 'tank-vertical', primitive: 'cylinder', color: PARK_COLORS.tankVertical },
  { kind: 'reactor-cylinder', primitive: 'cylinder', color: PARK_COLORS.reactor },
  { kind: 'reactor-box', primitive: 'box', color: PARK_COLORS.reactor },
  { kind: 'column', primitive: 'cylinder', color: PARK_COLORS.column },
  { kind: 'equipment-box', primitive: 'box', color: PARK_COLORS.equipmentBox },
];

/**
 * Which batch draws a piece of equipment. Spheres are pressure spheres whatever their kind; a
 * cylinder is a reactor or column when it says so, else a vertical tank; boxes are reactors
 * (e.g. a cell house) or plain boxes (warehouses, loading bays, control rooms, stations).
 */
export function equipmentBatchKind(e: Pick<Equipment, 'kind' | 'geometry'>): EquipmentBatchKind {
  switch (e.geometry.shape) {
    case 'sphere': return 'tank-sphere';
    case 'cylinder': return e.kind === 'reactor' ? 'reactor-cylinder' : e.kind === 'distillation-column' ? 'column' : 'tank-vertical';
    case 'box': return e.kind === 'reactor' ? 'reactor-box' : 'equipment-box';
  }
}

/** Radius of a sphere that holds a piece of equipment, m. */
function equipmentRadiusM(g: Equipment['geometry']): number {
  switch (g.shape) {
    case 'sphere': return g.diameterM / 2;
    case 'cylinder': return Math.hypot(g.diameterM / 2, g.heightM / 2);
    case 'box': return Math.hypot(g.lengthM, g.widthM, g.heightM) / 2;
  }
}

/** Height of the equipment's centre above its base, m. */
function equipmentHalfHeightM(g: Equipment['geometry']): number {
  return g.shape === 'sphere' ? g.diameterM / 2 : g.heightM / 2;
}

/** The park's drawable things, each kind one batch; empty batches are left out. */
export function parkBatches(site: ChemicalPark, markerSizeM: number): InstanceBatch[] {
  const batches: InstanceBatch[] = [];
  const push = (b: InstanceBatch) => { if (b.count > 0) batches.push(b); };

  for (const spec of EQUIPMENT_BATCHES) {
    const members = site.equipment.filter((e) => equipmentBatchKind(e) === spec.kind);
    const out = new BatchWriter({ kind: spec.kind, primitive: spec.primitive, capacity: members.length });
    for (const e of members) {
      const p = e.position, g = e.geometry;
      const x = sceneX(p.eastM), y = sceneY(p.upM) + equipmentHalfHeightM(g), z = sceneZ(p.northM);
      if (g.shape === 'sphere') out.addAligned(e.id, null, x, y, z, g.diameterM, g.diameterM, g.diameterM, spec.color);
      else if (g.shape === 'cylinder') out.addAligned(e.id, null, x, y, z, g.diameterM, g.heightM, g.diameterM, spec.color);
      else out.addYawed(e.id, null, x, y, z, headingToYawRad(g.headingDeg), g.lengthM, g.heightM, g.widthM, spec.color);
    }
    push(out.finish());
  }

  const buildings = new BatchWriter({ kind: 'building', primitive: 'box', capacity: site.buildings.length });
  for (const b of site.buildings) {
    const p = b.position, g = b.geometry;
    buildings.addYawed(b.id, null, sceneX(p.eastM), sceneY(p.upM) + g.heightM / 2, sceneZ(p.northM), headingToYawRad(g.headingDeg), g.lengthM, g.heightM, g.widthM, PARK_COLORS.building);
  }
  push(buildings.finish());

  push(dikeWalls(site));
  push(pipes(site));
  push(rackPosts(site));
  push(valves(site, markerSizeM * VALVE_MARKER_SCALE));
  push(sensorBatch(site.sensors, markerSizeM));
  push(weatherStationBatch(site.sensors, markerSizeM, 0));
  return batches;
}

/** One thin box per edge of each bund polygon, standing on the ground. */
function dikeWalls(site: ChemicalPark): InstanceBatch {
  let capacity = 0;
  for (const d of site.dikes) capacity += d.polygon.length;
  const out = new BatchWriter({ kind: 'dike-wall', primitive: 'box', capacity });
  for (const d of site.dikes) {
    const poly = d.polygon;
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i]!, b = poly[(i + 1) % poly.length]!;
      const lengthM = Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
      const yawRad = Math.atan2(b.northM - a.northM, b.eastM - a.eastM);
      out.addYawed(d.id, null, sceneX((a.eastM + b.eastM) / 2), d.heightM / 2, sceneZ((a.northM + b.northM) / 2), yawRad, lengthM + DIKE_WALL_THICKNESS_M, d.heightM, DIKE_WALL_THICKNESS_M, PARK_COLORS.dikeWall);
    }
  }
  return out.finish();
}

/** One cylinder per pipe segment, straight from node to node. */
function pipes(site: ChemicalPark): InstanceBatch {
  const nodes = new Map(site.pipes.nodes.map((n) => [n.id, n.position]));
  const out = new BatchWriter({ kind: 'pipe', primitive: 'cylinder', capacity: site.pipes.segments.length });
  for (const s of site.pipes.segments) {
    const a = nodes.get(s.from), b = nodes.get(s.to);
    if (!a || !b) throw new Error(`pipe segment '${s.id}' names an unknown node ('${!a ? s.from : s.to}')`);
    out.addSpan(s.id, null, sceneX(a.eastM), sceneY(a.upM), sceneZ(a.northM), sceneX(b.eastM), sceneY(b.upM), sceneZ(b.northM), Math.max(s.diameterMm / 1000, MIN_PIPE_WIDTH_M), PARK_COLORS.pipe);
  }
  return out.finish();
}

/** A support post under every raised junction (the pipe racks of the park's corridors). */
function rackPosts(site: ChemicalPark): InstanceBatch {
  const raised = site.pipes.nodes.filter((n) => n.kind === 'junction' && n.position.upM >= RACK_HEIGHT_M);
  const out = new BatchWriter({ kind: 'rack-post', primitive: 'box', capacity: raised.length });
  for (const n of raised) {
    const p = n.position;
    out.addAligned(n.id, null, sceneX(p.eastM), sceneY(p.upM) / 2, sceneZ(p.northM), RACK_POST_WIDTH_M, sceneY(p.upM), RACK_POST_WIDTH_M, PARK_COLORS.rackPost);
  }
  return out.finish();
}

/** Valves as cubes on their nodes; actuated ones carry the device that reports `open_pct`. */
function valves(site: ChemicalPark, sizeM: number): InstanceBatch {
  const nodes = new Map(site.pipes.nodes.map((n) => [n.id, n.position]));
  const out = new BatchWriter({ kind: 'valve', primitive: 'box', capacity: site.pipes.valves.length, live: 'valve', pickable: true });
  for (const v of site.pipes.valves) {
    const p = nodes.get(v.nodeId);
    if (!p) throw new Error(`valve '${v.id}' sits on an unknown node '${v.nodeId}'`);
    out.addAligned(v.id, v.deviceId, sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM), sizeM, sizeM, sizeM, PARK_COLORS.pipe);
  }
  return out.finish();
}

/**
 * The park's points of interest: every enterprise plot and piece of equipment, buildings and
 * weather stations. The tour stops at each enterprise and at the largest hazard inventory of each.
 */
export function parkPois(site: ChemicalPark): PointOfInterest[] {
  const pois: PointOfInterest[] = [];
  const biggest = new Map<string, Equipment>();
  for (const e of site.equipment) {
    const known = biggest.get(e.enterpriseId);
    if (e.inventoryKg > 0 && (!known || e.inventoryKg > known.inventoryKg)) biggest.set(e.enterpriseId, e);
  }
  for (const ent of site.enterprises) {
    const c = polygonCentroid(ent.plot);
    pois.push({ id: ent.id, kind: 'enterprise', label: ent.name, center: [sceneX(c.eastM), 0, sceneZ(c.northM)], radiusM: polygonRadiusM(ent.plot, c), tourStop: true });
    const hazard = biggest.get(ent.id);
    if (hazard) pois.push(equipmentPoi(hazard, true));
  }
  for (const e of site.equipment) if (biggest.get(e.enterpriseId) !== e) pois.push(equipmentPoi(e, false));
  for (const b of site.buildings) {
    const p = b.position, g = b.geometry;
    pois.push({ id: b.id, kind: 'building', label: b.name, center: [sceneX(p.eastM), sceneY(p.upM) + g.heightM / 2, sceneZ(p.northM)], radiusM: Math.hypot(g.lengthM, g.widthM, g.heightM) / 2, tourStop: false });
  }
  for (const s of site.sensors) {
    if (s.kind !== 'weather') continue;
    const p = s.position;
    pois.push({ id: s.id, kind: 'weather-station', label: { zh: `气象站 ${s.id}`, en: `weather station ${s.id}` }, center: [sceneX(p.eastM), sceneY(p.upM) / 2, sceneZ(p.northM)], radiusM: Math.max(10, p.upM), tourStop: false });
  }
  return pois;
}

function equipmentPoi(e: Equipment, tourStop: boolean): PointOfInterest {
  const p = e.position;
  return {
    id: e.id, kind: 'equipment', label: e.name,
    center: [sceneX(p.eastM), sceneY(p.upM) + equipmentHalfHeightM(e.geometry), sceneZ(p.northM)],
    radiusM: equipmentRadiusM(e.geometry), tourStop,
  };
}
