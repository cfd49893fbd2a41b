// The front door of the scene builders: a site description in, a TwinScene out.
import type { Site } from '../schema/site.ts';
import { planBounds } from '../geometry.ts';
import { sceneX, sceneZ } from './frame.ts';
import { mineBatches, minePois } from './mine-scene.ts';
import type { MineSceneOptions } from './mine-scene.ts';
import { parkBatches, parkPois } from './park-scene.ts';
import type { DeviceSlot, GroundOutline, InstanceBatch, PointOfInterest, SceneBounds, TwinScene } from './types.ts';

/** Options of {@link buildTwinScene}. */
export interface TwinSceneOptions extends MineSceneOptions {
  /** Size of sensor markers, m. @default the site's plan extent / 1000, clamped to 1.5…6 m */
  markerSizeM?: number;
}

/**
 * Marker size from the site's plan extent: about 1/1000 of it (2.4 m in a 2.4 km park), about
 * a detector housing with its sun shield seen from a few tens of metres. Renderers may draw
 * markers larger with distance; this is their close-up size.
 */
export function defaultMarkerSizeM(site: Site): number {
  const b = planBounds(site.boundary);
  const extentM = Math.max(b.maxEastM - b.minEastM, b.maxNorthM - b.minNorthM);
  return Math.min(6, Math.max(1.5, extentM / 1000));
}

/** Instances per batch index in a packed device slot (batch × 2^24 + instance). */
const SLOT_STRIDE = 0x1000000;

/**
 * Builds the 3D twin of a site: instance batches (one instanced mesh each), points of
 * interest for the camera and the tour, the bounds, and a device → instance index. Pure and
 * deterministic: the same site gives the same arrays.
 */
export function buildTwinScene(site: Site, options: TwinSceneOptions = {}): TwinScene {
  const markerSizeM = options.markerSizeM ?? defaultMarkerSizeM(site);
  if (!(markerSizeM > 0)) throw new Error(`markerSizeM must be positive, got ${markerSizeM}`);
  const batches = site.kind === 'chemical-park' ? parkBatches(site, markerSizeM) : mineBatches(site, markerSizeM, options);
  // A mine's lease is drawn only as a faint outline at the surface; the workings are what to frame.
  const bounds = sceneBounds(batches, site.kind === 'chemical-park' ? site.boundary : []);
  const overview: PointOfInterest = { id: site.id, kind: 'site', label: site.name, center: bounds.center, radiusM: bounds.radiusM, tourStop: true };
  const pois = [overview, ...(site.kind === 'chemical-park' ? parkPois(site) : minePois(site))];

  const slots = new Map<string, number>();
  batches.forEach((batch, batchIndex) => {
    if (!batch.deviceIds) return;
    batch.deviceIds.forEach((deviceId, instance) => {
      if (deviceId === null) return;
      if (slots.has(deviceId)) throw new Error(`device '${deviceId}' is drawn twice in site '${site.id}'`);
      slots.set(deviceId, batchIndex * SLOT_STRIDE + instance);
    });
  });

  return {
    siteId: site.id,
    siteKind: site.kind,
    batches,
    pois,
    outlines: groundOutlines(site),
    bounds,
    markerSizeM,
    slotOf(deviceId: string): DeviceSlot | undefined {
      const packed = slots.get(deviceId);
      if (packed === undefined) return undefined;
      return { batchIndex: Math.floor(packed / SLOT_STRIDE), instance: packed % SLOT_STRIDE };
    },
    deviceIds: () => slots.keys(),
  };
}

/** The site boundary and, for parks, every enterprise's plot, as ground outlines. */
export function groundOutlines(site: Site): GroundOutline[] {
  const toPoints = (polygon: ReadonlyArray<{ eastM: number; northM: number }>) => {
    const points = new Float32Array(polygon.length * 2);
    polygon.forEach((p, i) => { points[i * 2] = sceneX(p.eastM); points[i * 2 + 1] = sceneZ(p.northM); });
    return points;
  };
  const out: GroundOutline[] = [{ id: site.id, kind: 'site', points: toPoints(site.boundary) }];
  if (site.kind === 'chemical-park') for (const e of site.enterprises) out.push({ id: e.id, kind: 'enterprise', points: toPoints(e.plot) });
  return out;
}

/**
 * Bounds of everything drawn — the box around each instance's unit cube (which holds every unit
 * primitive) — and the given plan outline on the ground. Hidden (zero-size) instances do not count.
 */
export function sceneBounds(batches: readonly InstanceBatch[], boundary: ReadonlyArray<{ eastM: number; northM: number }>): SceneBounds {
  const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
  const grow = (k: number, centre: number, half: number) => {
    if (centre - half < min[k]!) min[k] = centre - half;
    if (centre + half > max[k]!) max[k] = centre + half;
  };
  for (const p of boundary) {
    grow(0, sceneX(p.eastM), 0);
    grow(1, 0, 0);
    grow(2, sceneZ(p.northM), 0);
  }
  const half = [0, 0, 0];
  for (const b of batches) {
    const m = b.matrices;
    for (let i = 0; i < b.count; i++) {
      const o = i * 16;
      // Half-extent of a transformed unit cube along world axis k: ½ Σ_j |A[k][j]| (column-major: A[k][j] = m[o + 4j + k]).
      let any = false;
      for (let k = 0; k < 3; k++) {
        half[k] = 0.5 * (Math.abs(m[o + k]!) + Math.abs(m[o + 4 + k]!) + Math.abs(m[o + 8 + k]!));
        if (half[k]! > 0) any = true;
      }
      if (!any) continue;
      for (let k = 0; k < 3; k++) grow(k, m[o + 12 + k]!, half[k]!);
    }
  }
  if (min[0] === Infinity) {
    return { min: [0, 0, 0], max: [0, 0, 0], center: [0, 0, 0], radiusM: 1 };
  }
  const center = [(min[0]! + max[0]!) / 2, (min[1]! + max[1]!) / 2, (min[2]! + max[2]!) / 2] as const;
  const radiusM = Math.max(1, Math.hypot(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!) / 2);
  return { min: [min[0]!, min[1]!, min[2]!], max: [max[0]!, max[1]!, max[2]!], center, radiusM };
}
