// Turns a validated scenario into one concentration model: picks the σ set, the wind at the right heights,
// the model (auto: dense or passive by the Richardson criterion) and says which and why.
import { requireChemical } from './chemicals/lookup.ts';
import type { Chemical } from './chemicals/types.ts';
import { AIR_MOLAR_MASS_KG_MOL } from './constants.ts';
import { densePlumeCriterion, densePuffCriterion } from './dense-gas.ts';
import type { Handover } from './dense-handover.ts';
import { denseModel } from './dense-model.ts';
import { farthestCrossingM } from './search.ts';
import { plumeConcentrationKgM3, plumeHalfWidthM, type PlumeParams } from './gaussian-plume.ts';
import { peakOverTime, puffConcentrationKgM3, type PuffParams } from './gaussian-puff.ts';
import { finiteRelease, finiteReleasePeak, type FiniteReleaseParams } from './palazzi.ts';
import type { PlumeScenario } from './scenario.ts';
import { sigmaYM, type SigmaSet } from './sigma.ts';
import { applyLowWindFloor, WIND_HEIGHT_FLOOR_M, windAtHeightMS, windProfileExponent } from './stability.ts';
import { idealGasDensityKgM3, ppmToKgM3 } from './units.ts';
import { fmt } from './format.ts';
import { simNote, type SimNote } from './notes.ts';

/**
 * Highest release height [m] that `auto` still treats as a ground-level dense release (the Britter–McQuaid workbook is
 * for ground-level releases, §6.1; a nozzle or pipe rack within the 2 m breathing layer counts as ground level). Above
 * it `auto` uses the passive model from the release height. [M] — our choice.
 */
export const AUTO_DENSE_MAX_HEIGHT_M = 2;

/**
 * Uniform samples of the puff's passage before the golden-section refinement of its peak (our choice, checked): 16
 * samples give the same peaks as 60 to ≤ 1e-7 (relative) over 11 520 cases (classes A–F × four σ sets × release
 * heights 0–50 m × wind 1–8 m/s × x 1 m–50 km × on and off the axis, receptors 0–10 m); puff-peak.test.ts checks
 * them against a 400-sample search.
 */
export const PUFF_PEAK_SAMPLES = 16;

/** The model names reported to callers. */
export type ModelName = 'gaussian-plume' | 'gaussian-puff' | 'dense';

/** A resolved concentration model in plume coordinates (x downwind, y crosswind, z up) [m]. */
export interface ResolvedModel {
  model: ModelName;
  /** σ set used; a dense model reports the σ set of its passive part beyond the dense → passive hand-over. */
  sigma: SigmaSet;
  chemical: Chemical;
  /** Transport wind speed used [m/s] (after profile and floor). */
  windSpeedMS: number;
  /** Wind speed as given, before any floor [m/s]. */
  windSpeedGivenMS: number;
  /** Concentration [kg/m³] at a point; t [s] for time-dependent models (undefined → peak over time). */
  concentrationKgM3(xM: number, yM: number, zM: number, tS?: number): { concentrationKgM3: number; tS?: number };
  /** The quantity thresholds are judged on: steady or peak-over-time concentration at (x, 0, z) [kg/m³]. */
  centrelineKgM3(xM: number, zM: number): number;
  /** Crosswind half-width [m] of the threshold isopleth at x (0 where the centreline is below it). */
  halfWidthM(xM: number, zM: number, thresholdKgM3: number): number;
  /** Farthest distance worth scanning for a threshold crossing at height z [m]. */
  scanLimitM(thresholdKgM3: number, zM: number): number;
  /** Scan step ratio (coarser for expensive puff trains). */
  scanStepRatio: number;
  /** Concentration [kg/m³] from ppm at ambient T, p. */
  ppmToKgM3(ppm: number): number;
  /**
   * Time dependence: 'steady' (concentrationKgM3 ignores t), or 'transient' with the end of the release [s] (0 for
   * an instantaneous one) and passedS(x), the time [s] by which the cloud's trailing edge has passed x downwind;
   * cloudAxisM(t) is the stretch [x0, x1] of the plume axis (y = 0) where the cloud's core is at time t (a puff's
   * centre: x0 = x1), so display grids coarser than the cloud can still sample it.
   */
  time: { kind: 'steady' } | { kind: 'transient'; releaseEndS: number; passedS(xM: number): number; cloudAxisM?(tS: number): [number, number] };
  /**
   * A continuous dense release: its buoyancy flux g0′Q0 [m⁴/s³], how fast its gravity current spreads upwind and across
   * (dense-gas.ts gravityFrontRadiusM). The model itself is the steady state; a field that follows the release in time
   * limits the dense part of the cloud to that radius (dense-gas.ts gravityArrivalS).
   */
  buoyancyFluxM4S3?: number;
  /** Dense models: where the cloud was handed over to passive dispersion (and, for a puff, when). */
  handover?: Handover & { timeS?: number };
  explanations: SimNote[];
  warnings: SimNote[];
}

