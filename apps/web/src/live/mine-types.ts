// The hub's answers about a mine, as the wall reads them. They mirror the hub's own views
// (apps/realtime/src/mine/withdrawal/withdrawal-service.ts SitePeopleView, interlock/power-view.ts
// SitePowerView) field for field; the web app does not depend on the hub's sources, and the
// client's tests read these shapes from a real hub (mine-client.test.ts).
import type { CutCause, Enu } from '@safetwin/twin-models';

/** Where a person stands: at work, or in a withdrawal. */
export type PersonState = 'working' | 'paged' | 'acknowledged' | 'withdrawing' | 'safe' | 'no-route';

/** One person's withdrawal order. */
export interface PersonOrderView {
  withdrawalId: string;
  /** `surface`, `refuge`, `beyond-self-rescuer` or `no-route` (twin-models EscapePlan). */
  decision: string;
  reason: string;
  destination: { kind: 'shaft' | 'refuge'; id: string } | null;
  roadwayIds: string[];
  /** The escape route in site metres. */
  polyline: Enu[];
  etaS: number | null;
  selfRescuerS: number | null;
  pagedAt: number;
  pageState: string;
  ackedAt: number | null;
  safeAt: number | null;
}

/** One tagged person (GET /sites/:id/people). */
export interface PersonView {
  personId: string;
  name: string;
  team: string;
  tagDeviceId: string;
  position: Enu | null;
  roadwayId: string | null;
  chainageM: number | null;
  reportedAt: number | null;
  state: PersonState;
  order: PersonOrderView | null;
}

/** A withdrawal ordered for an area. */
export interface WithdrawalView {
  id: string;
  at: number;
  reason: string;
  orderedBy: string;
  sourceRoadwayIds: string[];
  affectedRoadwayIds: string[];
  personIds: string[];
}

/** The people of a mine and the withdrawals under way. */
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
  commandId: string | null;
  state: string;
  issuedAt: number;
  confirmedAt: number | null;
  failure: string | null;
}

/** One machine of the mine (GET /sites/:id/power). */
export interface MachinePowerView {
  equipmentId: string;
  deviceId: string;
  name: { zh: string; en: string };
  kind: string;
  roadwayId: string | null;
  intrinsicallySafe: boolean;
  remotePowerControl: boolean;
  /** Latest `powered` feedback (1 powered, 0 cut), null before the first report. */
  powered: 0 | 1 | null;
  reportedAt: number | null;
  /** The methane sensors holding it cut now. */
  heldBy: CutCause[];
  cutLocally: boolean;
  command: MachineCommandView | null;
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
  valuePct: number | null;
  heardAt: number | null;
  cutting: boolean;
  fault: string | null;
}

/** One cut or restore decided by the interlock. */
export interface InterlockLogEntry {
  at: number;
  action: 'cut' | 'restore';
  sensorId: string;
  kind: string;
  fault: string | null;
  readingPct: number | null;
  setpointPct: number;
  readingAt: number;
  equipmentIds: string[];
  manualEquipmentIds: string[];
}

/** The power state of a mine. */
export interface SitePowerView {
  siteId: string;
  at: number;
  machines: MachinePowerView[];
  sensors: InterlockSensorView[];
  /** Newest first. */
  log: InterlockLogEntry[];
}

/** One personnel zone now (GET /sites/:id/zones), as the wall reads it. */
export interface ZoneView {
  zoneId: string;
  name: { zh: string; en: string };
  roadwayIds: string[];
  /** Null: no limit. */
  headcountLimit: number | null;
  restricted: boolean;
  headcount: number;
  overcrowded: boolean;
  people: Array<{ personId: string; name: string; team: string; roadwayId: string | null }>;
}

/** The zones of a mine. */
export interface SiteZonesView {
  siteId: string;
  zones: ZoneView[];
}

/** Who is underground now (GET /sites/:id/attendance), as the wall reads it. */
export interface AttendanceView {
  siteId: string;
  underground: Array<{ personId: string; name: string; downAt: number; hoursUnderground: number; overtime: boolean }>;
}
