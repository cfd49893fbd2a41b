// The twin scene: plain data (typed arrays and strings) a renderer turns into one instanced
// mesh per batch. No WebGL, no three.js objects: the same scene is built in tests, in a
// worker, or in the browser. Positions are in the scene frame of `frame.ts`
// (x = east, y = up, z = −north, metres).
import type { Name } from '../schema/common.ts';

/**
 * The unit primitive every instance of a batch is drawn with; its matrix scales it to size.
 * - `box`: 1 × 1 × 1 cube centred on the origin.
 * - `cylinder`: diameter 1, height 1 along +y, centred on the origin.
 * - `sphere`: diameter 1, centred on the origin.
 * - `cone`: base diameter 1, height 1, apex towards +y, centred on the origin (flow arrows).
 * - `octahedron`: 1 from tip to tip, centred on the origin (sensor markers: a diamond).
 * - `capsule`: diameter 1, total height 1 along +y, centred on the origin (people).
 */
export type Primitive = 'box' | 'cylinder' | 'sphere' | 'cone' | 'octahedron' | 'capsule';

/**
 * How live telemetry drives a batch's instances:
 * - `none`: static structure;
 * - `sensor`: the marker colour follows the device's state and worst alarm;
 * - `valve`: open / closed / stale from the actuator's `open_pct`;
 * - `power`: powered / cut / stale from the machine's `powered` feedback;
 * - `tag`: the instance moves to the tag's `east_m` / `north_m` / `up_m` (hidden until known).
 */
export type LiveMode = 'none' | 'sensor' | 'valve' | 'power' | 'tag';

/** What a batch holds; one instanced mesh each. */
export type BatchKind =
  // chemical park
  | 'tank-sphere' | 'tank-vertical' | 'reactor-cylinder' | 'reactor-box' | 'column' | 'equipment-box'
  | 'building' | 'dike-wall' | 'pipe' | 'rack-post' | 'valve' | 'weather-station'
  // coal mine
  | 'roadway' | 'shaft' | 'workface' | 'vent-duct' | 'vent-arrow' | 'refuge-chamber' | 'uwb-anchor'
  | 'machine' | 'miner'
  // both
  | 'sensor';

/** Many similar things drawn as one instanced mesh. */
export interface InstanceBatch {
  kind: BatchKind;
  primitive: Primitive;
  /** Number of instances. */
  count: number;
  /** 16 floats per instance, column-major (three.js `Matrix4.elements` order), scene frame, metres. */
  matrices: Float32Array;
  /** 3 floats per instance: the static colour as sRGB components 0..1 (live batches repaint them). */
  colors: Float32Array;
  /** The site-description id of each instance (equipment, valve, roadway, sensor, miner …). */
  entityIds: readonly string[];
  /** The telemetry device of each instance (null where it has none, e.g. a manual valve); null for static batches. */
  deviceIds: readonly (string | null)[] | null;
  live: LiveMode;
  /** Whether clicking an instance should select its device. */
  pickable: boolean;
  /** Draw see-through (mine roadways, so what is inside them stays visible). */
  translucent: boolean;
}

/** Kinds of point of interest (for labels, the focus camera and the tour). */
export type PoiKind =
  | 'site' | 'enterprise' | 'equipment' | 'building' | 'weather-station' | 'assembly-point'
  | 'shaft' | 'workface' | 'heading' | 'refuge-chamber' | 'machine';

/** Somewhere the camera can fly to. */
export interface PointOfInterest {
  /** Id of the thing in the site description (the site id for the overview). */
  id: string;
  kind: PoiKind;
  label: Name;
  /** Centre in the scene frame, metres. */
  center: readonly [number, number, number];
  /** Radius of a sphere that holds it, metres: the camera frames this sphere. */
  radiusM: number;
  /** Whether the unattended tour stops here. */
  tourStop: boolean;
}

/** Axis-aligned bounds of everything drawn, scene frame, metres. */
export interface SceneBounds {
  min: readonly [number, number, number];
  max: readonly [number, number, number];
  center: readonly [number, number, number];
  /** Radius of the bounding sphere around `center`, metres. */
  radiusM: number;
}

/** Where a telemetry device is drawn: its batch (index into `TwinScene.batches`) and instance. */
export interface DeviceSlot {
  batchIndex: number;
  instance: number;
}

/** A closed plan outline on the ground (site boundary, enterprise plot). */
export interface GroundOutline {
  /** Site or enterprise id. */
  id: string;
  kind: 'site' | 'enterprise';
  /** Scene (x, z) pairs at ground level (y = 0), not closed (the last point is not the first repeated). */
  points: Float32Array;
}

/** A whole site, ready to draw. */
export interface TwinScene {
  siteId: string;
  siteKind: 'chemical-park' | 'coal-mine';
  batches: readonly InstanceBatch[];
  pois: readonly PointOfInterest[];
  /** The site boundary first, then enterprise plots (parks; a mine's lease is its boundary). */
  outlines: readonly GroundOutline[];
  bounds: SceneBounds;
  /** Size of sensor and valve markers, metres (larger than life so they read across the site). */
  markerSizeM: number;
  /** Finds the instance that draws a device; undefined for devices not drawn. */
  slotOf(deviceId: string): DeviceSlot | undefined;
  /** Every drawn device id, in batch then instance order. */
  deviceIds(): IterableIterator<string>;
}
