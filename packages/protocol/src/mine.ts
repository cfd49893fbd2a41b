// A coal mine as the hub's REST API answers it (apps/realtime/src/routes/mine-routes.ts): the
// tagged people and their withdrawal orders, the machines' power under the methane interlock,
// personnel zones, attendance underground, the dispatcher's pages, trajectories and the roof.
// The hub's services return these types and the wall reads them, so both are checked against
// one contract. Plain shapes only: protocol does not depend on twin-models, so its Enu, CutCause,
// SensorFault and EscapePlan decision are restated here field for field.
import type { HubText, SiteName } from './hub-text.ts';

/** A point in site metres east, north and up of the site origin (twin-models Enu). */
export interface MinePoint {
  eastM: number;
  northM: number;
  upM: number;
}

/** A bilingual name, as the site description gives it. */
export type MineName = SiteName;

/** Why a methane sensor failed: silent too long, or a reading outside its physical range (twin-models SensorFault). */
export type MethaneSensorFault = 'stale' | 'out-of-range';

/** One methane sensor holding a machine cut (twin-models CutCause). */
export interface InterlockCutCause {
  sensorId: string;
  /** `level`: a reading at or above the power-cut level; `fault`: the sensor failed. */
  kind: 'level' | 'fault';
  fault: MethaneSensorFault | null;
  /** The reading that cut (null for a silent sensor), %vol CH4. */
  readingPct: number | null;
  /** The level it was judged against (the power-cut level), %vol. */
  setpointPct: number;
  atMs: number;
}

/** What an escape plan decided for a person (twin-models EscapePlan['decision']). */
export type EscapeDecision = 'surface' | 'refuge' | 'beyond-self-rescuer' | 'no-route';

/** Where a person stands: at work (no order), or in a withdrawal. */
export type PersonState = 'working' | 'paged' | 'acknowledged' | 'withdrawing' | 'safe' | 'no-route';

/** One person's withdrawal order. */
export interface PersonOrderView {
  withdrawalId: string;
  decision: EscapeDecision;
  reason: string;
  destination: { kind: 'shaft' | 'refuge'; id: string } | null;
  roadwayIds: string[];
  /** The escape route in site metres. */
  polyline: MinePoint[];
  etaS: number | null;
  selfRescuerS: number | null;
  pagedAt: number;
  /** The page command's outcome (acknowledged = the tag took it). */
  pageState: string;
  /** When the wearer acknowledged (sensor time of the first page_ack = 1 after the page), ms. */
  ackedAt: number | null;
  safeAt: number | null;
}

/** One tagged person (GET /sites/:id/people). */
export interface PersonView {
  personId: string;
  name: string;
  team: string;
  tagDeviceId: string;
  position: MinePoint | null;
  roadwayId: string | null;
  chainageM: number | null;
  reportedAt: number | null;
  /** `working` without an order. */
  state: PersonState;
  order: PersonOrderView | null;
}

/** A withdrawal ordered for an area (also the answer to POST /sites/:id/withdrawals). */
export interface WithdrawalView {
  id: string;
  at: number;
  /** In English, or as the commander typed it. */
  reason: string;
  /** The hub's own reason (an interlock cut, a CO alarm) as a key with values, for the wall to word in its language; absent for a commander's words and withdrawals stored before. */
  reasonText?: HubText | null;
  orderedBy: string;
  sourceRoadwayIds: string[];
  affectedRoadwayIds: string[];
  personIds: string[];
}

/** The people of a mine and the withdrawals under way (GET /sites/:id/people). */
export interface SitePeopleView {
  siteId: string;
  at: number;
  people: PersonView[];
  /** Newest first. */
  withdrawals: WithdrawalView[];
  /** People under an order and not yet safe. */
  stillInside: number;
}

/** The latest interlock command to a machine and how it ended. */
export interface MachineCommandView {
  action: 'power.cut' | 'power.restore';
  /** Command record id (the `commands` table), null until the command is stored. */
  commandId: string | null;
  /** Gateway outcome: sent, acknowledged, rejected, timeout, no-gateway. */
  state: string;
  issuedAt: number;
  /** When the machine's `powered` feedback confirmed it (hub clock), or null. */
  confirmedAt: number | null;
  /** Why it failed (not acknowledged, no feedback in time), or null. */
  failure: string | null;
}

/** One machine of the mine (GET /sites/:id/power). */
export interface MachinePowerView {
  equipmentId: string;
  deviceId: string;
  name: MineName;
  kind: string;
  roadwayId: string | null;
  intrinsicallySafe: boolean;
  remotePowerControl: boolean;
  /** Latest `powered` feedback (1 powered, 0 cut), null before the first report. */
  powered: 0 | 1 | null;
  /** Sensor time of that report, ms. */
  reportedAt: number | null;
  /** The methane sensors holding it cut now (empty: the interlock does not hold it). */
  heldBy: InterlockCutCause[];
  /** Held cut, but it has no remote power control: must be switched off locally. */
  cutLocally: boolean;
  command: MachineCommandView | null;
  /** A level-1 "power cut failed" alarm stands on it. */
  cutFailed: boolean;
}

/** One methane sensor of the interlock. */
export interface InterlockSensorView {
  sensorId: string;
  placement: string | null;
  roadwayId: string | null;
  alarmPct: number | null;
  cutAtPct: number | null;
  restoreBelowPct: number | null;
  rangeEquipmentIds: string[];
  /** Latest reading, %vol, and when it was heard (hub clock), null before the first. */
  valuePct: number | null;
  heardAt: number | null;
  cutting: boolean;
  fault: MethaneSensorFault | null;
}

