// Wind as people read it on a wall: "from NE, 3.2 m/s", with an arrow pointing where the air goes.

/** The eight compass points, clockwise from north. */
export const COMPASS_POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
/** One of {@link COMPASS_POINTS}. */
export type CompassPoint = (typeof COMPASS_POINTS)[number];

/** Normalises any bearing to [0, 360) degrees. */
export function normaliseDeg(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** The nearest of the eight compass points to a bearing (degrees clockwise from north). */
export function compassPoint(bearingDeg: number): CompassPoint {
  return COMPASS_POINTS[Math.round(normaliseDeg(bearingDeg) / 45) % 8]!;
}

/** Where the wind blows to, degrees clockwise from north, given where it comes from (the meteorological convention of `wind_dir_deg`). */
export function windToDeg(windFromDeg: number): number {
  return normaliseDeg(windFromDeg + 180);
}

/** A weather station that can be chosen for the site's weather. */
export interface StationCandidate {
  deviceId: string;
  /** Mast height above ground, m. */
  heightM: number;
  /** Whether it reports on time now (not stale, not without data). */
  live: boolean;
  /** When it was last heard from, epoch ms; null: never. */
  lastHeardMs: number | null;
}

/** Standard anemometer height of the Pasquill table and of WMO practice, m. */
export const STANDARD_WIND_HEIGHT_M = 10;

/**
 * The station to show: a live one nearest the standard 10 m height; if none is live, the one
 * heard from most recently (shown as stale); null when the site has none.
 */
export function pickWeatherStation(candidates: readonly StationCandidate[]): StationCandidate | null {
  let best: StationCandidate | null = null;
  for (const c of candidates) {
    if (!best) best = c;
    else if (c.live !== best.live) {
      if (c.live) best = c;
    } else if (c.live) {
      if (Math.abs(c.heightM - STANDARD_WIND_HEIGHT_M) < Math.abs(best.heightM - STANDARD_WIND_HEIGHT_M)) best = c;
    } else if ((c.lastHeardMs ?? -Infinity) > (best.lastHeardMs ?? -Infinity)) best = c;
  }
  return best;
}
