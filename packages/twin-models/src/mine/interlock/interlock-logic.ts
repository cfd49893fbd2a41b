// The methane power-cut interlock (甲烷断电闭锁), pure: each CH4 sensor latches "cutting" at or
// above its power-cut level and releases only on a valid reading below its restore level
// (hysteresis); a machine of the power-cut ranges is held cut while any sensor whose range holds
// it is cutting, and restored only when the last of them releases. A failed sensor — silent
// (stale) or reading outside its physical range — cuts its range too (fail-safe) and releases
// like a high reading: only on a valid reading below the restore level.
//
// Fail-safe on a sensor fault: AQ 6201-2019 (煤矿安全监控系统通用技术要求) and AQ 1029-2019
// (煤矿安全监控系统及检测仪器使用管理规范) require that a methane sensor's fault or the loss of its
// signal cut the power of every non-intrinsically-safe machine in its power-cut range and keep it
// locked out until the sensor works again (故障闭锁 / 断线断电); a failed detector must never be taken
// for a safe one.
//
// Readings are taken in the order they were measured, not received: store-and-forward batches and
// retries deliver late or repeated readings, and a late low reading must never release a cut that a
// newer high one caused. A reading stamped at or before the newest one seen from its sensor is
// ignored. Faults are never ignored (fail-safe); they carry the hub's clock, not the sensor's, so
// they do not move the sensor's newest reading time.
//
// No clock and no I/O: time arrives with the events; the state is a plain object updated in place.
import type { InterlockSensor, InterlockTable } from './interlock-table.ts';
import { STALE_INTERVALS } from './interlock-table.ts';

/** Why a sensor fails: silent for {@link STALE_INTERVALS} intervals, or a reading outside the physical range. */
export type SensorFault = 'stale' | 'out-of-range';

/** What the interlock hears: a valid reading, or a sensor fault. */
export type InterlockEvent =
  | { kind: 'reading'; sensorId: string; valuePct: number; atMs: number }
  | { kind: 'fault'; sensorId: string; fault: SensorFault; valuePct: number | null; atMs: number };

/** Why a sensor holds its range cut. */
export interface CutCause {
  sensorId: string;
  /** `level`: a reading at or above the power-cut level; `fault`: the sensor failed. */
  kind: 'level' | 'fault';
  fault: SensorFault | null;
  /** The reading that cut (null for a silent sensor), %vol CH4. */
  readingPct: number | null;
  /** The level it was judged against, %vol (the power-cut level). */
  setpointPct: number;
  atMs: number;
}

/** Why the interlock acted. */
export interface InterlockReason {
  sensorId: string;
  /** `cut-level`: ≥ the cut level; `sensor-fault`: failed sensor; `restore-level`: below the restore level. */
  kind: 'cut-level' | 'sensor-fault' | 'restore-level';
  fault: SensorFault | null;
  readingPct: number | null;
  /** The set-point crossed: the cut level (cut, fault) or the restore level (restore), %vol. */
  setpointPct: number;
  atMs: number;
}

/** One decision: machines to cut and machines to restore, and why. */
export interface InterlockDecision {
  /** Machines (equipment ids) the hub must cut now (the whole remotely switchable range; cutting a cut machine is harmless). */
  cut: string[];
  /** Non-intrinsically-safe machines of the range without remote control: to be switched off locally. */
  cutManually: string[];
  /** Remotely switchable machines no cutting sensor holds any more: the hub may restore them. */
  restore: string[];
  reason: InterlockReason;
}

/** The interlock's memory: which sensors are cutting, and the newest reading time of each sensor. */
export interface InterlockState {
  cutting: Map<string, CutCause>;
  /** Sensor id → measurement time (ms) of the newest reading taken; older or repeated readings are ignored. */
  newestReadingAtMs: Map<string, number>;
}

/** An interlock with nothing cutting. */
export function createInterlockState(): InterlockState {
  return { cutting: new Map(), newestReadingAtMs: new Map() };
}

/** Whether a reading measured at `atMs` is newer than every reading taken from its sensor so far. */
export function isNewerReading(state: InterlockState, sensorId: string, atMs: number): boolean {
  const newest = state.newestReadingAtMs.get(sensorId);
  return newest === undefined || atMs > newest;
}

/** Raises a sensor's newest reading time to `atMs` (never lowers it): readings up to it are ignored from now on. */
export function markReadingTime(state: InterlockState, sensorId: string, atMs: number): void {
  if (isNewerReading(state, sensorId, atMs)) state.newestReadingAtMs.set(sensorId, atMs);
}

/** Index of a table's sensors by id and of the sensors whose range holds each machine (built once per table). */
export interface InterlockIndex {
  sensor: Map<string, InterlockSensor>;
  /** Equipment id → ids of the sensors whose range holds it. */
  holders: Map<string, string[]>;
}

