// Which gas detectors see a leaked substance, and what they read for a concentration in ppm.
// Our mapping (documented in the README): a toxic detector (electrochemical cell) sees its own
// gas only, in ppm; a flammable detector (catalytic bead / infrared, calibrated per gas) sees
// every substance with a lower explosive limit, in %LEL with the LEL of the plume engine's
// chemical library. Cross-sensitivities and oxygen displacement are not modelled.
import type { Chemical } from '@safetwin/sim';
import type { Sensor, SensorKind } from '@safetwin/twin-models';

/** The one gas each toxic detector kind is made for (formula as in the plume engine's library). */
export const TOXIC_DETECTOR_GAS: Readonly<Partial<Record<SensorKind, string>>> = {
  'gas-cl2': 'Cl2',
  'gas-nh3': 'NH3',
  'gas-h2s': 'H2S',
  'gas-co': 'CO',
  'gas-hcl': 'HCl',
  'gas-so2': 'SO2',
};

/** What a detector reports for a leaked substance: the metric and its value per ppm in air. */
export interface DetectorResponse {
  metric: string;
  /** Metric units per ppm (1 for ppm metrics; 100 / (LEL vol % × 10⁴) for %LEL). */
  perPpm: number;
}

/** Whether detectors of `kind` see `chemical` at all. */
export function kindSees(kind: SensorKind, chemical: Chemical): boolean {
  if (kind === 'gas-flammable') return chemical.lelVolPct !== undefined && chemical.lelVolPct > 0;
  return TOXIC_DETECTOR_GAS[kind] === chemical.id;
}

/** The response of `sensor` to `chemical`, or null when it does not see it (or lacks the metric). */
export function detectorResponse(sensor: Sensor, chemical: Chemical): DetectorResponse | null {
  if (!kindSees(sensor.kind, chemical)) return null;
  if (sensor.kind === 'gas-flammable') {
    // 100 %LEL = LEL vol % = LEL × 10⁴ ppm.
    return sensor.metrics.lel_pct ? { metric: 'lel_pct', perPpm: 100 / (chemical.lelVolPct! * 1e4) } : null;
  }
  const metric = Object.keys(sensor.metrics).find((m) => m.endsWith('_ppm'));
  return metric ? { metric, perPpm: 1 } : null;
}
