// What a candidate source predicts at every binned reading per kg/s released, under each
// wind-direction offset: the plume engine's own model ('auto': Gaussian plume, or Britter–McQuaid
// dense gas with its hand-over; resolve-model.ts) for the wind of the bin, in the detector's unit.
// Travel time (frozen turbulence, Taylor 1938, Proc. R. Soc. A 164, 476–490): the air a detector
// r m away samples at t left the source at t − r/u, so the plume's direction is the wind
// direction of then — the same rule as the demo simulator's leak field. The cloud's front after a
// start at t0 is the Palazzi finite-release factor ½[1 − erf((x − u(t − t0))/(√2 σx))], σx = σy(x)
// (Palazzi et al. 1982, Atmos. Environ. 16, 2785–2790; plume-physics.md §3), applied in
// candidate-score.ts per start time; a dense cloud's upwind and crosswind spread besides waits for its gravity current,
// 0.84 (g0′Q0)^{1/4} (t − t0)^{3/4} from the source upwind and from the axis downwind, up to its hand-over to passive
// dispersion (Britter 1979; dense-gas.ts gravityArrivalS), as the demo simulator's leak field does.
import { findChemical } from '../chemicals/lookup.ts';
import type { Chemical } from '../chemicals/types.ts';
import { gravityArrivalS } from '../dense-gas.ts';
import { resolveModel, type ResolvedModel } from '../resolve-model.ts';
import { plumeScenarioSchema } from '../scenario.ts';
import { sigmaYM } from '../sigma.ts';
import { STABILITY_CLASSES, type StabilityClass } from '../stability.ts';
import { binCentreMs, windIndex, type TimeGrid, type WindBins } from './binning.ts';
import { GAUSS_HERMITE_3 } from './error-model.ts';
import type { DetectorUnit, EnuPoint } from './types.ts';

const GUST_NODES = GAUSS_HERMITE_3;

const RAD = Math.PI / 180;
/**
 * Scatter of one wind-vane sample about the air's direction, degrees: a cup-and-vane monitor's stated accuracy is ±3°
 * (R. M. Young 05103 Wind Monitor specifications; WMO-No. 8, 2018, Annex 1.A asks 5° of a direction measurement). It
 * is in the stations' within-bin spread but does not swing the plume, so it is taken out of it ({@link airSwingRad}).
 */
export const VANE_NOISE_DEG = 3;
/** Wind speeds are rounded to this step before a model is resolved, m/s (so bins share models; our choice). */
const SPEED_STEP_MS = 0.1;
/** Farther upwind than this nothing is predicted, m (a dense cloud's upwind spread D/2 + 2 l_b stays below ~70 m for 10 kg/s of LPG at 1 m/s; our bound). */
const UPWIND_CUT_M = 100;
/** Farther off a passive plume's axis than this many of its bin-mean σ (binMeanPlumeKgM3) nothing is predicted: e^(−8²/2) ≈ 10⁻¹⁴ of the centreline. */
const CROSSWIND_CUT_SIGMAS = 8;

/** The readings being explained, flattened: detector index and bin index per observation. */
export interface ObservationLayout {
  detector: Int32Array;
  bin: Int32Array;
  /** Detector positions and units, by detector index. */
  positions: readonly EnuPoint[];
  units: readonly DetectorUnit[];
  /** The gas each ppm detector measures (undefined: any). */
  gases: readonly (string | undefined)[];
}

/** A candidate's unit-rate predictions: arrays of offsets × observations. */
export interface CandidatePredictions {
  offsetsDeg: readonly number[];
  /** Detector units per kg/s at each (offset, observation), steady state. */
  steady: Float64Array;
  /** Downwind distance and along-wind spread σx, m, at each (offset, observation). */
  downwindM: Float64Array;
  sigmaXM: Float64Array;
  /**
   * When the gravity current of the observation's bin's model reaches the detector, s after a release start, at each
   * (offset, observation) (header; dense-gas.ts gravityArrivalS): 0 where nothing holds the cloud back (a passive
   * plume, beyond the hand-over).
   */
  gravityArrivalS: Float64Array;
  /**
   * Distance the cloud has travelled from the start of the wind grid to the start of each wind bin, m (one more entry
   * than bins): the front of a release started at t0 is at travel(t) − travel(t0) — the integral of each bin's
   * transport speed, as the demo simulator's leak field carries its front, not the latest speed times the elapsed time
   * (one gusty bin would move the whole front).
   */
  travelM: Float64Array;
  /** Wind bin the observation's air left the source in (travel time, header): observations sharing it share the plume's offset. */
  emissionBin: Int32Array;
  /** Whether any bin resolved to a dense-gas model (then the prediction is not linear in the rate). */
  dense: boolean;
  model: string;
}

