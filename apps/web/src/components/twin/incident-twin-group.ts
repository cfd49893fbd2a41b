// The three.js objects of an incident in the twin, built once per version of the incident (see
// incident-twin.ts for the geometry): nothing here runs per frame.
import {
  BufferGeometry, CylinderGeometry, DoubleSide, Float32BufferAttribute, Group, Mesh, MeshBasicMaterial, RingGeometry, Shape, ShapeGeometry, SphereGeometry,
} from 'three';
import type { IncidentView } from '@safetwin/protocol';
import { sceneX, sceneY, sceneZ } from '@safetwin/twin-models';
import { valveLook } from '../../live/incident-format.ts';
import { ROUTE_RGB, UNUSABLE_RGB, USABLE_RGB, VALVE_TONE_RGB } from '../map/incident-layers.ts';
import { ZONE_OPACITY, candidateRingM, routeRibbons, twinZones } from './incident-twin.ts';

const colour = (rgb: readonly number[]) => (rgb[0]! << 16) | (rgb[1]! << 8) | rgb[2]!;

/** Assembly point column: radius and height, m. Valve ball radius and height, m. */
const AP_RADIUS_M = 10;
const AP_HEIGHT_M = 6;
const VALVE_RADIUS_M = 3.5;
const VALVE_HEIGHT_M = 4;
/** The top candidate's beacon: a thin white column, m. */
const BEACON_HEIGHT_M = 60;

function flatMaterial(rgb: readonly number[], opacity = 1): MeshBasicMaterial {
  return new MeshBasicMaterial({ color: colour(rgb), transparent: opacity < 1, opacity, depthWrite: opacity >= 1, side: DoubleSide });
}

/** The scene objects of one incident version: zones, routes, assembly points, candidates, valves. */
export function buildIncidentGroup(incident: IncidentView): Group {
  const group = new Group();
  group.name = 'incident';
  for (const z of twinZones(incident)) {
    // Drawn in the x/y plane from (east, north) and laid flat: rotating −90° about x maps y to −z (north).
    const shape = new Shape();
    shape.moveTo(z.ringEnu[0]![0], z.ringEnu[0]![1]);
    for (let i = 1; i < z.ringEnu.length; i++) shape.lineTo(z.ringEnu[i]![0], z.ringEnu[i]![1]);
    const mesh = new Mesh(new ShapeGeometry(shape), flatMaterial(z.rgb, ZONE_OPACITY));
    mesh.rotation.x = -Math.PI / 2;
    mesh.position.y = sceneY(z.heightM);
    mesh.renderOrder = z.renderOrder;
    mesh.name = `zone-${z.level}`;
    group.add(mesh);
  }
  const ribbons = routeRibbons(incident);
  if (ribbons.length > 0) {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(ribbons, 3));
    const mesh = new Mesh(geometry, flatMaterial(ROUTE_RGB, 0.95));
    mesh.renderOrder = 9;
    mesh.name = 'routes';
    group.add(mesh);
  }
  const a = incident.assessment;
  for (const ap of a?.evacuation?.assemblyPoints ?? []) {
    const mesh = new Mesh(new CylinderGeometry(AP_RADIUS_M, AP_RADIUS_M, AP_HEIGHT_M, 24), flatMaterial(ap.usable ? USABLE_RGB : UNUSABLE_RGB, 0.85));
    mesh.position.set(sceneX(ap.place.eastM), sceneY(AP_HEIGHT_M / 2), sceneZ(ap.place.northM));
    mesh.name = `assembly-${ap.id}`;
    group.add(mesh);
  }
  (a?.source.candidates.slice(0, 3) ?? []).forEach((c, k) => {
    const r = candidateRingM(c.probability);
    const ring = new Mesh(new RingGeometry(r - (k === 0 ? 4 : 2), r, 48), flatMaterial([255, 255, 255], k === 0 ? 0.95 : 0.6));
    ring.rotation.x = -Math.PI / 2;
    ring.position.set(sceneX(c.place.eastM), sceneY(1.5), sceneZ(c.place.northM));
    ring.renderOrder = 11;
    ring.name = `candidate-${c.id}`;
    group.add(ring);
    if (k === 0) {
      const beacon = new Mesh(new CylinderGeometry(1.2, 1.2, BEACON_HEIGHT_M, 12), flatMaterial([255, 255, 255], 0.8));
      beacon.position.set(sceneX(c.place.eastM), sceneY(BEACON_HEIGHT_M / 2), sceneZ(c.place.northM));
      beacon.name = 'candidate-beacon';
      group.add(beacon);
    }
  });
  for (const v of incident.valves) {
    const mesh = new Mesh(new SphereGeometry(VALVE_RADIUS_M, 16, 12), flatMaterial(VALVE_TONE_RGB[valveLook(v.state).tone]));
    mesh.position.set(sceneX(v.place.eastM), sceneY(VALVE_HEIGHT_M), sceneZ(v.place.northM));
    mesh.name = `valve-${v.valveId}`;
    group.add(mesh);
  }
  return group;
}
