// Methane power-cut interlock (pure): set-points per CH4 sensor from the site description, and
// the cut / restore decisions with hysteresis and fail-safe sensor faults.
export { interlockTable, STALE_INTERVALS } from './interlock-table.ts';
export type { InterlockSensor, InterlockMachine, InterlockTable } from './interlock-table.ts';
export {
  applyInterlockEvent, createInterlockState, heldMachines, indexInterlock, isNewerReading, isPlausiblePct, markReadingTime, staleSensors,
} from './interlock-logic.ts';
export type {
  CutCause, InterlockDecision, InterlockEvent, InterlockIndex, InterlockReason, InterlockState, SensorFault,
} from './interlock-logic.ts';
