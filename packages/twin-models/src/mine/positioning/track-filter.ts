// A tag's track along the roadway network: a constant-velocity Kalman filter on the chainage
// (metres along the roadway) and the speed along it. Fixes on a roadway that meets the current
// one are read as a continuation through the shared node, and the track moves onto that roadway
// once it passes the node. Time is an argument (epoch ms); no clock, no I/O.
import type { FixHint, RoadwayFix } from './solve-fix.ts';
import type { Vec3 } from './least-squares.ts';
import type { RoadwayGeometry } from './roadway-geometry.ts';

/** Tunables of {@link RoadwayTrack}. */
export interface TrackOptions {
  /**
   * Spectral density of the white-noise acceleration, m²/s³ (Bar-Shalom, Li & Kirubarajan,
   * Estimation with Applications to Tracking and Navigation, 2001, §6.2.2). A walker who stops
   * or starts changes speed by ≈ 1 m/s within a second: q ≈ 1. @defaultValue 1
   */
  accelPsdM2S3?: number;
  /** Innovation gate, in σ: a fix farther from the prediction is refused. @defaultValue 5 */
  gateSigmas?: number;
  /** Consecutive refused fixes after which the track restarts at the latest one. @defaultValue 3 */
  maxRefused?: number;
  /** A gap longer than this restarts the track, ms. @defaultValue 30000 */
  maxGapMs?: number;
  /** Smallest measurement σ trusted, m. @defaultValue 0.03 */
  minFixSigmaM?: number;
  /** Speed σ of a new track, m/s. @defaultValue 1.5 */
  initialSpeedSigmaMS?: number;
}

/** The filtered state. */
export interface TrackState {
  roadway: number;
  roadwayId: string;
  /** Filtered chainage on the roadway, m (clamped to it). */
  chainageM: number;
  /** Speed along the roadway (positive from → to), m/s. */
  speedMS: number;
  /** 1σ of the chainage, m. */
  sigmaM: number;
  position: Vec3;
  tMs: number;
  /** Whether the latest fix was refused by the gate (the state is a prediction). */
  coasting: boolean;
}

/** Smallest σ of the prediction handed to the fix solver as a hint, m (two range σ). */
const MIN_HINT_SIGMA_M = 0.2;

/** A constant-velocity Kalman filter along the roadways for one tag. */
export class RoadwayTrack {
  private roadway = -1;
  private s = 0;
  private v = 0;
  /** Covariance [[Pss, Psv], [Psv, Pvv]]. */
  private pss = 0;
  private psv = 0;
  private pvv = 0;
  private tMs = -Infinity;
  private refused = 0;
  private coasting = false;
  private readonly o: Required<TrackOptions>;

  constructor(private readonly geometry: RoadwayGeometry, options: TrackOptions = {}) {
    this.o = {
      accelPsdM2S3: 1, gateSigmas: 5, maxRefused: 3, maxGapMs: 30_000, minFixSigmaM: 0.03, initialSpeedSigmaMS: 1.5, ...options,
    };
  }

  /** Time of the latest update, epoch ms (−∞ before the first). */
  get lastMs(): number {
    return this.tMs;
  }

  /** The current state, or null before the first fix. */
  get state(): TrackState | null {
    if (this.roadway < 0) return null;
    const r = this.geometry.roadways[this.roadway]!;
    const chainageM = Math.min(r.lengthM, Math.max(0, this.s));
    return {
      roadway: this.roadway, roadwayId: r.id, chainageM, speedMS: this.v, sigmaM: Math.sqrt(this.pss),
      position: this.geometry.pointAt(this.roadway, chainageM), tMs: this.tMs, coasting: this.coasting,
    };
  }

  /** Where the track expects the tag at `tMs`, for the fix solver; null without a live track. */
  hintAt(tMs: number): FixHint | null {
    if (this.roadway < 0 || tMs - this.tMs > this.o.maxGapMs) return null;
    const dt = Math.max(0, tMs - this.tMs) / 1000;
    const sigma = Math.sqrt(this.pss + 2 * dt * this.psv + dt * dt * this.pvv + (this.o.accelPsdM2S3 * dt ** 3) / 3);
    return { roadway: this.roadway, chainageM: this.s + this.v * dt, sigmaM: Math.max(MIN_HINT_SIGMA_M, sigma) };
  }

