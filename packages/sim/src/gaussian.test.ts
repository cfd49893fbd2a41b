import { describe, expect, it } from 'vitest';
import { plumeConcentrationKgM3, plumeHalfWidthM, plumeMaximumKgM3, type PlumeParams } from './gaussian-plume.ts';
import { integratedDoseKgSM3, peakOverTime, piecewiseRate, puffConcentrationKgM3, puffTrainConcentrationKgM3, type PuffTrainParams } from './gaussian-puff.ts';
import { erf, finiteRelease } from './palazzi.ts';
import { sigmaYM, sigmaZM } from './sigma.ts';

const plume = (over: Partial<PlumeParams> = {}): PlumeParams => ({ rateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural', ...over });

/** ∫∫ u·C dy dz over the half-space z ≥ 0 by the midpoint rule: must equal Q (mass conservation with reflection). */
function crosswindFluxKgS(p: PlumeParams, xM: number): number {
  const sy = sigmaYM(xM, p.stabilityClass, p.sigmaSet);
  const sz = sigmaZM(xM, p.stabilityClass, p.sigmaSet);
  const ny = 200, nz = 200;
  const ymax = 8 * sy, zmax = p.releaseHeightM + 8 * sz;
  const dy = (2 * ymax) / ny, dz = zmax / nz;
  let s = 0;
  for (let i = 0; i < ny; i++) for (let k = 0; k < nz; k++) s += plumeConcentrationKgM3(p, xM, -ymax + (i + 0.5) * dy, (k + 0.5) * dz);
  return s * dy * dz * p.windSpeedMS;
}

describe('Gaussian plume (plume-physics.md §2)', () => {
  const CASES = [
    { title: 'ground source, class D, 500 m', input: plume(), xM: 500 },
    { title: 'elevated 30 m, class B, 800 m', input: plume({ releaseHeightM: 30, stabilityClass: 'B' }), xM: 800 },
    { title: 'ground source, class F urban, 2 km', input: plume({ stabilityClass: 'F', sigmaSet: 'briggs-urban' }), xM: 2000 },
    { title: 'ground source, class E, PGT/ISC3, 1 km', input: plume({ stabilityClass: 'E', sigmaSet: 'pgt-isc3' }), xM: 1000 },
  ];
  for (const c of CASES) {
    it(`conserves mass across a crosswind plane: ${c.title}`, () => {
      expect(crosswindFluxKgS(c.input, c.xM), c.title).toBeCloseTo(c.input.rateKgS, 3);
    });
  }
  it('is zero upwind and at the source plane', () => {
    expect(plumeConcentrationKgM3(plume(), -10, 0, 0)).toBe(0);
    expect(plumeConcentrationKgM3(plume(), 0, 0, 0)).toBe(0);
  });
  it('ground-level centreline of a ground source is Q/(π u σy σz)', () => {
    const p = plume();
    const expected = 1 / (Math.PI * 3 * sigmaYM(700, 'D', 'briggs-rural') * sigmaZM(700, 'D', 'briggs-rural'));
    expect(plumeConcentrationKgM3(p, 700, 0, 0)).toBeCloseTo(expected, 12);
  });
  it('the isopleth half-width gives C = threshold at y½', () => {
    const p = plume();
    const thr = plumeConcentrationKgM3(p, 400, 0, 0) / 5;
    const y = plumeHalfWidthM(p, 400, 0, thr);
    expect(plumeConcentrationKgM3(p, 400, y, 0) / thr).toBeCloseTo(1, 9);
  });
  it('elevated maximum lies near σz = H/√2 (Fundamentals of Air Pollution 3E §III.D)', () => {
    const m = plumeMaximumKgM3(plume({ releaseHeightM: 60, windSpeedMS: 6 }));
    const szAtMax = sigmaZM(m.xM, 'D', 'briggs-rural');
    expect(szAtMax / (60 / Math.SQRT2)).toBeGreaterThan(0.85);
    expect(szAtMax / (60 / Math.SQRT2)).toBeLessThan(1.15);
  });
  it('a mixing lid raises ground concentrations and tends to the well-mixed form', () => {
    const free = plumeConcentrationKgM3(plume({ stabilityClass: 'C' }), 5000, 0, 0);
    const lid = plumeConcentrationKgM3(plume({ stabilityClass: 'C', mixingHeightM: 200 }), 5000, 0, 0);
    expect(lid).toBeGreaterThan(free);
    const sy = sigmaYM(5000, 'C', 'briggs-rural');
    expect(lid).toBeCloseTo(1 / (Math.sqrt(2 * Math.PI) * 3 * sy * 200), 9);
  });
});

describe('Gaussian puff and puff train (plume-physics.md §3)', () => {
  it('a puff holds its mass (∫∫∫ C dV = M over z ≥ 0)', () => {
    const p = { massKg: 50, windSpeedMS: 2, releaseHeightM: 5, stabilityClass: 'D' as const, sigmaSet: 'ccps-puff' as const };
    const t = 300;
    const sx = sigmaYM(600, 'D', 'ccps-puff');
    const sz = sigmaZM(600, 'D', 'ccps-puff');
    const n = 60;
    const hx = (12 * sx) / n, hz = (5 + 8 * sz) / n;
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) s += puffConcentrationKgM3(p, 600 - 6 * sx + (i + 0.5) * hx, -6 * sx + (j + 0.5) * hx, (k + 0.5) * hz, t);
    expect(s * hx * hx * hz).toBeCloseTo(50, 2);
  });
  it('a long puff train reproduces the steady plume mid-release (within 1 %)', () => {
    const tp: PuffTrainParams = { rateKgSAt: () => 2, durationS: 3600, puffCount: 3600, windSpeedMS: 3, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' };
    for (const x of [200, 1000, 3000]) {
      const train = puffTrainConcentrationKgM3(tp, x, 0, 0, 1800 + x / 3);
      const steady = plumeConcentrationKgM3(plume({ rateKgS: 2 }), x, 0, 0);
      expect(Math.abs(train / steady - 1), `x = ${x} m: train ${train}, steady ${steady}`).toBeLessThan(0.01);
    }
  });
  it('a valve closing at 300 s: the puff train agrees with the Palazzi closed form (within 3 %) and the cloud passes', () => {
    const steps = [{ tS: 0, rateKgS: 1 }, { tS: 300, rateKgS: 0 }];
    const tp: PuffTrainParams = { rateKgSAt: piecewiseRate(steps), durationS: 300, puffCount: 600, windSpeedMS: 2, releaseHeightM: 0, stabilityClass: 'E', sigmaSet: 'briggs-rural' };
    const pz = finiteRelease({ steps, endS: 300, windSpeedMS: 2, releaseHeightM: 0, stabilityClass: 'E', sigmaSet: 'briggs-rural' });
    for (const x of [300, 1000]) {
      const peakTrain = peakOverTime((t) => puffTrainConcentrationKgM3(tp, x, 0, 0, t), 0, x / 2 + 600, 300).value;
      const peakPal = peakOverTime((t) => pz(x, 0, 0, t), 0, x / 2 + 600, 300).value;
      expect(Math.abs(peakTrain / peakPal - 1), `x = ${x} m`).toBeLessThan(0.03);
    }
    expect(puffTrainConcentrationKgM3(tp, 300, 0, 0, 3000)).toBeLessThan(1e-12);
  });
  it('dose from a finite release equals rate × duration × steady C/Q (time integral of Palazzi)', () => {
    const steps = [{ tS: 0, rateKgS: 1 }];
    const pz = finiteRelease({ steps, endS: 600, windSpeedMS: 2, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' });
    const dose = integratedDoseKgSM3((t) => pz(500, 0, 0, t), 0, 2000, 4000);
    expect(dose / (600 * plumeConcentrationKgM3(plume({ windSpeedMS: 2 }), 500, 0, 0))).toBeCloseTo(1, 3);
  });
  it('erf matches known values (A&S 7.1.26, |error| ≤ 1.5e-7)', () => {
    expect(erf(0)).toBeCloseTo(0, 7);
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 6);
    expect(erf(-1.5)).toBeCloseTo(-0.9661051465, 6);
  });
});
