import { describe, expect, it } from 'vitest';
import { resolveModel } from '../resolve-model.ts';
import { simNote } from '../notes.ts';
import { plumeScenarioSchema } from '../scenario.ts';
import { estimateSource } from './estimate-source.ts';
import type { SourceCandidate, SourceDetector, SourceEstimationInput, WindSample } from './types.ts';

// Synthetic cases built with the plume engine itself: a steady release under a steady wind from
// the west (the cloud goes east), detectors read the model's concentration (ppm), optionally with
// seeded multiplicative noise, a stuck detector, or some detectors missing.
const NOW_MS = Date.UTC(2026, 5, 1, 12, 0);
const WIND_FROM_DEG = 270;
const WIND_MS = 3;
const FLOOR_PPM = 0.5;
const at = (eastM: number, northM: number) => ({ eastM, northM, upM: 0 });
/** A point of a pipe's run `upM` above grade (a line candidate's ends carry the pipe's height). */
const pipeAt = (eastM: number, northM: number, upM = 1) => ({ eastM, northM, upM });
/** The true source A and two rivals: B straight upwind of A, C 60 m to its north. */
const A: SourceCandidate = { id: 'A', position: at(0, 0), releaseHeightM: 1 };
const B: SourceCandidate = { id: 'B', position: at(-250, 0), releaseHeightM: 1 };
const C: SourceCandidate = { id: 'C', position: at(0, 60), releaseHeightM: 1 };
/** Detectors downwind of A (x east, y north), 1.5 m up. */
const DOWNWIND: [number, number][] = [[60, -15], [60, 0], [60, 15], [120, -20], [120, 0], [120, 20], [250, -30], [250, 0], [250, 30], [120, 60], [250, 90]];
/** Detectors between B and A (they would see B's plume, not A's). */
const BETWEEN: [number, number][] = [[-120, -8], [-120, 0], [-120, 8], [-60, 0]];

/** Seeded uniform numbers for the test's noise: the Numerical Recipes LCG (Press et al. 2007, §7.1). */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(1664525, state) + 1013904223) >>> 0) / 4294967296;
}

function wind(): WindSample[] {
  const out: WindSample[] = [];
  for (let t = NOW_MS - 1_200_000; t <= NOW_MS; t += 10_000) out.push({ tMs: t, windSpeedMS: WIND_MS, windFromDeg: WIND_FROM_DEG, stability: 'D' });
  return out;
}

interface Case {
  chemical?: string;
  rateKgS?: number;
  points?: [number, number][];
  /** Log-space noise σ (seeded). */
  noise?: number;
  seed?: number;
  /** Detector index → constant reading (a stuck detector). */
  stuck?: Record<number, number>;
  candidates?: SourceCandidate[];
}

/** Steady concentration of the true release A at (east, north, 1.5 m), ppm, from the plume engine. */
function truePpm(chemical: string, rateKgS: number, eastM: number, northM: number): number {
  const model = resolveModel(plumeScenarioSchema.parse({
    chemical, model: 'auto', release: { kind: 'continuous', rateKgS, heightM: A.releaseHeightM }, weather: { windSpeedMS: WIND_MS, windHeightM: 10, stability: 'D' },
  }));
  // Wind from the west: downwind x = east, crosswind y = north (left of the wind is +y in the engine's frame: y = n·sin − e·cos).
  return model.concentrationKgM3(eastM, northM, 1.5).concentrationKgM3 / model.ppmToKgM3(1);
}