/** One cut or restore decided by the interlock. */
export interface InterlockLogEntry {
  /** When the interlock decided (hub clock), ms. */
  at: number;
  action: 'cut' | 'restore';
  sensorId: string;
  /** `cut-level`, `sensor-fault` or `restore-level`. */
  kind: string;
  fault: MethaneSensorFault | null;
  readingPct: number | null;
  setpointPct: number;
  /** Sensor time of the reading (or of the fault), ms. */
  readingAt: number;
  equipmentIds: string[];
  /** Machines of the range to switch off locally (no remote control). */
  manualEquipmentIds: string[];
}

/** The power state of a mine (GET /sites/:id/power). */
export interface SitePowerView {
  siteId: string;
  at: number;
  machines: MachinePowerView[];
  sensors: InterlockSensorView[];
  /** Latest cuts and restores, newest first. */
  log: InterlockLogEntry[];
}

/** A person in a zone or underground. */
export interface PersonPlaceView {
  personId: string;
  name: string;
  team: string;
  tagDeviceId: string;
  roadwayId: string | null;
  chainageM: number | null;
  reportedAt: number | null;
}

/** One personnel zone now (an item of GET /sites/:id/zones; PATCH /sites/:id/zones/:zoneId answers one). */
export interface ZoneView {
  zoneId: string;
  name: MineName;
  roadwayIds: string[];
  /** Null: no limit. */
  headcountLimit: number | null;
  restricted: boolean;
  authorizedTeams: string[];
  basis: string;
  /** Who last changed the limit or restriction through the API, and when; null: as described. */
  updatedBy: string | null;
  updatedAt: number | null;
  headcount: number;
  overcrowded: boolean;
  people: PersonPlaceView[];
}

/** The zones of a mine (GET /sites/:id/zones). */
export interface SiteZonesView {
  siteId: string;
  zones: ZoneView[];
}

/** One stay underground, opened at the descent and closed on the surface. */
export interface AttendanceRecord {
  personId: string;
  tagDeviceId: string;
  /** Sensor time of the first reading underground, ms. */
  downAt: number;
  /** Whether the descent was seen (a surface reading before it); false: first seen already underground. */
  downObserved: boolean;
  /** Shaft nearest to the crossing (roadway id), or null. */
  downShaftId: string | null;
  /** Sensor time of the first reading on the surface after the stay; null while underground. */
  upAt: number | null;
  upShaftId: string | null;
}

/** Attendance of a mine (GET /sites/:id/attendance). */
export interface AttendanceView {
  siteId: string;
  from: number;
  to: number;
  /** People underground now, with when they went down. */
  underground: Array<PersonPlaceView & { downAt: number; hoursUnderground: number; overtime: boolean }>;
  /** Stays overlapping the window, newest first. */
  stays: Array<AttendanceRecord & { name: string; team: string }>;
}

/** Where a page goes: one person, or everyone in a zone. */
export type PageTarget = { personId: string } | { zoneId: string };

/** One person a page went to. */
export interface PageRecipientView {
  personId: string;
  name: string;
  tagDeviceId: string;
  /** The `tag.page` command's outcome (acknowledged = the tag took it), `failed` if not sent. */
  commandState: string;
  /** Sensor time of the wearer's acknowledgement (first page_ack = 1 at or after the page), ms. */
  ackedAt: number | null;
}

/** A page (POST /sites/:id/pages answers one). */
export interface PageView {
  id: string;
  siteId: string;
  at: number;
  sentBy: string;
  to: PageTarget;
  text: string;
  recipients: PageRecipientView[];
  /** Recipients who acknowledged / all. */
  acknowledged: number;
}

/** The pages of a mine, newest first (GET /sites/:id/pages). */
export interface SitePagesView {
  siteId: string;
  pages: PageView[];
}

/** One point of a trajectory. */
export interface TrajectoryPoint {
  /** Sensor time, epoch ms. */
  ts: number;
  position: MinePoint;
  /** The walkable roadway nearest the position and the chainage on it, m; null on the surface. */
  roadwayId: string | null;
  chainageM: number | null;
}

/** A person's trajectory in a window (GET /sites/:id/people/:personId/trajectory). */
export interface TrajectoryView {
  personId: string;
  tagDeviceId: string;
  /** The window [from, to), epoch ms. */
  from: number;
  to: number;
  /** Each point stands for the first position of a bucket this long, ms (1: every stored position). */
  bucketMs: number;
  points: TrajectoryPoint[];
}

/** Roof states, worst last. */
export const ROOF_STATES = ['no-data', 'normal', 'rising', 'warning', 'danger'] as const;
/** One of {@link ROOF_STATES}: `rising` = rate alarm, `warning` = high, `danger` = high-high. */
export type RoofState = (typeof ROOF_STATES)[number];

/** One roof-displacement sensor. */
export interface RoofSensorView {
  sensorId: string;
  roadwayId: string | null;
  position: MinePoint;
  valueMm: number | null;
  readAt: number | null;
  /** Change over the last hour, mm/h; null with less than half an hour of readings. */
  rateMmH: number | null;
  warningMm: number | null;
  dangerMm: number | null;
  state: RoofState;
  /** Active alarm kinds on the sensor (`high`, `high-high`, `rate`, sensor health…). */
  alarms: string[];
}

/** The roof of a mine (GET /sites/:id/roof). */
export interface SiteRoofView {
  siteId: string;
  at: number;
  sensors: RoofSensorView[];
  /** Worst state of each roadway with roof sensors. */
  roadways: Array<{ roadwayId: string; state: RoofState; sensorIds: string[] }>;
}