/** Builds the model for a scenario (see resolve-model.ts header). */
export function resolveModel(s: PlumeScenario): ResolvedModel {
  const chemical = requireChemical(s.chemical);
  const w = s.weather;
  const explanations: SimNote[] = [];
  const warnings: SimNote[] = [];
  const releaseHeightM = s.release.heightM;
  const p = windProfileExponent(w.stability, w.terrain);
  // Transport wind at release height (power law from windHeightM if given, §4.2), wind at 10 m for dense gas.
  const uRelease = w.windHeightM === undefined ? w.windSpeedMS : windAtHeightMS(w.windSpeedMS, w.windHeightM, Math.max(releaseHeightM, WIND_HEIGHT_FLOOR_M), p);
  const u10 = w.windHeightM === undefined ? w.windSpeedMS : windAtHeightMS(w.windSpeedMS, w.windHeightM, 10, p);
  if (w.windHeightM !== undefined) {
    explanations.push(simNote('why.wind-power-law', {
      windMS: fmt(w.windSpeedMS, 1), heightM: fmt(w.windHeightM, 1), p, terrain: w.terrain, stability: w.stability, releaseMS: uRelease.toFixed(2), u10MS: u10.toFixed(2),
    }));
  } else explanations.push(simNote('why.wind-as-given', { windMS: fmt(w.windSpeedMS, 1) }));
  const toKg = (ppm: number) => ppmToKgM3(ppm, chemical.molarMassKgMol, w.airTempK, w.pressurePa);
  const releaseTemperatureK = s.release.temperatureK ?? w.airTempK;
  const rhoRelease = s.release.densityKgM3 ?? idealGasDensityKgM3(chemical.molarMassKgMol, releaseTemperatureK, w.pressurePa);
  const rhoAir = idealGasDensityKgM3(AIR_MOLAR_MASS_KG_MOL, w.airTempK, w.pressurePa);
  const base = { releaseDensityKgM3: rhoRelease, ambientDensityKgM3: rhoAir, releaseTemperatureK, ambientTemperatureK: w.airTempK, windSpeed10MS: u10 };

  // Model choice.
  let model: ModelName;
  const isPuff = s.release.kind === 'instantaneous';
  const finite = s.release.kind === 'continuous' && (s.release.durationS !== undefined || s.release.rateSteps !== undefined);
  const passive: ModelName = isPuff || finite ? 'gaussian-puff' : 'gaussian-plume';
  if (s.model === 'auto') {
    const crit = s.release.kind === 'instantaneous'
      ? { ...densePuffCriterion({ ...base, volumeM3: s.release.massKg / rhoRelease }), form: "sqrt(g0' V0^(1/3))/u10" }
      : { ...densePlumeCriterion({ ...base, volumeRateM3S: s.release.rateKgS / rhoRelease }), form: "(g0' Q0/(u10³ D))^(1/3)" };
    const elevated = crit.dense && releaseHeightM > AUTO_DENSE_MAX_HEIGHT_M;
    model = crit.dense && !elevated ? 'dense' : passive;
    explanations.push(simNote('why.model-auto', {
      model, releaseKgM3: rhoRelease.toFixed(3), airKgM3: rhoAir.toFixed(3), form: crit.form, value: crit.value.toFixed(3), comparison: crit.dense ? '≥' : '<', threshold: crit.threshold,
    }));
    if (elevated) {
      explanations.push(simNote('why.elevated-passive', { heightM: fmt(releaseHeightM, 1), maxM: AUTO_DENSE_MAX_HEIGHT_M, passive }));
      warnings.push(simNote('model.elevated-dense', { heightM: fmt(releaseHeightM, 1), passive }));
    }
  } else {
    model = s.model;
    explanations.push(simNote('why.model-requested', { model }));
  }

  if (model === 'dense') return denseModel({ s, chemical, base, rhoRelease, u10, windSpeedGivenMS: w.windSpeedMS, toKg, explanations, warnings });
  return passiveModel();

  function passiveModel(): ResolvedModel {
    const sigma: SigmaSet = s.sigma ?? (model === 'gaussian-puff' && isPuff ? 'ccps-puff' : w.terrain === 'urban' ? 'briggs-urban' : 'briggs-rural');
    explanations.push(simNote(s.sigma ? 'why.sigma-requested' : isPuff && model === 'gaussian-puff' ? 'why.sigma-puff-default' : 'why.sigma-terrain-default', { sigma, terrain: w.terrain }));
    const common = { sigma, chemical, windSpeedGivenMS: w.windSpeedMS, ppmToKgM3: toKg, explanations, warnings };
    if (model === 'gaussian-plume') {
      const floor = applyLowWindFloor(uRelease);
      if (floor.raised) warnings.push(simNote('model.low-wind-floor', { windMS: uRelease.toFixed(2) }));
      if (s.release.kind === 'continuous' && (s.release.durationS !== undefined || s.release.rateSteps !== undefined)) warnings.push(simNote('model.steady-ignores-duration'));
      const rate = s.release.kind === 'continuous' ? s.release.rateKgS : s.release.massKg;
      if (s.release.kind === 'instantaneous') warnings.push(simNote('model.plume-for-instantaneous'));
      const pp: PlumeParams = { rateKgS: rate, windSpeedMS: floor.windSpeedMS, releaseHeightM, stabilityClass: w.stability, sigmaSet: sigma, ...(w.mixingHeightM === undefined ? {} : { mixingHeightM: w.mixingHeightM }) };
      return {
        ...common,
        model,
        windSpeedMS: floor.windSpeedMS,
        time: { kind: 'steady' },
        scanLimitM: () => 100_000,
        scanStepRatio: 1.001,
        concentrationKgM3: (x, y, z) => ({ concentrationKgM3: plumeConcentrationKgM3(pp, x, y, z) }),
        centrelineKgM3: (x, z) => plumeConcentrationKgM3(pp, x, 0, z),
        halfWidthM: (x, z, thr) => plumeHalfWidthM(pp, x, z, thr),
      };
    }
    // Gaussian puff (instantaneous) or puff train (finite / time-varying continuous release). No low-wind floor (§1: non-steady use).
    const u = uRelease;
    if (isPuff && s.release.kind === 'instantaneous') {
      const pp: PuffParams = { massKg: s.release.massKg, windSpeedMS: u, releaseHeightM, stabilityClass: w.stability, sigmaSet: sigma };
      const peak = (x: number, y: number, z: number) => peakOverTime((t) => puffConcentrationKgM3(pp, x, y, z, t), Math.max(0, (0.3 * x) / u), (3 * Math.max(x, 1)) / u + 10, PUFF_PEAK_SAMPLES);
      // The puff's σ are taken at the travel distance: its trailing edge (3σx behind the centre: our choice of edge) passes x at (x + 3σy(x))/u.
      const passedS = (x: number) => (Math.max(0, x) + 3 * sigmaYM(Math.max(1, x), w.stability, sigma)) / u;
      const centre = (t: number): [number, number] => [u * Math.max(0, t), u * Math.max(0, t)];
      return timeVaryingModel((x, y, z, t) => puffConcentrationKgM3(pp, x, y, z, t), peak, () => 100_000, { kind: 'transient', releaseEndS: 0, passedS, cloudAxisM: centre });
    }
    const rel = s.release as Extract<PlumeScenario['release'], { kind: 'continuous' }>;
    const steps = rel.rateSteps ?? [{ tS: 0, rateKgS: rel.rateKgS }];
    const lastStepS = Math.max(...steps.map((st) => st.tS));
    const endS = rel.durationS ?? lastStepS + 3600;
    if (rel.durationS === undefined) warnings.push(simNote('model.no-duration', { endS: fmt(endS, 0) }));
    explanations.push(simNote('why.finite-release', { endS: fmt(endS, 0) }));
    const fp: FiniteReleaseParams = { steps, endS, windSpeedMS: u, releaseHeightM, stabilityClass: w.stability, sigmaSet: sigma };
    const cFinite = finiteRelease(fp);
    // The finite release never exceeds the steady plume of the largest rate; scan up to 1.1 × that plume's reach.
    const maxRate = Math.max(...steps.map((st) => st.rateKgS));
    const steady: PlumeParams = { rateKgS: maxRate, windSpeedMS: u, releaseHeightM, stabilityClass: w.stability, sigmaSet: sigma };
    const firstS = Math.min(...steps.map((st) => st.tS));
    // One constant-rate segment (durationS): the peak in closed form; a schedule of several: searched over the passage.
    const peak =
      finiteReleasePeak(fp) ??
      ((x: number, y: number, z: number) => {
        const spreadS = (3 * sigmaYM(x, w.stability, sigma)) / u;
        return peakOverTime((t) => cFinite(x, y, z, t), firstS + x / u - spreadS, endS + x / u + spreadS, 32);
      });
    // Palazzi's along-wind spread σx = σy(x): the tail of the last segment passes x at endS + (x + 3σy(x))/u (3σ edge: our choice).
    const passedS = (x: number) => endS + (Math.max(0, x) + 3 * sigmaYM(Math.max(1, x), w.stability, sigma)) / u;
    // The released stretch at time t: from the last puff (emitted at endS) to the first (emitted at firstS).
    const stretch = (t: number): [number, number] => [u * Math.max(0, t - endS), u * Math.max(0, t - firstS)];
    return timeVaryingModel(cFinite, peak, (thr, z) => Math.min(100_000, 1.1 * farthestCrossingM((x) => plumeConcentrationKgM3(steady, x, 0, z), thr, { stepRatio: 1.01 }).distanceM + 10), { kind: 'transient', releaseEndS: endS, passedS, cloudAxisM: stretch });

    /**
     * A release that changes in time (puff, puff train): concentration at a time when one is
     * asked, else the peak over the passage; Gaussian crosswind half-width at the centreline peak.
     */
    function timeVaryingModel(
      atTime: (x: number, y: number, z: number, t: number) => number,
      peakAtPoint: (x: number, y: number, z: number) => { value: number; tS: number },
      scanLimitM: ResolvedModel['scanLimitM'],
      time: ResolvedModel['time'],
    ): ResolvedModel {
      // The threshold scans of every level visit the same x grid, and footprints ask again for the centreline peaks
      // there: remember them (per model instance, so still a pure function of the scenario).
      const centreline = new Map<string, { value: number; tS: number }>();
      const peakAt = (x: number, y: number, z: number) => {
        if (y !== 0) return peakAtPoint(x, y, z);
        const key = `${x}|${z}`;
        let pk = centreline.get(key);
        if (!pk) centreline.set(key, (pk = peakAtPoint(x, 0, z)));
        return pk;
      };
      return {
        ...common,
        model,
        time,
        windSpeedMS: u,
        scanLimitM,
        scanStepRatio: 1.005,
        concentrationKgM3(x, y, z, t) {
          if (t !== undefined) return { concentrationKgM3: atTime(x, y, z, t), tS: t };
          const pk = peakAt(x, y, z);
          return { concentrationKgM3: pk.value, tS: pk.tS };
        },
        centrelineKgM3: (x, z) => (x > 0 ? peakAt(x, 0, z).value : 0),
        halfWidthM(x, z, thr) {
          const c0 = x > 0 ? peakAt(x, 0, z).value : 0;
          return c0 > thr ? sigmaYM(x, w.stability, sigma) * Math.sqrt(2 * Math.log(c0 / thr)) : 0;
        },
      };
    }
  }
}