function input(c: Case = {}): SourceEstimationInput {
  const chemical = c.chemical ?? 'NH3';
  const rate = c.rateKgS ?? 0.5;
  const random = rng(c.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const detectors: SourceDetector[] = (c.points ?? [...DOWNWIND, ...BETWEEN]).map(([e, n], i) => {
    const ppm = truePpm(chemical, rate, e, n);
    const readings: [number, number][] = [];
    for (let t = NOW_MS - 300_000; t < NOW_MS; t += 1000) {
      const stuck = c.stuck?.[i];
      readings.push([t, stuck ?? ppm * Math.exp((c.noise ?? 0) * gauss())]);
    }
    return { id: `D${i}`, position: { eastM: e, northM: n, upM: 1.5 }, unit: 'ppm', readings, detectionLimit: FLOOR_PPM, saturation: 100_000 };
  });
  return { chemical, candidates: c.candidates ?? [A, B, C], detectors, wind: wind(), nowMs: NOW_MS };
}

const prob = (r: ReturnType<typeof estimateSource>, id: string) => r.candidates.find((x) => x.id === id)!.probability;

describe('estimateSource', () => {
  it('recovers a single source and its rate exactly from noise-free readings of the plume engine', () => {
    // No noise and no meander: the direction spread marginalised over is set to 0.
    const r = estimateSource({ ...input(), options: { dirSpreadDeg: 0 } });
    expect(r.discriminating).toBe(true);
    expect(r.candidates[0]!.id).toBe('A');
    expect(r.candidates[0]!.probability).toBeGreaterThan(0.99);
    expect(r.candidates[0]!.rateKgS).toBeCloseTo(0.5, 2);
    expect(r.candidates[0]!.model).toBe('gaussian-plume');
    expect(r.candidates.map((x) => x.probability).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    // Residuals of the true source: the hit detectors are explained to the floor's rounding.
    const top = r.candidates[0]!;
    expect(top.hitsExplained).toBe(r.hitDetectorIds.length);
    for (const res of top.residuals.filter((x) => x.observedMax > FLOOR_PPM)) expect(res.rmsLogResidual).toBeLessThan(0.01);
  });

  it('recovers the rate within its uncertainty from noisy readings (seeded, 30 % log noise)', () => {
    for (const [seed, rate] of [[3, 0.2], [4, 2], [5, 0.05]] as const) {
      const r = estimateSource(input({ seed, rateKgS: rate, noise: 0.3 }));
      const top = r.candidates[0]!;
      expect(top.id, `seed ${seed}`).toBe('A');
      expect(top.rateKgS / rate, `seed ${seed}`).toBeGreaterThan(0.8);
      expect(top.rateKgS / rate, `seed ${seed}`).toBeLessThan(1.25);
      expect(Math.abs(Math.log(top.rateKgS / rate)), `seed ${seed}`).toBeLessThan(3 * Math.log(top.rateFactor));
    }
  });

  it('recovers a dense (Britter–McQuaid) release: the rate scan finds the rate the field was made with', () => {
    const r = estimateSource(input({ chemical: 'Cl2', rateKgS: 2, points: DOWNWIND }));
    expect(r.candidates[0]!.id).toBe('A');
    expect(r.candidates[0]!.model).toBe('dense');
    expect(r.candidates[0]!.rateKgS).toBeGreaterThan(2 / 1.2);
    expect(r.candidates[0]!.rateKgS).toBeLessThan(2 * 1.2);
  });

  it('uses non-hits: detectors that see nothing between B and A exclude the upwind candidate B', () => {
    const withNonHits = estimateSource(input({ candidates: [A, B] }));
    const withoutThem = estimateSource(input({ candidates: [A, B], points: DOWNWIND }));
    expect(prob(withNonHits, 'B')).toBeLessThan(1e-6);
    // Without the silent detectors B explains the downwind readings much better than it can with them.
    expect(prob(withoutThem, 'B')).toBeGreaterThan(100 * prob(withNonHits, 'B'));
  });

  it('stuck detectors neither flip the ranking nor drag the rate (they would drag it without the outlier mixture)', () => {
    // D1 sits on A's axis 60 m downwind and is stuck at its clean-air reading; D9 (north of the plume, where
    // only C's plume goes) is stuck high.
    const stuck = { 1: 0, 4: 0, 9: 300 };
    const robust = estimateSource(input({ stuck, noise: 0.2, seed: 7 }));
    expect(robust.candidates[0]!.id).toBe('A');
    expect(prob(robust, 'A')).toBeGreaterThan(0.9);
    // The rate is not dragged by them either; without the outlier mixture it is.
    const rateError = (r: typeof robust) => Math.abs(Math.log(r.candidates.find((x) => x.id === 'A')!.rateKgS / 0.5));
    expect(rateError(robust)).toBeLessThan(Math.log(1.25));
    const fragile = estimateSource({ ...input({ stuck, noise: 0.2, seed: 7 }), options: { outlierFraction: 1e-300 } });
    expect(rateError(fragile)).toBeGreaterThan(2 * rateError(robust));
  });

  it('fewer than 3 detectors hit: flagged as not discriminating, still ranked', () => {
    const r = estimateSource(input({ points: [[60, 0], [120, 0], [-120, 0], [120, 200]] }));
    expect(r.hitDetectorIds).toEqual(['D0', 'D1']);
    expect(r.discriminating).toBe(false);
    expect(r.reason).toMatch(/only 2 detector\(s\) saw gas; at least 3/);
    expect(r.reasonCode).toBe('few-hits');
    expect(r.candidates).toHaveLength(3);
  });

  it('priors weigh in, detectors without readings are ignored, and the same input gives the same answer', () => {
    const base = input({ noise: 0.3, seed: 11 });
    const quiet: SourceDetector = { id: 'silent', position: at(30, 0), unit: 'ppm', readings: [], detectionLimit: 1 };
    const a = estimateSource({ ...base, detectors: [...base.detectors, quiet] });
    const b = estimateSource({ ...base, detectors: [...base.detectors, quiet] });
    expect(a).toEqual(b);
    expect(a.detectorsIgnored).toEqual([{ id: 'silent', reason: 'no readings in the window' }]);
    // A candidate of a chemical the engine does not know is left out, and said so in English and as a keyed note.
    const odd = estimateSource({ ...base, candidates: [A, B, { ...C, chemical: 'XYZ' }] });
    expect(odd.candidates.map((c) => c.id)).not.toContain('C');
    expect(odd.warningNotes).toEqual([simNote('source.unknown-chemical', { id: 'C', chemical: 'XYZ' })]);
    expect(odd.warnings).toEqual(["candidate C: unknown chemical 'XYZ', left out"]);
    // Equal data, C's prior 10× B's: the posterior odds of C vs B move by 10×.
    const weighted = estimateSource({ ...base, candidates: [A, B, { ...C, priorWeight: 10 }] });
    expect(prob(weighted, 'C') / prob(weighted, 'B') / ((10 * prob(a, 'C')) / prob(a, 'B'))).toBeCloseTo(1, 9);
  });

  it('searches a pipe run for the leak: a long line through A wins over a point at its middle, and places the leak at A', () => {
    // A crosswind run 400 m long from 70 m south of A: A lies 70 m along it, on the middle of its 4th 20-m piece.
    const line: SourceCandidate = { id: 'L', position: at(0, 130), releaseHeightM: 1, line: { from: pipeAt(0, -70), to: pipeAt(0, 330) } };
    const middle: SourceCandidate = { id: 'M', position: at(0, 130), releaseHeightM: 1 };
    const r = estimateSource(input({ noise: 0.2, seed: 5, candidates: [line, middle, B] }));
    const top = r.candidates[0]!;
    expect(top.id).toBe('L');
    expect(top.probability).toBeGreaterThan(0.99);
    expect(top.along!.distanceM).toBeCloseTo(70, 6);
    expect(Math.hypot(top.position.eastM, top.position.northM)).toBeLessThan(1e-9);
    // The spread along the run: at least the piece's own (20/√12 m), well under the run's (400/√12 m).
    expect(top.along!.sdM).toBeGreaterThanOrEqual(20 / Math.sqrt(12));
    expect(top.along!.sdM).toBeLessThan(40);
    expect(top.rateKgS / 0.5).toBeGreaterThan(0.8);
    expect(top.rateKgS / 0.5).toBeLessThan(1.25);
    // A point candidate is placed where it is and has no distance along.
    expect(r.candidates.find((x) => x.id === 'M')).toMatchObject({ position: middle.position, along: null });
    // The same run given as its midpoint alone (the estimate before searching along pipes) loses to the upwind B or at
    // least does not explain A's plume: its best place was 130 m off the leak.
    const asPoint = estimateSource(input({ noise: 0.2, seed: 5, candidates: [{ ...middle, id: 'L' }, B] }));
    expect(asPoint.candidates.find((x) => x.id === 'L')!.logEvidence).toBeLessThan(top.logEvidence - 20);
  });

  it('a run no longer than a search spacing is one place; the probability of a run is the sum of its points', () => {
    const spool: SourceCandidate = { ...A, id: 'S', line: { from: pipeAt(-1, 0), to: pipeAt(1, 0) } };
    const r = estimateSource(input({ candidates: [spool, B, C] }));
    const s = r.candidates.find((x) => x.id === 'S')!;
    expect(s.along!.distanceM).toBe(1);
    expect(s.along!.sdM).toBeCloseTo(2 / Math.sqrt(12), 12);
    expect(s.position).toEqual(A.position);
    const asPoint = estimateSource(input({ candidates: [A, B, C] }));
    expect(s.probability).toBeCloseTo(asPoint.candidates.find((x) => x.id === 'A')!.probability, 12);
    expect(r.candidates.map((x) => x.probability).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
  });

  it('searches a riser for the height of the hole: a leak near its foot is placed low, with its rate', () => {
    // A riser climbing from 0.5 m to 8.5 m at A (a 2 m run in plan), searched every metre (1, 2, … 8 m); A's hole is at
    // 1 m and the detectors hang at 1.5 m, so holes at 1 m and 2 m look alike to them (mirror images about their height).
    const riser: SourceCandidate = { ...A, id: 'R', releaseHeightM: 4.5, line: { from: pipeAt(-1, 0, 0.5), to: pipeAt(1, 0, 8.5) } };
    const close: [number, number][] = [[15, -3], [15, 0], [15, 3], [30, 0], ...DOWNWIND];
    const r = estimateSource({ ...input({ points: close, candidates: [riser, B] }), options: { dirSpreadDeg: 0 } });
    const top = r.candidates[0]!;
    expect(top.id).toBe('R');
    expect([1, 2]).toContain(Number(top.releaseHeightM.toFixed(9)));
    expect(top.rateKgS / 0.5).toBeGreaterThan(1 / 1.25);
    expect(top.rateKgS / 0.5).toBeLessThan(1.25);
    // The riser at its middle's height only (how a run was modelled before its height was searched) fits far worse,
    // with a rate about twice too high.
    const flat = estimateSource({ ...input({ points: close, candidates: [{ ...riser, line: { from: pipeAt(-1, 0, 4.5), to: pipeAt(1, 0, 4.5) } }, B] }), options: { dirSpreadDeg: 0 } });
    const flatTop = flat.candidates.find((x) => x.id === 'R')!;
    expect(flatTop.releaseHeightM).toBe(4.5);
    expect(flatTop.logEvidence).toBeLessThan(top.logEvidence - 50);
    expect(flatTop.rateKgS / 0.5).toBeGreaterThan(1.5);
  });

  it('a %LEL detector reads a flammable candidate through its LEL; a ppm detector of another gas sees nothing', () => {
    const base = input({ chemical: 'CH4', rateKgS: 0.3, points: DOWNWIND });
    const lel = base.detectors.map((d) => ({ ...d, unit: '%LEL' as const, detectionLimit: FLOOR_PPM / 500, readings: d.readings.map(([t, v]) => [t, v / 500] as [number, number]) }));
    const r = estimateSource({ ...base, detectors: lel, options: { dirSpreadDeg: 0 } });
    // CH4 LEL 5 vol % = 50 000 ppm: 100 %LEL per 50 000 ppm = 1/500 %LEL per ppm.
    expect(r.candidates[0]!.id).toBe('A');
    expect(r.candidates[0]!.rateKgS).toBeCloseTo(0.3, 2);
    const otherGas = estimateSource({ ...base, detectors: base.detectors.map((d) => ({ ...d, gas: 'Cl2' })) });
    expect(otherGas.candidates[0]!.hitsExplained).toBe(0);
  });
  it('a flow transmitter tells twin pipes apart: the metered line whose flow rose leads, at the rate the flow gives', () => {
    // Two spools through A (no plume can tell them apart), one on a 100 m metered line (the hole 50 m along it, the
    // transmitter 10 m along: upstream, so it reads (1 − 0.5)·q more), the other on an unmetered line.
    const spool = { position: A.position, releaseHeightM: 1, line: { from: pipeAt(-1, 0), to: pipeAt(1, 0) } };
    const metered: SourceCandidate = { ...spool, id: 'M', flowLine: { lengthM: 100, fromAtM: 49, toAtM: 51, meters: [{ id: 'FT', atM: 10 }] } };
    const plain: SourceCandidate = { ...spool, id: 'P' };
    // The gas is there from the window's start (the first hit then); the flow rose with the release, 30 s before it.
    const flow = (riseKgS: number) => {
      const readings: [number, number][] = [];
      for (let t = NOW_MS - 1_200_000, i = 0; t <= NOW_MS; t += 1000, i++) readings.push([t, 1 + (t >= NOW_MS - 330_000 ? riseKgS : 0) + (i % 2 ? 0.003 : -0.003)]);
      return [{ id: 'FT', readings }];
    };
    const base = input({ noise: 0.2, seed: 9, candidates: [metered, plain, B] });
    const gasOnly = estimateSource(base);
    expect(prob(gasOnly, 'M')).toBeCloseTo(prob(gasOnly, 'P'), 6);
    const risen = estimateSource({ ...base, flowMeters: flow(0.25) });
    expect(risen.candidates[0]!.id).toBe('M');
    expect(prob(risen, 'M')).toBeGreaterThan(0.95);
    expect(risen.candidates[0]!.rateKgS / 0.5).toBeGreaterThan(0.8);
    expect(risen.candidates[0]!.rateKgS / 0.5).toBeLessThan(1.25);
    // The flow stayed put: a hole in the metered line would have moved it, so the plain line leads.
    const still = estimateSource({ ...base, flowMeters: flow(0) });
    expect(still.candidates[0]!.id).toBe('P');
    expect(prob(still, 'M')).toBeLessThan(0.05);
  });
});
