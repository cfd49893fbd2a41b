// The methane power-cut interlock's set-points, per CH4 sensor, read from the site description:
// alarm level (the sensor's `high` set-point), power-cut and restore levels and the power-cut
// range (`powerCut`), and the machines of the range the hub can switch. The levels come from the
// set-point table of 煤矿安全规程 / AQ 1029-2019 (src/setpoints.ts METHANE_SETPOINTS), written into
// each sensor by the site generator; this module reads what the description says, so a mine with
// other (stricter) values is honoured.
import type { CoalMine } from '../../schema/site.ts';
import type { MethanePlacement } from '../../setpoints.ts';
import { METHANE_SETPOINTS } from '../../setpoints.ts';

/** Staleness: a sensor silent for this many reporting intervals has failed (the hub's rule, DESIGN.md §5 / README "Truthful"). */
export const STALE_INTERVALS = 3;

/** One methane sensor as the interlock sees it. */
export interface InterlockSensor {
  sensorId: string;
  placement: MethanePlacement | null;
  /** Roadway the sensor hangs in (null if the description does not say). */
  roadwayId: string | null;
  /** Alarm at ≥ this, %vol CH4 (the sensor's `high` set-point, else the table's row). */
  alarmPct: number | null;
  /** Cut power at ≥ this, %vol; null: the sensor alarms only (e.g. a main return). */
  cutAtPct: number | null;
  /** Restore only below this, %vol. */
  restoreBelowPct: number | null;
  /** Every non-intrinsically-safe machine of the power-cut range (equipment ids). */
  rangeEquipmentIds: string[];
  /** Of those, the machines the hub may switch (remote power control); the rest must be switched off locally. */
  remoteEquipmentIds: string[];
  /** Non-intrinsically-safe machines of the range without remote control (fans under 风电闭锁, local switchgear). */
  manualEquipmentIds: string[];
  /** Expected reporting interval, ms; silent for {@link STALE_INTERVALS}× this is a fault. */
  intervalMs: number;
  /** Physically possible range of `ch4_pct` (a reading outside it is a sensor fault). */
  minPct: number;
  maxPct: number;
}

/** One machine a methane sensor may cut. */
export interface InterlockMachine {
  equipmentId: string;
  deviceId: string;
  roadwayId: string | null;
  remotePowerControl: boolean;
}

/** The interlock's view of a mine: its CH4 sensors with their levels and ranges, and the machines in any range. */
export interface InterlockTable {
  sensors: InterlockSensor[];
  machines: Map<string, InterlockMachine>;
}

/**
 * Builds the interlock table of a mine from its description. Intrinsically safe equipment never
 * belongs to a range (the schema refuses it; it is filtered here again so a hand-made description
 * cannot make the interlock cut a monitoring outstation).
 */
export function interlockTable(mine: Pick<CoalMine, 'sensors' | 'equipment'>): InterlockTable {
  const equipment = new Map(mine.equipment.map((e) => [e.id, e]));
  const machines = new Map<string, InterlockMachine>();
  const sensors: InterlockSensor[] = [];
  for (const s of mine.sensors) {
    if (s.kind !== 'gas-ch4') continue;
    const spec = s.metrics.ch4_pct;
    const row = s.placement ? METHANE_SETPOINTS[s.placement] : null;
    const range = (s.powerCut?.equipmentIds ?? []).map((id) => equipment.get(id)).filter((e) => e !== undefined && !e.intrinsicallySafe);
    for (const e of range) machines.set(e!.id, { equipmentId: e!.id, deviceId: e!.deviceId, roadwayId: e!.roadwayId, remotePowerControl: e!.remotePowerControl });
    sensors.push({
      sensorId: s.id,
      placement: s.placement ?? null,
      roadwayId: s.roadwayId ?? null,
      alarmPct: s.setpoints?.metric === 'ch4_pct' && s.setpoints.high !== null ? s.setpoints.high : (row?.alarmPct ?? null),
      cutAtPct: s.powerCut?.cutAtPct ?? null,
      restoreBelowPct: s.powerCut?.restoreBelowPct ?? null,
      rangeEquipmentIds: range.map((e) => e!.id),
      remoteEquipmentIds: range.filter((e) => e!.remotePowerControl).map((e) => e!.id),
      manualEquipmentIds: range.filter((e) => !e!.remotePowerControl).map((e) => e!.id),
      intervalMs: s.intervalMs,
      minPct: spec?.minValue ?? 0,
      maxPct: spec?.maxValue ?? 100,
    });
  }
  return { sensors, machines };
}