/** Models resolved during one estimate, shared by the candidates (same chemical, height, wind → same model). */
export class ModelCache {
  private readonly sources = new Map<string, SourceModels>();

  /** The models of one release (chemical, height rounded to 0.1 m, rate to 3 digits) under any wind. */
  source(chemical: string, heightM: number, rateKgS: number): SourceModels {
    const key = `${chemical}|${heightM.toFixed(1)}|${rateKgS.toPrecision(3)}`;
    let m = this.sources.get(key);
    if (!m) this.sources.set(key, (m = new SourceModels(chemical, Math.round(heightM * 10) / 10, rateKgS)));
    return m;
  }

  get(chemical: string, heightM: number, windSpeedMS: number, windHeightM: number, stability: StabilityClass, rateKgS: number): ResolvedModel {
    return this.source(chemical, heightM, rateKgS).get(windSpeedMS, windHeightM, stability);
  }
}

/**
 * One release's models by wind, resolved once each: the speed rounded to SPEED_STEP_MS, the wind's height to 0.1 m. A number keys them (a candidate's
 * predictions ask for hundreds per call: a string key each was a tenth of an estimate's time).
 */
export class SourceModels {
  private readonly models = new Map<number, ResolvedModel>();

  constructor(private readonly chemical: string, private readonly heightM: number, private readonly rateKgS: number) {}

  get(windSpeedMS: number, windHeightM: number, stability: StabilityClass): ResolvedModel {
    const steps = Math.max(1, Math.round(windSpeedMS / SPEED_STEP_MS));
    const key = (Math.round(windHeightM * 10) * STABILITY_CLASSES.length + STABILITY_CLASSES.indexOf(stability)) * 100_000 + steps;
    let m = this.models.get(key);
    if (!m) {
      const scenario = plumeScenarioSchema.parse({
        chemical: this.chemical,
        model: 'auto',
        release: { kind: 'continuous', rateKgS: this.rateKgS, heightM: this.heightM },
        weather: { windSpeedMS: steps * SPEED_STEP_MS, windHeightM, stability },
      });
      m = resolveModel(scenario);
      this.models.set(key, m);
    }
    return m;
  }
}

/**
 * Detector units per ppm of `chemical`: 1 for a ppm detector of that gas (0 for another gas), 100/(LEL vol % × 10⁴)
 * for %LEL (100 %LEL = the LEL; 0 when the chemical has none) — the demo simulator's detector mapping.
 */
export function unitsPerPpm(unit: DetectorUnit, gas: string | undefined, chemical: Chemical): number {
  if (unit === 'ppm') return gas === undefined || findChemical(gas)?.id === chemical.id ? 1 : 0;
  return chemical.lelVolPct !== undefined && chemical.lelVolPct > 0 ? 100 / (chemical.lelVolPct * 1e4) : 0;
}

/** What a candidate needs for its predictions. */
export interface CandidateSpec {
  chemical: Chemical;
  position: EnuPoint;
  releaseHeightM: number;
  /** Rate the (possibly dense) model is resolved at, kg/s. */
  refRateKgS: number;
}

