// What GET /sites/:id/power answers (the integrator routes MethaneInterlock.power): each machine
// powered or cut, by which sensor and reading, each methane sensor with its levels, and the
// recent cuts and restores.
import type { CutCause, SensorFault } from '@safetwin/twin-models';

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

/** One machine of the mine. */
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
  /** Sensor time of that report, ms. */
  reportedAt: number | null;
  /** The methane sensors holding it cut now (empty: the interlock does not hold it). */
  heldBy: CutCause[];
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
  fault: SensorFault | null;
}

/** One cut or restore decided by the interlock. */
export interface InterlockLogEntry {
  /** When the interlock decided (hub clock), ms. */
  at: number;
  action: 'cut' | 'restore';
  sensorId: string;
  /** `cut-level`, `sensor-fault` or `restore-level`. */
  kind: string;
  fault: SensorFault | null;
  readingPct: number | null;
  setpointPct: number;
  /** Sensor time of the reading (or of the fault), ms. */
  readingAt: number;
  equipmentIds: string[];
  /** Machines of the range to switch off locally (no remote control). */
  manualEquipmentIds: string[];
}

/** The power state of a mine. */
export interface SitePowerView {
  siteId: string;
  at: number;
  machines: MachinePowerView[];
  sensors: InterlockSensorView[];
  /** Latest cuts and restores, newest first. */
  log: InterlockLogEntry[];
}
