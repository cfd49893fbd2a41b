// A concentration field from threat-zone polygons, for callers that hold zones (AEGL-1/2/3
// footprints in site metres) rather than a plume function: inside a zone the field is that
// zone's level, the highest of the zones containing the point. A step field and a lower bound
// of the true concentration (inside the AEGL-2 zone it is at least AEGL-2). Pure.
import type { EnuPlan } from '../geo.ts';
import { pointInPolygon } from '../geometry.ts';
import type { ConcentrationField } from './dose.ts';

/** One zone: its level and plan footprint, optionally valid only over [fromS, toS). */
export interface ForecastZone {
  ppm: number;
  polygon: readonly EnuPlan[];
  fromS?: number;
  toS?: number;
}

/** The step field of a set of zones (0 outside all of them). */
export function zoneStepField(zones: readonly ForecastZone[]): ConcentrationField {
  return (eastM, northM, tS) => {
    let ppm = 0;
    for (const z of zones) {
      if (z.ppm <= ppm || tS < (z.fromS ?? -Infinity) || tS >= (z.toS ?? Infinity)) continue;
      if (pointInPolygon({ eastM, northM }, z.polygon)) ppm = z.ppm;
    }
    return ppm;
  };
}