/** Unit-rate predictions of candidate `c` at every observation of `layout` under each offset (those in `offsetUsed`; the others stay 0). */
export function predict(
  c: CandidateSpec, layout: ObservationLayout, grid: TimeGrid, wind: WindBins, offsetsDeg: readonly number[], cache: ModelCache, offsetUsed: readonly boolean[] | null = null,
): CandidatePredictions {
  const nObs = layout.detector.length, nOff = offsetsDeg.length;
  const out: CandidatePredictions = {
    offsetsDeg,
    steady: new Float64Array(nOff * nObs),
    downwindM: new Float64Array(nOff * nObs),
    sigmaXM: new Float64Array(nOff * nObs),
    gravityArrivalS: new Float64Array(nOff * nObs),
    travelM: new Float64Array(wind.speedMS.length + 1),
    emissionBin: new Int32Array(nObs),
    dense: false,
    model: 'gaussian-plume',
  };
  const perPpm = layout.units.map((u, i) => unitsPerPpm(u, layout.gases[i], c.chemical));
  // The bin's model (its majority class at its mean speed: the cloud's transport and front), resolved lazily, and the
  // models its plume is averaged over (wind-regimes.ts): one per regime, a dense cloud's at the regime's gust nodes.
  const models = new Map<number, ResolvedModel>();
  const mixes = new Map<number, RegimeModel[]>();
  const source = cache.source(c.chemical.id, c.releaseHeightM, c.refRateKgS);
  const resolve = (w: number, speedMS: number, stability: StabilityClass): ResolvedModel => {
    const m = source.get(speedMS, wind.heightM[w]!, stability);
    if (m.model !== 'gaussian-plume') {
      out.dense = true;
      out.model = m.model;
    }
    return m;
  };
  const modelAt = (w: number): ResolvedModel => {
    let m = models.get(w);
    if (!m) models.set(w, (m = resolve(w, wind.speedMS[w]!, wind.stability[w]!)));
    return m;
  };
  const mixAt = (w: number): RegimeModel[] => {
    let mix = mixes.get(w);
    if (!mix) mixes.set(w, (mix = regimeModels(wind, w, resolve)));
    return mix;
  };
  // The front moves at the bin's mean transport speed: its regimes' speeds at the release height by their shares.
  const transportMS = Float64Array.from(wind.speedMS, (_, w) => mixAt(w).reduce((sum, r) => sum + r.weight * r.model.windSpeedMS, 0));
  for (let w = 0; w < wind.speedMS.length; w++) out.travelM[w + 1] = out.travelM[w]! + (transportMS[w]! * wind.binMs) / 1000;
  for (let k = 0; k < nObs; k++) {
    const i = layout.detector[k]!;
    const scale = perPpm[i]!;
    const p = layout.positions[i]!;
    const tMs = binCentreMs(grid, layout.bin[k]!);
    const w = windIndex(wind, tMs);
    const model = modelAt(w);
    const stability = wind.stability[w]!;
    const u = transportMS[w]!;
    if (scale === 0) continue;
    const e = p.eastM - c.position.eastM, n = p.northM - c.position.northM;
    const zM = Math.max(0, p.upM - c.position.upM);
    const rangeM = Math.hypot(e, n);
    // Frozen turbulence: the direction of the wind that left the source when this air did.
    const emission = windIndex(wind, tMs - (rangeM / u) * 1000);
    out.emissionBin[k] = emission;
    const fromDeg = wind.fromDeg[emission]!;
    const spreadRad = airSwingRad(wind.dirSpreadDeg[emission]!);
    const perUnit = scale / (model.ppmToKgM3(1) * c.refRateKgS);
    const mix = mixAt(w);
    for (let o = 0; o < nOff; o++) {
      if (offsetUsed && !offsetUsed[o]) continue;
      const towardRad = (fromDeg + offsetsDeg[o]! + 180) * RAD;
      const se = Math.sin(towardRad), ce = Math.cos(towardRad);
      const x = e * se + n * ce;
      const y = n * se - e * ce;
      const idx = o * nObs + k;
      out.downwindM[idx] = x;
      out.gravityArrivalS[idx] = gravityArrivalS(model, x, y);
      if (x < -UPWIND_CUT_M) continue;
      out.sigmaXM[idx] = sigmaYM(Math.max(1, x), stability, model.sigma);
      let cKgM3 = 0;
      for (const r of mix) {
        cKgM3 += r.weight * (r.model.model === 'gaussian-plume'
          ? binMeanPlumeKgM3(r.model, x, y, zM, sigmaYM(Math.max(1, x), r.stability, r.model.sigma), spreadRad)
          : r.model.concentrationKgM3(x, y, zM).concentrationKgM3);
      }
      out.steady[idx] = cKgM3 > 0 ? cKgM3 * perUnit : 0;
    }
  }
  return out;
}

