// Local turbulence the weather stations do not see: the wind that carries a leak's cloud
// meanders in direction and gusts in speed about the site's weather (which the stations
// measure). Model (ours, seeded): the direction offset is an Ornstein–Uhlenbeck process of
// stationary standard deviation `meanderDeg` and correlation time `meanderTauS`; the speed is
// multiplied by exp(g − σ²/2), g an OU process of σ = `gustFraction` and τ = `gustTauS`, so the
// factor has mean 1. Both use the exact discretisation, so any step size is right.
import type { Rng } from '../prng.ts';
import { MS_PER_S, OuProcess } from '../signals.ts';

/** Tunables of the local wind turbulence. */
export interface GustOptions {
  /** Standard deviation of the direction meander, degrees. 0 turns it off. @defaultValue 6 */
  meanderDeg?: number;
  /** Correlation time of the meander, s. @defaultValue 30 */
  meanderTauS?: number;
  /** Standard deviation of the log speed factor (≈ relative gust strength). 0 turns it off. @defaultValue 0.12 */
  gustFraction?: number;
  /** Correlation time of the speed gusts, s. @defaultValue 6 */
  gustTauS?: number;
}

/** Defaults of {@link GustOptions}. */
export const DEFAULT_GUSTS: Required<GustOptions> = { meanderDeg: 6, meanderTauS: 30, gustFraction: 0.12, gustTauS: 6 };

/** The seeded meander and gusts of one leak. */
export class LocalGusts {
  private readonly meander: OuProcess;
  private readonly gust: OuProcess;
  private readonly halfVariance: number;

  constructor(private readonly rng: Rng, startMs: number, options: GustOptions = {}) {
    const o = { ...DEFAULT_GUSTS, ...options };
    this.meander = new OuProcess(o.meanderDeg, o.meanderTauS * MS_PER_S, rng, startMs);
    this.gust = new OuProcess(o.gustFraction, o.gustTauS * MS_PER_S, rng, startMs);
    this.halfVariance = (o.gustFraction * o.gustFraction) / 2;
  }

  /** Direction offset, degrees, and speed factor at `tMs` (times must not go back). */
  at(tMs: number): { dirOffsetDeg: number; speedFactor: number } {
    return { dirOffsetDeg: this.meander.at(tMs, this.rng), speedFactor: Math.exp(this.gust.at(tMs, this.rng) - this.halfVariance) };
  }
}
