// The dense-gas ResolvedModel: Britter–McQuaid while the cloud is dense, then a passive Gaussian plume/puff from
// virtual sources (dense-handover.ts; the hand-over rules are ours, [M]), with the hand-over explained.
// Trailing-edge convention of passedS beyond the hand-over: the cloud has passed x once its centre is 3σy behind it
// (σx = σy for the puff) — our choice, as for the passive puff in resolve-model.ts.
import type { Chemical } from './chemicals/types.ts';
import { densePlume, densePlumeCriterion, densePuff, densePuffCriterion, reducedGravityMS2, type DenseGasBase } from './dense-gas.ts';
import { plumeHandover, puffHandover, type Handover, type PassiveTail } from './dense-handover.ts';
import type { ResolvedModel } from './resolve-model.ts';
import type { PlumeScenario } from './scenario.ts';
import type { SigmaSet } from './sigma.ts';
import { applyLowWindFloor } from './stability.ts';
import { fmt } from './format.ts';
import { simNote, type SimNote } from './notes.ts';

/** What the dense model needs from resolveModel. */
export interface DenseContext {
  s: PlumeScenario;
  chemical: Chemical;
  base: DenseGasBase;
  /** Release density [kg/m³]. */
  rhoRelease: number;
  /** Wind at 10 m [m/s] and as given. */
  u10: number;
  windSpeedGivenMS: number;
  toKg(ppm: number): number;
  explanations: SimNote[];
  warnings: SimNote[];
}

