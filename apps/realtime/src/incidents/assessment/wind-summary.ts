// The wind of a stretch of station samples as one figure: mean speed, vector-mean direction and
// the directions' spread (σθ), plus the 10-s mean directions it swept through.
import type { StabilityClass, WindSample } from '@safetwin/sim';

const RAD = Math.PI / 180;
/** Bin of the swept directions, ms (the estimator's bin: source-estimation defaults). */
const SWEEP_BIN_MS = 10_000;

/** The wind over a stretch of samples. */
export interface WindSummary {
  windSpeedMS: number;
  /** Vector-mean direction the wind comes from, degrees clockwise from north. */
  windFromDeg: number;
  /** Standard deviation of the direction, degrees: Yamartino's estimator (J. Clim. Appl. Meteor. 23, 1362–1366, 1984). */
  sigmaThetaDeg: number;
  /** Stability class at the newest sample (read from the stations' 10-min mean wind: build-input.ts). */
  stability: StabilityClass;
  /** Newest sample time, epoch ms. */
  observedAt: number;
  samples: number;
  /** The 10-s vector-mean directions the wind came from, degrees. */
  sweptFromDeg: number[];
}

/** Summary of the samples in [fromMs, toMs]; null when there is none. */
export function summarizeWind(wind: readonly WindSample[], fromMs: number, toMs: number): WindSummary | null {
  let n = 0, speed = 0, s = 0, c = 0, newest: WindSample | null = null;
  const bins = new Map<number, [number, number]>();
  for (const w of wind) {
    if (w.tMs < fromMs || w.tMs > toMs || !Number.isFinite(w.windSpeedMS) || !Number.isFinite(w.windFromDeg)) continue;
    n++;
    speed += w.windSpeedMS;
    const sw = Math.sin(w.windFromDeg * RAD), cw = Math.cos(w.windFromDeg * RAD);
    s += sw;
    c += cw;
    const key = Math.floor(w.tMs / SWEEP_BIN_MS);
    const b = bins.get(key) ?? [0, 0];
    bins.set(key, [b[0] + sw, b[1] + cw]);
    if (!newest || w.tMs >= newest.tMs) newest = w;
  }
  if (!newest) return null;
  const sa = s / n, ca = c / n;
  const eps = Math.sqrt(Math.max(0, 1 - (sa * sa + ca * ca)));
  // Yamartino: σθ = asin(ε)(1 + 0.1547 ε³), ε = √(1 − (s̄² + c̄²)).
  const sigmaThetaDeg = (Math.asin(Math.min(1, eps)) * (1 + 0.1547 * eps ** 3)) / RAD;
  const toDeg = (y: number, x: number) => ((Math.atan2(y, x) / RAD) + 360) % 360;
  return {
    windSpeedMS: speed / n,
    windFromDeg: toDeg(s, c),
    sigmaThetaDeg,
    stability: newest.stability,
    observedAt: newest.tMs,
    samples: n,
    sweptFromDeg: [...bins.values()].map(([bs, bc]) => toDeg(bs, bc)),
  };
}

/** Smallest angle between two directions, degrees (0–180). */
export function angleBetweenDeg(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return d > 180 ? 360 - d : d;
}
