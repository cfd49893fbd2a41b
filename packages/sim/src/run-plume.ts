// The `plume` command: a scenario in, receptor concentrations and threshold distances out (issue 4 contract).
import { defaultLevelsOfConcern } from './chemicals/lookup.ts';
import { integratedDoseKgSM3 } from './gaussian-puff.ts';
import { resolveModel, type ModelName, type ResolvedModel } from './resolve-model.ts';
import { parseInput, plumeScenarioSchema, type PlumeScenario } from './scenario.ts';
import { farthestCrossingM } from './search.ts';
import type { SigmaSet } from './sigma.ts';
import { sigmaFittedRangeM } from './sigma.ts';
import { saidNotes, simNote, type SimNote } from './notes.ts';
import { kgM3ToPpm } from './units.ts';

/** Engine identity, stored with every run so it can be replayed. */
export const ENGINE = { name: '@safetwin/sim', version: '0.1.0' } as const;

/** One receptor's result. */
export interface ReceptorResult {
  xM: number;
  yM: number;
  zM: number;
  /** Time [s] of the value: as given, or the time of the peak for puffs when none was given. */
  tS?: number;
  concentrationKgM3: number;
  concentrationPpm: number;
  /** Concentration over time at the point, when seriesTimesS was given. */
  series?: { tS: number; concentrationKgM3: number; concentrationPpm: number }[];
  /** Time-integrated dose ∫C dt from 0 to doseUntilS [kg·s/m³ and ppm·min], when doseUntilS was given. */
  dose?: { untilS: number; doseKgSM3: number; dosePpmMin: number };
}

/** One threshold's farthest downwind distance at thresholdHeightM [m]; reachedLimit when still above it at the scan limit. */
export interface ThresholdResult {
  ppm: number;
  label?: string;
  distanceM: number;
  reachedLimit?: boolean;
}

/** Output of the `plume` command. */
export interface PlumeResult {
  model: ModelName;
  /** σ set used (for a dense model: the σ set of its passive part beyond the hand-over). */
  sigma: SigmaSet;
  chemical: { id: string; cas: string; molarMassKgMol: number };
  windSpeedMS: number;
  stability: string;
  receptors: ReceptorResult[];
  thresholds: ThresholdResult[];
  /** The English of `explanationNotes`. */
  explanations: string[];
  explanationNotes: SimNote[];
  /** The English of `warningNotes`. */
  warnings: string[];
  warningNotes: SimNote[];
  engine: typeof ENGINE;
}

/** Thresholds of a scenario: as given, or the chemical's AEGL-3/2/1 (60 min). */
export function scenarioThresholds(s: PlumeScenario, m: ResolvedModel): { ppm: number; label?: string }[] {
  if (s.thresholdsPpm) return s.thresholdsPpm.map((ppm) => ({ ppm }));
  const levels = defaultLevelsOfConcern(m.chemical);
  if (levels.length === 0) m.warnings.push(simNote('levels.none-for-plume', { chemical: m.chemical.id }));
  return levels.map((l) => ({ ppm: l.ppm, label: l.label }));
}

/** Farthest downwind distance where the centreline value at height z reaches the threshold (§10 scan + bisection). */
export function thresholdDistance(m: ResolvedModel, ppm: number, zM: number): { distanceM: number; reachedLimit: boolean } {
  const thr = m.ppmToKgM3(ppm);
  const limit = m.scanLimitM(thr, zM);
  if (limit <= 1) return { distanceM: 0, reachedLimit: false };
  return farthestCrossingM((x) => m.centrelineKgM3(x, zM), thr, { xMinM: 1, xMaxM: limit, stepRatio: m.scanStepRatio });
}

/** Warnings about one threshold distance (scan limit reached, beyond the dense → passive hand-over, σ outside its fitted range); shared by plume and zones. */
export function thresholdWarnings(m: ResolvedModel, ppm: number, d: { distanceM: number; reachedLimit: boolean }): SimNote[] {
  const out: SimNote[] = [];
  if (d.reachedLimit) out.push(simNote('threshold.scan-limit', { ppm, distanceM: Math.round(d.distanceM) }));
  if (m.handover && d.distanceM > m.handover.distanceM) {
    out.push(simNote(m.time.kind === 'steady' ? 'threshold.beyond-handover-plume' : 'threshold.beyond-handover-puff', { ppm, handoverM: Math.round(m.handover.distanceM) }));
  }
  // A dense model's σ set serves its passive part only: no σ-range warning inside the Britter–McQuaid region.
  if (d.distanceM > 0 && !(m.handover && d.distanceM <= m.handover.distanceM)) {
    const range = sigmaFittedRangeM(m.sigma);
    if (d.distanceM < range.fromM || d.distanceM > range.toM) {
      out.push(simNote('threshold.sigma-range', { ppm, sigma: m.sigma, fromM: range.fromM, toKm: range.toM / 1000, xM: Math.round(d.distanceM) }));
    }
  }
  return out;
}

/** Runs the `plume` command on unvalidated input (throws SimError naming the bad field). Pure. */
export function runPlume(input: unknown): PlumeResult {
  const s = parseInput(plumeScenarioSchema, input);
  const m = resolveModel(s);
  const toPpm = (c: number) => kgM3ToPpm(c, m.chemical.molarMassKgMol, s.weather.airTempK, s.weather.pressurePa);
  const receptors = s.receptors.map((r): ReceptorResult => {
    const c = m.concentrationKgM3(r.xM, r.yM, r.zM, r.tS);
    const at = (t: number) => m.concentrationKgM3(r.xM, r.yM, r.zM, t).concentrationKgM3;
    const series = r.seriesTimesS?.map((t) => {
      const v = at(t);
      return { tS: t, concentrationKgM3: v, concentrationPpm: toPpm(v) };
    });
    let dose: ReceptorResult['dose'];
    if (r.doseUntilS !== undefined) {
      const d = integratedDoseKgSM3(at, 0, r.doseUntilS, 4000);
      dose = { untilS: r.doseUntilS, doseKgSM3: d, dosePpmMin: toPpm(d) / 60 };
    }
    return {
      xM: r.xM, yM: r.yM, zM: r.zM,
      ...(c.tS === undefined ? {} : { tS: c.tS }),
      concentrationKgM3: c.concentrationKgM3,
      concentrationPpm: toPpm(c.concentrationKgM3),
      ...(series ? { series } : {}),
      ...(dose ? { dose } : {}),
    };
  });
  const thresholds = scenarioThresholds(s, m).map((t): ThresholdResult => {
    const d = thresholdDistance(m, t.ppm, s.thresholdHeightM);
    m.warnings.push(...thresholdWarnings(m, t.ppm, d));
    return { ppm: t.ppm, ...(t.label ? { label: t.label } : {}), distanceM: d.distanceM, ...(d.reachedLimit ? { reachedLimit: true } : {}) };
  });
  return {
    model: m.model,
    sigma: m.sigma,
    chemical: { id: m.chemical.id, cas: m.chemical.cas, molarMassKgMol: m.chemical.molarMassKgMol },
    windSpeedMS: m.windSpeedMS,
    stability: s.weather.stability,
    receptors,
    thresholds,
    ...saidNotes(m.explanations, m.warnings),
    engine: ENGINE,
  };
}