/**
 * How far the air's direction swung inside a bin, radians: the stations' within-bin circular standard deviation less the
 * vanes' own sample scatter, in quadrature (independent errors add in variance). Measured on the demo simulator's staged
 * leaks, whose stations add 3° of noise the leak does not see (packages/sim/README.md, "The vanes' own scatter").
 */
export function airSwingRad(measuredSpreadDeg: number): number {
  return Math.sqrt(Math.max(0, measuredSpreadDeg * measuredSpreadDeg - VANE_NOISE_DEG * VANE_NOISE_DEG)) * RAD;
}

/**
 * A passive plume's mean over one bin at (x, y, z), kg/m³ per the model's rate: the direction the wind took varied inside
 * the bin with circular standard deviation `spreadRad` (the stations' spread less their vanes' scatter), and the mean of a plume swinging as a
 * whole about its mean axis is Gaussian across it with σ² = σy² + (x·σθ)² — Gifford's meandering plume (1959, Adv.
 * Geophys. 6, 117–137) for small angles. At a detector 3–4 σy off the axis the bin mean is several times the plume at
 * the mean direction (one degree moves the reading there by a factor of two or more). `sigmaY` is the model's σy at
 * x (x ≥ 1 m); nothing upwind, and nothing beyond CROSSWIND_CUT_SIGMAS of the widened plume.
 */
function binMeanPlumeKgM3(model: ResolvedModel, x: number, y: number, zM: number, sigmaY: number, spreadRad: number): number {
  if (x <= 0) return 0;
  const sigmaMeanYM = Math.hypot(sigmaY, x * spreadRad);
  if (Math.abs(y) > CROSSWIND_CUT_SIGMAS * sigmaMeanYM) return 0;
  return model.concentrationKgM3(x, 0, zM).concentrationKgM3 * (sigmaY / sigmaMeanYM) * Math.exp(-(y * y) / (2 * sigmaMeanYM * sigmaMeanYM));
}

/** One term of a bin's plume average: a model, the class its σ are taken in, and its weight (the weights sum to 1). */
interface RegimeModel {
  model: ResolvedModel;
  stability: StabilityClass;
  weight: number;
}

/**
 * The terms bin `w`'s plume is averaged over: each regime (the samples of one class) by its share of the bin; a regime
 * whose model is a dense cloud also over its gusts — a lognormal speed with the regime's mean and ln-speed spread, by
 * the three-point Gauss–Hermite rule — since its size goes as 1/u³ (wind-regimes.ts header), where a passive plume's
 * concentration goes as 1/u and its mean over the gusts is within e^(σ²) ≈ 1.04 of its value at the mean speed.
 */
function regimeModels(wind: WindBins, w: number, resolve: (w: number, speedMS: number, stability: StabilityClass) => ResolvedModel): RegimeModel[] {
  const regimes = wind.regimes[w]!;
  if (regimes.length === 0) return [{ model: resolve(w, wind.speedMS[w]!, wind.stability[w]!), stability: wind.stability[w]!, weight: 1 }];
  const out: RegimeModel[] = [];
  for (const r of regimes) {
    const atMean = resolve(w, r.speedMS, r.stability);
    if (atMean.model === 'gaussian-plume' || r.lnSpeedSd === 0) {
      out.push({ model: atMean, stability: r.stability, weight: r.fraction });
      continue;
    }
    const sd = r.lnSpeedSd;
    for (const g of GUST_NODES) out.push({ model: resolve(w, r.speedMS * Math.exp(sd * g.node - (sd * sd) / 2), r.stability), stability: r.stability, weight: r.fraction * g.weight });
  }
  return out;
}

/**
 * Travel of the cloud's front from the start of the wind grid to `tMs` under candidate predictions `p`, m
 * (CandidatePredictions.travelM): linear within a bin, at the first and last bin's speed outside the grid. The front of a
 * release started at t0 has gone travelAtM(t) − travelAtM(t0).
 */
export function travelAtM(p: CandidatePredictions, wind: WindBins, tMs: number): number {
  const w = windIndex(wind, tMs);
  const speedMS = (p.travelM[w + 1]! - p.travelM[w]!) / (wind.binMs / 1000);
  return p.travelM[w]! + (speedMS * (tMs - (wind.startMs + w * wind.binMs))) / 1000;
}