/** Builds the dense model with its dense → passive hand-over (see dense-handover.ts for the criterion). */
export function denseModel(c: DenseContext): ResolvedModel {
  const { s, base, rhoRelease, u10, toKg, explanations, warnings } = c;
  const w = s.weather;
  const vfToKg = (vf: number) => toKg(vf * 1e6);
  const ppm = (kg: number) => (kg / toKg(1)).toPrecision(3);
  const common = { model: 'dense' as const, chemical: c.chemical, windSpeedMS: u10, windSpeedGivenMS: c.windSpeedGivenMS, ppmToKgM3: toKg, explanations, warnings, scanStepRatio: 1.001 };
  if (s.release.heightM > 0) warnings.push(simNote('dense.ground-level-only', { heightM: fmt(s.release.heightM, 1) }));
  if (rhoRelease <= base.ambientDensityKgM3) warnings.push(simNote('dense.not-denser-than-air', { releaseKgM3: rhoRelease.toFixed(3), airKgM3: base.ambientDensityKgM3.toFixed(3) }));
  const plumeSigma: SigmaSet = s.sigma ?? (w.terrain === 'urban' ? 'briggs-urban' : 'briggs-rural');
  if (s.release.kind === 'instantaneous') {
    const volumeM3 = s.release.massKg / rhoRelease;
    const pf = densePuff({ ...base, volumeM3 });
    warnings.push(...pf.warnings);
    explanations.push(simNote('why.dense-puff', { volumeM3: volumeM3.toFixed(1), alpha: pf.alpha.toFixed(3), releaseK: fmt(base.releaseTemperatureK, 1), airK: fmt(w.airTempK, 1) }));
    const v13 = Math.cbrt(volumeM3);
    const r0 = Math.cbrt((3 * volumeM3) / (4 * Math.PI));
    const g0 = Math.max(0, (9.80665 * (base.releaseDensityKgM3 - base.ambientDensityKgM3)) / base.ambientDensityKgM3);
    const cloudMS = 0.4 * u10;
    const tail: PassiveTail = { windSpeedMS: u10, stabilityClass: w.stability, sigmaSet: s.sigma ?? 'ccps-puff' };
    // Cloud radius when its centre passes x: R² = R0² + 1.2·sqrt(g0'V0)·t at t = x/(0.4 u10) (§6.1).
    const radiusAtM = (xM: number) => Math.sqrt(r0 * r0 + 1.2 * Math.sqrt(g0 * v13 ** 3) * (Math.max(0, xM) / cloudMS));
    const ho = puffHandover({ isothermalRatio: pf.isothermalRatio, maxConcentrationKgM3: (x) => vfToKg(pf.maxVolumeFraction(x)), radiusAtM, sourceRichardson: densePuffCriterion({ ...base, volumeM3 }).value, cloudSpeedMS: cloudMS }, s.release.massKg, tail);
    const xh = ho.handover.distanceM;
    explanations.push(handoverNote('puff', ho.handover, ppm(ho.handover.concentrationKgM3), tail, { timeS: ho.handover.timeS.toFixed(0) }));
    // Trailing edge xc − R passes x when 0.4·u10·t − sqrt(R0² + 1.2·sqrt(g0'V0)·t) = x (cloud of §6.1); fixed point in t.
    const densePassedS = (xM: number) => {
      let t = Math.max(0, xM) / cloudMS;
      for (let k = 0; k < 30; k++) t = (Math.max(0, xM) + Math.sqrt(r0 * r0 + 1.2 * Math.sqrt(g0 * v13 ** 3) * t)) / cloudMS;
      return t;
    };
    const passedS = (x: number) => (x <= xh ? densePassedS(x) : ho.handover.timeS + (x - xh + 3 * ho.sigmaYAtM(x)) / u10);
    const denseCentre = (x: number, z: number) => (x > 0 ? vfToKg(pf.volumeFraction(x, 0, z, x / cloudMS)) : 0);
    return {
      ...common,
      sigma: tail.sigmaSet,
      handover: ho.handover,
      time: { kind: 'transient', releaseEndS: 0, passedS, cloudAxisM: (t) => { const xc = t < ho.handover.timeS ? cloudMS * Math.max(0, t) : xh + u10 * (t - ho.handover.timeS); return [xc, xc]; } },
      scanLimitM: () => 100_000,
      concentrationKgM3(x, y, z, t) {
        if (t === undefined) {
          if (x > xh) {
            const tPass = ho.handover.timeS + (x - xh) / u10;
            return { concentrationKgM3: ho.passiveKgM3(x, y, z, tPass), tS: tPass };
          }
          const tPass = x / cloudMS;
          return { concentrationKgM3: pf.volumeFraction(x, y, z, Math.max(tPass, 0)) > 0 ? vfToKg(pf.maxVolumeFraction(x)) : 0, tS: tPass };
        }
        return { concentrationKgM3: t < ho.handover.timeS ? vfToKg(pf.volumeFraction(x, y, z, t)) : ho.passiveKgM3(x, y, z, t), tS: t };
      },
      centrelineKgM3: (x, z) => (x > xh ? ho.centreKgM3(x, z) : denseCentre(x, z)),
      halfWidthM(x, z, thr) {
        if (x > xh) {
          const c0 = ho.centreKgM3(x, z);
          return c0 > thr ? ho.sigmaYAtM(x) * Math.sqrt(2 * Math.log(c0 / thr)) : 0;
        }
        if (!(denseCentre(x, z) >= thr)) return 0;
        return radiusAtM(x);
      },
    };
  }
  const volumeRateM3S = s.release.rateKgS / rhoRelease;
  const pl = densePlume({ ...base, volumeRateM3S });
  warnings.push(...pl.warnings);
  if (s.release.durationS !== undefined || s.release.rateSteps !== undefined) warnings.push(simNote('dense.steady'));
  explanations.push(simNote('why.dense-plume', { volumeRateM3S: volumeRateM3S.toFixed(3), lengthM: pl.lengthScaleM.toFixed(2), alpha: pl.alpha.toFixed(3), releaseK: fmt(base.releaseTemperatureK, 1), airK: fmt(w.airTempK, 1) }));
  // The passive tail is a steady plume: the EPA low-wind floor applies to it (§1).
  const tailWind = applyLowWindFloor(u10).windSpeedMS;
  const tail: PassiveTail = { windSpeedMS: tailWind, stabilityClass: w.stability, sigmaSet: plumeSigma, ...(w.mixingHeightM === undefined ? {} : { mixingHeightM: w.mixingHeightM }) };
  const ho = plumeHandover({ isothermalRatio: pl.isothermalRatio, centrelineKgM3: (x) => vfToKg(pl.centrelineVolumeFraction(x)), halfWidthM: pl.halfWidthM, sourceRichardson: densePlumeCriterion({ ...base, volumeRateM3S }).value }, s.release.rateKgS, tail);
  const xh = ho.handover.distanceM;
  explanations.push(handoverNote('plume', ho.handover, ppm(ho.handover.concentrationKgM3), tail));
  return {
    ...common,
    sigma: plumeSigma,
    handover: ho.handover,
    buoyancyFluxM4S3: Math.max(0, reducedGravityMS2(base.releaseDensityKgM3, base.ambientDensityKgM3)) * volumeRateM3S,
    time: { kind: 'steady' },
    scanLimitM: () => 100_000,
    concentrationKgM3: (x, y, z) => ({ concentrationKgM3: x > xh ? ho.passiveKgM3(x, y, z) : vfToKg(pl.volumeFraction(x, y, z)) }),
    centrelineKgM3: (x, z) => (x > xh ? ho.passiveKgM3(x, 0, z) : vfToKg(pl.volumeFraction(x, 0, z))),
    halfWidthM: (x, z, thr) => (x > xh ? ho.halfWidthM(x, z, thr) : vfToKg(pl.volumeFraction(x, 0, z)) >= thr ? pl.halfWidthM(x) : 0),
  };
}

/** The hand-over in words, for `explanations`: where, why, and the passive tail's virtual sources and matching. */
function handoverNote(kind: 'plume' | 'puff', h: Handover, ppmText: string, tail: PassiveTail, extra: Readonly<Record<string, string>> = {}): SimNote {
  const key = `why.handover-${kind}-${h.criterion === 'correlation-end' ? 'end' : 'richardson'}` as const;
  return simNote(key, {
    distanceM: h.distanceM.toFixed(0), ratio: h.isothermalRatio.toPrecision(3), ppm: ppmText, sigma: tail.sigmaSet, windMS: tail.windSpeedMS.toFixed(2),
    virtualYM: h.virtualTravelYM.toFixed(0), virtualZM: h.virtualTravelM.toFixed(0), widthM: h.denseHalfWidthM.toFixed(1), ...extra,
  });
}
