// A weather station's wind over the last ten minutes, for the Pasquill class the wall shows. The
// class belongs to the boundary layer, not to the gust of one reading: read from the latest sample
// it flips with every gust across a class boundary (3.0 → 2.9 m/s turns C into B at noon), and it
// would disagree with the hub's incident assessment and the demo simulator's cloud, which both read
// it from a 10-minute trailing mean (WMO-No. 8, 2018, Part I ch. 5: wind averaged over 10 min;
// @safetwin/sim's STABILITY_AVERAGING_MS). Fed with every reading the wall receives and seeded from the
// hub's stored history when the wall opens and whenever its link to the hub comes back.
import { STABILITY_AVERAGING_MS } from '@safetwin/sim';

/** The mean of a station's samples over the averaging window. */
export interface WindMean {
  windSpeedMS: number;
  /** Mean global radiation of the samples that carry it, W/m²; null when none does. */
  solarRadWM2: number | null;
  samples: number;
  /** From the oldest to the newest sample averaged, ms (0 for one sample). */
  spanMs: number;
}

interface Sample {
  tMs: number;
  speedMS: number;
  solarWM2: number | null;
}

/** Recent wind samples per station, oldest first, kept for the averaging window. */
export class StationWind {
  private readonly byDevice = new Map<string, Sample[]>();

  constructor(readonly windowMs: number = STABILITY_AVERAGING_MS) {}

  /** Adds one reading's values at `tMs` (ignored without a finite, non-negative wind speed, or when that instant is already held). */
  add(deviceId: string, tMs: number, values: Readonly<Record<string, number>>): void {
    const speedMS = values.wind_speed_ms;
    if (speedMS === undefined || !Number.isFinite(speedMS) || speedMS < 0 || !Number.isFinite(tMs)) return;
    const solar = values.solar_rad_w_m2;
    const sample = { tMs, speedMS, solarWM2: solar !== undefined && Number.isFinite(solar) ? solar : null };
    let list = this.byDevice.get(deviceId);
    if (!list) this.byDevice.set(deviceId, (list = []));
    // History and live readings may arrive in either order: insert in time order, once per instant.
    let i = list.length;
    while (i > 0 && list[i - 1]!.tMs > tMs) i--;
    if (i > 0 && list[i - 1]!.tMs === tMs) return;
    list.splice(i, 0, sample);
    const oldest = list[list.length - 1]!.tMs - this.windowMs;
    let drop = 0;
    while (drop < list.length && list[drop]!.tMs < oldest) drop++;
    if (drop > 0) list.splice(0, drop);
  }

  /** The mean of `deviceId`'s samples in the window ending at `nowMs` (those after it left out); null without any. */
  mean(deviceId: string, nowMs: number): WindMean | null {
    const list = this.byDevice.get(deviceId);
    if (!list) return null;
    let n = 0, speed = 0, solarN = 0, solar = 0, first = Infinity, last = -Infinity;
    for (const s of list) {
      if (s.tMs <= nowMs - this.windowMs || s.tMs > nowMs) continue;
      n++;
      speed += s.speedMS;
      if (s.solarWM2 !== null) {
        solarN++;
        solar += s.solarWM2;
      }
      first = Math.min(first, s.tMs);
      last = Math.max(last, s.tMs);
    }
    if (n === 0) return null;
    return { windSpeedMS: speed / n, solarRadWM2: solarN > 0 ? solar / solarN : null, samples: n, spanMs: last - first };
  }
}