  /** Starts the track at a fix. */
  private reset(fix: RoadwayFix, tMs: number, sigma: number): void {
    this.roadway = fix.roadway;
    this.s = fix.chainageM;
    this.v = 0;
    this.pss = sigma * sigma;
    this.psv = 0;
    this.pvv = this.o.initialSpeedSigmaMS ** 2;
    this.tMs = tMs;
    this.refused = 0;
    this.coasting = false;
  }

  /**
   * The fix's chainage in the current roadway's coordinate: itself on the same roadway, the
   * continuation through the shared node on a neighbour (beyond 0 or the length), null otherwise.
   */
  private measured(fix: RoadwayFix, predictedM: number): number | null {
    if (fix.roadway === this.roadway) return fix.chainageM;
    const j = this.geometry.junction(this.roadway, fix.roadway, this.s);
    if (!j) return null;
    const ri = this.geometry.roadways[this.roadway]!, rj = this.geometry.roadways[fix.roadway]!;
    const beyond = j.jStartsThere ? fix.chainageM : rj.lengthM - fix.chainageM;
    const through = j.endOfI === 'to' ? ri.lengthM + beyond : -beyond;
    // Near a junction two roadways may share the opening (they part at a small angle): a fix
    // on the other one within half this roadway's width of its axis is also a point of this one.
    const along = this.geometry.project(this.roadway, fix.position);
    const inside = along > 0 && along < ri.lengthM && this.geometry.distanceTo(this.roadway, fix.position) <= ri.widthM / 2;
    return inside && Math.abs(along - predictedM) < Math.abs(through - predictedM) ? along : through;
  }

  /** Moves the track onto the fix's roadway once it has passed the node they share. */
  private carryOver(fix: RoadwayFix): void {
    if (fix.roadway === this.roadway) return;
    const ri = this.geometry.roadways[this.roadway]!;
    if (this.s >= 0 && this.s <= ri.lengthM) return;
    const j = this.geometry.junction(this.roadway, fix.roadway, this.s);
    if (!j) return;
    const rj = this.geometry.roadways[fix.roadway]!;
    const over = this.s > ri.lengthM ? this.s - ri.lengthM : -this.s;
    const outward = this.s > ri.lengthM ? this.v : -this.v; // speed away from the node
    // Both chainage and speed flip together or not at all: the covariance keeps its form.
    this.s = j.jStartsThere ? Math.min(over, rj.lengthM) : Math.max(0, rj.lengthM - over);
    this.v = j.jStartsThere ? outward : -outward;
    this.roadway = fix.roadway;
  }

  /** Takes a fix at `tMs` (not older than the last update) and returns the new state. */
  update(fix: RoadwayFix, tMs: number): TrackState {
    const sigma = Math.max(this.o.minFixSigmaM, fix.sigmaAlongM);
    if (this.roadway < 0 || tMs - this.tMs > this.o.maxGapMs) {
      this.reset(fix, tMs, sigma);
      return this.state!;
    }
    // Predict: x = F x, P = F P Fᵀ + Q with F = [[1, dt], [0, 1]], Q = q [[dt³/3, dt²/2], [dt²/2, dt]].
    const dt = Math.max(0, tMs - this.tMs) / 1000;
    const q = this.o.accelPsdM2S3;
    const s = this.s + this.v * dt;
    const z = this.measured(fix, s);
    if (z === null) {
      this.reset(fix, tMs, sigma);
      return this.state!;
    }
    const pss = this.pss + 2 * dt * this.psv + dt * dt * this.pvv + (q * dt ** 3) / 3;
    const psv = this.psv + dt * this.pvv + (q * dt ** 2) / 2;
    const pvv = this.pvv + q * dt;
    this.tMs = tMs;
    const innovation = z - s;
    const S = pss + sigma * sigma;
    if (innovation * innovation > this.o.gateSigmas ** 2 * S) {
      this.refused++;
      if (this.refused >= this.o.maxRefused) {
        this.reset(fix, tMs, sigma);
        return this.state!;
      }
      [this.s, this.pss, this.psv, this.pvv, this.coasting] = [s, pss, psv, pvv, true];
      return this.state!;
    }
    this.refused = 0;
    this.coasting = false;
    const ks = pss / S, kv = psv / S;
    this.s = s + ks * innovation;
    this.v = this.v + kv * innovation;
    this.pss = (1 - ks) * pss;
    this.psv = (1 - ks) * psv;
    this.pvv = pvv - kv * psv;
    this.carryOver(fix);
    return this.state!;
  }
}
