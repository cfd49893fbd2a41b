// Shelter in place: the indoor concentration of a building with doors, windows and ventilation
// shut, from the single-zone mass balance dC_in/dt = λ (C_out − C_in), λ the air-exchange rate
// (Shair & Heitner 1974, Environ. Sci. Technol. 8:444; the indoor model of ALOHA, Jones et al.
// 2013, NOAA Tech. Memo. NOS OR&R 43, indoor air concentration). Solved exactly for an
// outdoor concentration held constant over each step (taken at the step's midpoint). Pure.
import type { EnuPlan } from '../geo.ts';
import type { ConcentrationField } from './dose.ts';

/**
 * Air changes per hour with doors, windows and HVAC shut, by building or equipment kind: our
 * choices within the infiltration ranges of ASHRAE Handbook—Fundamentals (2017) ch. 16 (tight
 * commercial buildings ≈ 0.1–0.5 h⁻¹, typical 0.5–1 h⁻¹, leaky industrial halls 1–3 h⁻¹);
 * control rooms and the command centre are taken as tight shelters (blast-resistant control
 * buildings, GB 50779-2012). Open structures (loading bays) count as outdoors.
 */
export const DEFAULT_AIR_CHANGES_PER_H: Readonly<Record<string, number>> = {
  'command-center': 0.3,
  'control-room': 0.3,
  office: 0.5,
  laboratory: 1.0,
  canteen: 1.0,
  substation: 1.0,
  gatehouse: 1.5,
  'fire-station': 1.5,
  warehouse: 2.0,
  workshop: 2.0,
  'pressure-station': 2.0,
};

/** Indoor and outdoor exposure of a building over the horizon. */
export interface IndoorExposure {
  airChangesPerH: number;
  indoorPeakPpm: number;
  indoorPeakAtS: number;
  /** ∫C_in dt over the horizon, ppm·s. */
  indoorDosePpmS: number;
  outdoorPeakPpm: number;
  /** Outdoor concentration at the horizon's end, ppm (the cloud has passed when it is low). */
  outdoorEndPpm: number;
}

/** Indoor concentration series of a building at `at` from `startS` over `horizonS`, steps of `stepS`. */
export function indoorExposure(field: ConcentrationField, at: EnuPlan, airChangesPerH: number, startS: number, horizonS: number, stepS: number, indoorPpm0 = 0): IndoorExposure {
  const lambdaPerS = airChangesPerH / 3600;
  const steps = Math.max(1, Math.ceil(horizonS / stepS));
  const dt = horizonS / steps;
  const decay = Math.exp(-lambdaPerS * dt);
  let cin = indoorPpm0, peak = cin, peakAt = startS, dose = 0, outPeak = 0, outEnd = 0;
  for (let i = 0; i < steps; i++) {
    const cout = field(at.eastM, at.northM, startS + (i + 0.5) * dt);
    // exact ∫ over the step of C_out + (C_in − C_out)·e^(−λt)
    dose += cout * dt + (lambdaPerS > 0 ? ((cin - cout) * (1 - decay)) / lambdaPerS : (cin - cout) * dt);
    cin = cout + (cin - cout) * decay;
    if (cin > peak) { peak = cin; peakAt = startS + (i + 1) * dt; }
    outPeak = Math.max(outPeak, cout);
    outEnd = cout;
  }
  outEnd = field(at.eastM, at.northM, startS + horizonS);
  return { airChangesPerH, indoorPeakPpm: peak, indoorPeakAtS: peakAt, indoorDosePpmS: dose, outdoorPeakPpm: Math.max(outPeak, outEnd), outdoorEndPpm: outEnd };
}

/**
 * Whether sheltering holds: the indoor concentration stays below AEGL-2 over the horizon and
 * the cloud has passed by its end (outdoors below AEGL-2 again). The peak test is conservative:
 * AEGL-2 is a 60-min level, and an indoor peak below it keeps every average below it.
 */
export function shelterHolds(e: IndoorExposure, aegl2Ppm: number): { holds: boolean; reason: string } {
  const r = (x: number) => Number(x.toPrecision(3));
  if (e.indoorPeakPpm >= aegl2Ppm) {
    return { holds: false, reason: `indoor concentration reaches ${r(e.indoorPeakPpm)} ppm ≥ AEGL-2 ${aegl2Ppm} ppm at ${e.airChangesPerH} air changes/h` };
  }
  if (e.outdoorEndPpm >= aegl2Ppm) {
    return { holds: false, reason: `the cloud has not passed by the horizon's end (outdoors ${r(e.outdoorEndPpm)} ppm ≥ AEGL-2): the indoor level keeps rising` };
  }
  return { holds: true, reason: `indoor peak ${r(e.indoorPeakPpm)} ppm stays below AEGL-2 ${aegl2Ppm} ppm while the cloud passes (outdoor peak ${r(e.outdoorPeakPpm)} ppm, ${e.airChangesPerH} air changes/h)` };
}