/** Indexes a table for {@link applyInterlockEvent}. */
export function indexInterlock(table: InterlockTable): InterlockIndex {
  const sensor = new Map(table.sensors.map((s) => [s.sensorId, s]));
  const holders = new Map<string, string[]>();
  for (const s of table.sensors) {
    if (s.cutAtPct === null) continue;
    for (const id of s.rangeEquipmentIds) holders.set(id, [...(holders.get(id) ?? []), s.sensorId]);
  }
  return { sensor, holders };
}

/** Whether a value is a reading the sensor can physically give. */
export function isPlausiblePct(sensor: Pick<InterlockSensor, 'minPct' | 'maxPct'>, valuePct: number): boolean {
  return Number.isFinite(valuePct) && valuePct >= sensor.minPct && valuePct <= sensor.maxPct;
}

/** Sensors of the table silent for {@link STALE_INTERVALS} intervals at `nowMs`, given when each was last heard (ms; absent: never). */
export function staleSensors(table: InterlockTable, lastHeardMs: ReadonlyMap<string, number>, sinceMs: number, nowMs: number): string[] {
  return table.sensors
    .filter((s) => nowMs - (lastHeardMs.get(s.sensorId) ?? sinceMs) > STALE_INTERVALS * s.intervalMs)
    .map((s) => s.sensorId);
}

/** Machines (equipment ids) held cut now, each with the causes holding it. */
export function heldMachines(index: InterlockIndex, state: InterlockState): Map<string, CutCause[]> {
  const out = new Map<string, CutCause[]>();
  for (const [sensorId, cause] of state.cutting) {
    for (const id of index.sensor.get(sensorId)?.rangeEquipmentIds ?? []) out.set(id, [...(out.get(id) ?? []), cause]);
  }
  return out;
}

/**
 * Applies one event to the interlock state (in place) and returns what to do: at most one
 * decision. A sensor without a power-cut level (alarm only) never decides; an unknown sensor is
 * ignored. A reading that is not plausible is handled as an `out-of-range` fault. A reading
 * measured at or before the newest one taken from its sensor (late, out of order, or re-sent) is
 * ignored, so it can neither restore nor cut.
 */
export function applyInterlockEvent(index: InterlockIndex, state: InterlockState, event: InterlockEvent): InterlockDecision | null {
  const sensor = index.sensor.get(event.sensorId);
  if (!sensor) return null;
  if (event.kind === 'reading') {
    if (!isNewerReading(state, sensor.sensorId, event.atMs)) return null;
    state.newestReadingAtMs.set(sensor.sensorId, event.atMs);
  }
  if (sensor.cutAtPct === null || sensor.restoreBelowPct === null) return null;
  const cutAt = sensor.cutAtPct;
  const restoreBelow = sensor.restoreBelowPct;
  const current = state.cutting.get(sensor.sensorId);
  const fault: SensorFault | null = event.kind === 'fault' ? event.fault : isPlausiblePct(sensor, event.valuePct) ? null : 'out-of-range';
  const valuePct = event.valuePct;

  if (fault !== null) {
    // A fault cuts (or keeps cutting); a standing cut keeps its first cause unless it was a level that is now a fault.
    if (current && current.kind === 'fault') return null;
    const cause: CutCause = { sensorId: sensor.sensorId, kind: 'fault', fault, readingPct: valuePct, setpointPct: cutAt, atMs: event.atMs };
    state.cutting.set(sensor.sensorId, cause);
    if (current) return null; // already cutting on a high reading: the range is cut
    return cutDecision(sensor, { sensorId: sensor.sensorId, kind: 'sensor-fault', fault, readingPct: valuePct, setpointPct: cutAt, atMs: event.atMs });
  }

  const v = valuePct as number;
  if (!current) {
    if (v < cutAt) return null;
    state.cutting.set(sensor.sensorId, { sensorId: sensor.sensorId, kind: 'level', fault: null, readingPct: v, setpointPct: cutAt, atMs: event.atMs });
    return cutDecision(sensor, { sensorId: sensor.sensorId, kind: 'cut-level', fault: null, readingPct: v, setpointPct: cutAt, atMs: event.atMs });
  }
  if (v >= restoreBelow) {
    // Still at or above the restore level: stays cut. A recovered sensor reading high now holds on its level.
    if (current.kind === 'fault' && v >= cutAt) state.cutting.set(sensor.sensorId, { ...current, kind: 'level', fault: null, readingPct: v, atMs: event.atMs });
    return null;
  }
  state.cutting.delete(sensor.sensorId);
  const restore = sensor.remoteEquipmentIds.filter((id) => !(index.holders.get(id) ?? []).some((other) => state.cutting.has(other)));
  return { cut: [], cutManually: [], restore, reason: { sensorId: sensor.sensorId, kind: 'restore-level', fault: null, readingPct: v, setpointPct: restoreBelow, atMs: event.atMs } };
}

function cutDecision(sensor: InterlockSensor, reason: InterlockReason): InterlockDecision {
  return { cut: [...sensor.remoteEquipmentIds], cutManually: [...sensor.manualEquipmentIds], restore: [], reason };
}
