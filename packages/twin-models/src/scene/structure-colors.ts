// Static colours of the twin's structure (sRGB 0xRRGGBB). They are muted on purpose: the
// saturated red / orange / yellow / blue belong to alarm levels and green / red to valve and
// power state, so nothing static may be mistaken for a live state on the dark wall.
import type { RoadwayKind } from '../schema/coal-mine.ts';
import type { Hex } from './batch-writer.ts';

/** Colours of chemical-park structure. */
export const PARK_COLORS = {
  /** Pressure spheres are painted white in practice; a light grey keeps them from glaring. */
  tankSphere: 0xc8d0d8,
  tankVertical: 0xa9b3bd,
  reactor: 0x7d92ad,
  column: 0x93a4b6,
  /** Warehouses, loading bays, control rooms and other box-shaped equipment. */
  equipmentBox: 0x66727f,
  building: 0x4c5663,
  dikeWall: 0x857a68,
  pipe: 0x8e8a9e,
  rackPost: 0x5d6470,
  weatherMast: 0xd8dde3,
} as const satisfies Record<string, Hex>;

/** Roadway tube colours by kind: intake air cool, return air warm-grey, working places sand. */
export const ROADWAY_COLORS: Readonly<Record<RoadwayKind, Hex>> = {
  shaft: 0xb4bcc6,
  'intake-airway': 0x5f93ad,
  'return-airway': 0x9a8678,
  haulage: 0x7f8f6e,
  'longwall-face': 0xd2c393,
  heading: 0xc9b486,
  'vent-duct': 0x8e99ad,
};

/** Colours of other coal-mine structure. */
export const MINE_COLORS = {
  /** Ventilation arrows in fresh (intake) air: pale cyan. */
  arrowFresh: 0xa8e0f0,
  /** Ventilation arrows in used (return) air: pale warm grey. */
  arrowReturn: 0xd8cfc4,
  refugeChamber: 0x6fb0a0,
  uwbAnchor: 0x7b8594,
  /** Machines before their power feedback is known (live colouring replaces it). */
  machine: 0x8a94a3,
  /** People before their tag is heard (they stay hidden until then). */
  miner: 0xffffff,
} as const satisfies Record<string, Hex>;

/** Sensor markers before their live state is known (live colouring replaces it). */
export const SENSOR_PENDING_COLOR: Hex = 0x6b7480;
