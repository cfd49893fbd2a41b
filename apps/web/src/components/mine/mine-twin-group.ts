// The mine's overlays in the 3D twin, as three.js objects built once per change of what they
// show (nothing runs per frame): a translucent shell round each monitored roadway in its gas
// state's colour (power cut red and opaque, alarm orange, normal a faint green), the roof
// sensors' stretches in their state, the escape routes as cyan tubes with cones pointing the
// way out, and a played-back trajectory in magenta. Site metres in, scene coordinates out (x
// east, y up, z south: twin-models scene/frame.ts).
import {
  ConeGeometry, CurvePath, CylinderGeometry, Group, LineCurve3, Mesh, MeshBasicMaterial, Quaternion, SphereGeometry, TubeGeometry, Vector3, type Material,
} from 'three';
import { sceneX, sceneY, sceneZ, type Enu } from '@safetwin/twin-models';
import { GAS_LOOK, ROUTE_RGB } from '../../live/mine-format.ts';
import type { GasState, RoadwayGas } from '../../live/mine-gas.ts';
import type { RoadwayLine, RoofSegment } from '../../live/mine-roof.ts';
import type { Rgb } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { TRAJECTORY_RGB, type RouteDraw } from './mine-layers.ts';

/** Shell opacity per gas state: a cut must be seen across the mine, normal only hinted. */
const GAS_OPACITY: Readonly<Record<GasState, number>> = { 'power-cut': 0.7, alarm: 0.55, 'no-data': 0.25, normal: 0.14 };
/** Shell diameter against the scene's marker size (a 5 m roadway is a pixel at overview distance). */
const SHELL_MARKERS = 1.1;
/** Roof stretch diameter against the marker size. */
const ROOF_MARKERS = 0.8;
/** Route tube radius and cone size against the marker size; a cone every this many metres. */
const ROUTE_RADIUS_MARKERS = 0.22;
const CONE_MARKERS = 0.9;
const CONE_SPACING_M = 60;

const colour = (rgb: Rgb) => (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
const material = (rgb: Rgb, opacity = 1) => new MeshBasicMaterial({ color: colour(rgb), transparent: opacity < 1, opacity, depthWrite: opacity >= 1 });
const UP = new Vector3(0, 1, 0);
const scene = (p: Enu) => new Vector3(sceneX(p.eastM), sceneY(p.upM), sceneZ(p.northM));

/** A cylinder of `diameterM` from a to b (site metres). */
export function span(a: Enu, b: Enu, diameterM: number, mat: Material): Mesh {
  const pa = scene(a), pb = scene(b);
  const dir = pb.clone().sub(pa);
  const length = Math.max(dir.length(), 0.01);
  const mesh = new Mesh(new CylinderGeometry(diameterM / 2, diameterM / 2, length, 16, 1, true), mat);
  mesh.position.copy(pa.add(pb).multiplyScalar(0.5));
  mesh.quaternion.copy(new Quaternion().setFromUnitVectors(UP, dir.normalize()));
  return mesh;
}

/** A tube along a polyline (site metres), straight between the points. */
export function polylineTube(points: readonly Enu[], radiusM: number, mat: Material): Mesh | null {
  if (points.length < 2) return null;
  const path = new CurvePath<Vector3>();
  for (let i = 1; i < points.length; i++) path.add(new LineCurve3(scene(points[i - 1]!), scene(points[i]!)));
  const segments = Math.min(2000, Math.max(8, points.length * 4));
  return new Mesh(new TubeGeometry(path, segments, radiusM, 8, false), mat);
}

/** Where the cones go along a polyline: every `spacingM`, pointing the way (unit direction). */
export function conePlaces(points: readonly Enu[], spacingM: number): Array<{ at: Enu; dir: Vector3 }> {
  const out: Array<{ at: Enu; dir: Vector3 }> = [];
  let next = spacingM / 2, walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!, b = points[i]!;
    const len = Math.hypot(b.eastM - a.eastM, b.northM - a.northM, b.upM - a.upM);
    if (len === 0) continue;
    const dir = scene(b).sub(scene(a)).normalize();
    while (next <= walked + len) {
      const t = (next - walked) / len;
      out.push({ at: { eastM: a.eastM + (b.eastM - a.eastM) * t, northM: a.northM + (b.northM - a.northM) * t, upM: a.upM + (b.upM - a.upM) * t }, dir });
      next += spacingM;
    }
    walked += len;
  }
  return out;
}

/** What the twin's mine overlay shows. */
export interface MineTwinInput {
  markerSizeM: number;
  lines: ReadonlyMap<string, RoadwayLine>;
  gas: ReadonlyMap<string, RoadwayGas>;
  roof: ReadonlyArray<{ segment: RoofSegment; state: SensorVisualState }>;
  routes: readonly RouteDraw[];
  trajectory: readonly Enu[] | null;
}

/** The overlay's objects; dispose them with {@link disposeGroup}. */
export function buildMineGroup(input: MineTwinInput): Group {
  const group = new Group();
  group.name = 'mine';
  const m = input.markerSizeM;
  for (const [roadwayId, g] of input.gas) {
    const line = input.lines.get(roadwayId);
    if (!line) continue;
    const mesh = span(line.a, line.b, m * SHELL_MARKERS * (g.state === 'power-cut' ? 1.3 : 1), material(GAS_LOOK[g.state].rgb, GAS_OPACITY[g.state]));
    mesh.name = `gas-${roadwayId}-${g.state}`;
    mesh.renderOrder = 3;
    group.add(mesh);
  }
  for (const r of input.roof) {
    const mesh = span(r.segment.path[0], r.segment.path[1], m * ROOF_MARKERS, material(SENSOR_VISUAL_STYLES[r.state].rgb, r.state === 'normal' ? 0.35 : 0.85));
    mesh.name = `roof-${r.segment.sensorId}-${r.state}`;
    mesh.renderOrder = 4;
    group.add(mesh);
  }
  const routeMaterial = material(ROUTE_RGB, 0.95);
  for (const r of input.routes) {
    const tube = polylineTube(r.polyline, m * ROUTE_RADIUS_MARKERS, routeMaterial.clone());
    if (!tube) continue;
    tube.name = `route-${r.key}`;
    group.add(tube);
    for (const c of conePlaces(r.polyline, CONE_SPACING_M)) {
      const cone = new Mesh(new ConeGeometry(m * CONE_MARKERS * 0.35, m * CONE_MARKERS, 12), routeMaterial.clone());
      cone.position.copy(scene(c.at));
      cone.quaternion.copy(new Quaternion().setFromUnitVectors(UP, c.dir));
      cone.name = 'route-cone';
      group.add(cone);
    }
  }
  routeMaterial.dispose();
  if (input.trajectory && input.trajectory.length > 1) {
    const tube = polylineTube(input.trajectory, m * ROUTE_RADIUS_MARKERS * 0.8, material(TRAJECTORY_RGB));
    if (tube) {
      tube.name = 'trajectory';
      group.add(tube);
    }
  }
  return group;
}

/** A marker ball for the trajectory's instant. */
export function trajectoryMarker(markerSizeM: number): Mesh {
  const mesh = new Mesh(new SphereGeometry(markerSizeM * 0.45, 16, 12), material(TRAJECTORY_RGB));
  mesh.name = 'trajectory-at';
  return mesh;
}

/** Frees the geometries and materials of a group built here. */
export function disposeGroup(group: Group): void {
  group.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh) return;
    mesh.geometry.dispose();
    (mesh.material as Material).dispose();
  });
}
