// Which gas a detector's metric measures and which leaked chemicals it sees, read from the
// metric's name and unit (DESIGN.md §4: the unit is the name's suffix): `cl2_ppm` is ppm of
// chlorine, `lel_pct` in %LEL is a flammable-gas detector. A toxic detector (electrochemical
// cell) sees its own gas only; a flammable detector (catalytic bead / infrared) sees every
// substance with a lower explosive limit — the same rule the demo simulator's leak follows
// (packages/simulator/src/leak/detector-response.ts). Cross-sensitivities are not modelled.
import { findChemical, type Chemical } from '@safetwin/sim';

/** What one gas metric measures: ppm of one gas (library key), or %LEL of any flammable. */
export type GasMeasure = { unit: 'ppm'; gas: string } | { unit: '%LEL' };

/** The measure of a metric, or null when it is no gas concentration of a known chemical (O₂ %vol, flow, …). */
export function gasMeasure(metric: string, unit: string): GasMeasure | null {
  if (unit === '%LEL') return { unit: '%LEL' };
  if (unit !== 'ppm' || !metric.endsWith('_ppm')) return null;
  const chemical = findChemical(metric.slice(0, -'_ppm'.length));
  return chemical ? { unit: 'ppm', gas: chemical.id } : null;
}

/** Whether a detector measuring `m` responds to a leak of `chemical`. */
export function measureSees(m: GasMeasure, chemical: Chemical): boolean {
  return m.unit === '%LEL' ? (chemical.lelVolPct ?? 0) > 0 : m.gas === chemical.id;
}

/**
 * Detection limit of a detector: 20 % of its level-1 alarm set-point, else 2 % of its range top,
 * in the metric's unit. The demo simulator's clean-air background is ≈ 4 % of the alarm and its
 * drift stays below that; 20 % is about 5× the background (the same share the source-estimation
 * bench uses, packages/simulator/bench/source-staging.ts). Our choice.
 */
export function detectionLimit(alarmHigh: number | null | undefined, rangeTop: number): number {
  return alarmHigh !== null && alarmHigh !== undefined && alarmHigh > 0 ? 0.2 * alarmHigh : 0.02 * rangeTop;
}
