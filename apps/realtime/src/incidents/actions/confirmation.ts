// When a closed valve counts as confirmed: a flow transmitter on its line, or a pressure
// transmitter of the isolated item, shows the drop a shut line gives. A leaking item loses
// pressure by itself; its fall before the command is the trend the shut line must beat, or a
// leak alone would "confirm" every valve, shut or not. Pure.
import { said, type Said } from '../../said.ts';
import type { ProcessSample } from './process-readings.ts';

/**
 * Flow confirms when it falls to at most this fraction of its value before the command (10 %:
 * the brief's criterion; a transmitter's zero reads within a few % of span, so a shut line reads
 * well under it while a throttled but open one does not).
 */
export const FLOW_CONFIRM_FRACTION = 0.1;
/** Pressure confirms when it has fallen by at least this fraction of its gauge value before the command (our choice, the same 10 %). */
export const PRESSURE_DROP_FRACTION = 0.1;
/** A line flowing less than this before the command cannot show a drop, kg/s (our choice: about 1 % of the demo park's transmitter spans). */
export const MIN_BASELINE_FLOW_KG_S = 0.05;
/** A vessel below this gauge pressure before the command cannot show a fall, kPa (our choice: atmospheric tanks read a few kPa). */
export const MIN_BASELINE_PRESSURE_KPA = 20;

/** How far before the command the pressure's trend is read from, ms (our choice: a minute, many transmitter samples). */
export const PRESSURE_TREND_MS = 60_000;

/**
 * The evidence text when `now` shows the drop against `before` (the last value before the command), else null. For
 * pressure, `earlier` (a value about PRESSURE_TREND_MS before `before`) gives the trend: when the pressure was already
 * falling, `now` must lie PRESSURE_DROP_FRACTION of the baseline below that fall carried on in a straight line (a
 * leaking vessel's pressure decays ever slower, so the straight line errs towards not confirming).
 */
export function dropEvidence(
  kind: 'flow' | 'pressure', deviceId: string, before: ProcessSample | undefined, now: ProcessSample | undefined, earlier?: ProcessSample,
): Said | null {
  if (!before || !now || now.ts <= before.ts) return null;
  if (kind === 'flow') {
    if (before.value < MIN_BASELINE_FLOW_KG_S || now.value > FLOW_CONFIRM_FRACTION * before.value) return null;
    const values = { device: deviceId, nowKgS: fmt(now.value), beforeKgS: fmt(before.value), pct: FLOW_CONFIRM_FRACTION * 100 };
    return said(`${deviceId} flow ${values.nowKgS} kg/s, was ${values.beforeKgS} kg/s before the command (≤ ${values.pct} %)`, 'valve.flow-drop', values);
  }
  if (before.value < MIN_BASELINE_PRESSURE_KPA) return null;
  const fallKpaPerS = earlier && earlier.ts < before.ts ? Math.max(0, (earlier.value - before.value) / ((before.ts - earlier.ts) / 1000)) : 0;
  const trendKpa = before.value - fallKpaPerS * ((now.ts - before.ts) / 1000);
  if (now.value > trendKpa - PRESSURE_DROP_FRACTION * before.value) return null;
  const values = { device: deviceId, nowKpa: fmt(now.value), beforeKpa: fmt(before.value), pct: PRESSURE_DROP_FRACTION * 100 };
  const en = `${deviceId} pressure ${values.nowKpa} kPa, was ${values.beforeKpa} kPa before the command (fell ≥ ${values.pct} %`;
  if (fallKpaPerS <= 0) return said(`${en})`, 'valve.pressure-drop', values);
  const fallKpaMin = fmt(fallKpaPerS * 60);
  return said(`${en}, beyond the ${fallKpaMin} kPa/min it was already falling)`, 'valve.pressure-drop-trend', { ...values, fallKpaMin });
}

const fmt = (x: number) => Math.round(x * 1000) / 1000;
