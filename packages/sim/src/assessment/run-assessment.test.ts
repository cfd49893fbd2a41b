import { describe, expect, it } from 'vitest';
import { SimError } from '../errors.ts';
import { plumeToLocal } from '../geo.ts';
import { resolveModel } from '../resolve-model.ts';
import { parseInput, plumeScenarioSchema } from '../scenario.ts';
import { runPlume } from '../run-plume.ts';
import { runZones } from '../run-zones.ts';
import { sigmaYM, sigmaZM } from '../sigma.ts';
import { kgM3ToPpm } from '../units.ts';
import { runAssessment } from './run-assessment.ts';

const weather = { windSpeedMS: 3, stability: 'D', windFromDeg: 250 } as const;
const steady = { chemical: 'Cl2', model: 'gaussian-plume', release: { kind: 'continuous', rateKgS: 1 }, weather };
const finite = { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 1, durationS: 600 }, weather };
const puff = { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'instantaneous', massKg: 500 }, weather };
/** A point x m downwind, y m to the left of the plume axis, in metres east/north of the source. */
const at = (x: number, y: number) => {
  const [[e, n]] = plumeToLocal([[x, y]], weather.windFromDeg) as [[number, number]];
  return { eastM: e, northM: n };
};
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SimError ? `${e.code} ${e.path}` : String(e);
  }
  return 'no error';
};

describe('runAssessment (issue 4 contract)', () => {
  it('returns exactly the zones of runZones for the same input (lon/lat origin too)', () => {
    const input = { ...steady, origin: { lon: 118.8, lat: 32.05 } };
    expect(runAssessment(input).zones).toEqual(runZones(input));
    expect(runAssessment(puff).zones).toEqual(runZones(puff));
  });

  it('steady plume: one frame (tS null) on square cells that cover every zone polygon; cells equal the point model', () => {
    const r = runAssessment({ ...steady, grid: { maxCellsPerSide: 64 } });
    const g = r.grid;
    expect(g.frames).toHaveLength(1);
    expect(g.frames[0]!.tS).toBeNull();
    expect(g.unit).toBe('ppm');
    expect(Math.max(g.nx, g.ny)).toBeLessThanOrEqual(64);
    expect(g.frames[0]!.valuesPpm).toHaveLength(g.nx * g.ny);
    const zones = runZones(steady);
    for (const f of zones.features) {
      for (const [e, n] of f.geometry.coordinates[0]!) {
        expect(e).toBeGreaterThan(g.east0M - g.cellM / 2);
        expect(e).toBeLessThan(g.east0M + (g.nx - 0.5) * g.cellM);
        expect(n).toBeGreaterThan(g.north0M - g.cellM / 2);
        expect(n).toBeLessThan(g.north0M + (g.ny - 0.5) * g.cellM);
      }
    }
    // Cell (i, j) against the plume command at the same point in plume coordinates (independent rotation).
    const b = ((weather.windFromDeg + 180) * Math.PI) / 180;
    let checked = 0;
    for (let j = 0; j < g.ny; j += 7) {
      for (let i = 0; i < g.nx; i += 5) {
        const e = g.east0M + i * g.cellM, n = g.north0M + j * g.cellM;
        const x = e * Math.sin(b) + n * Math.cos(b), y = -e * Math.cos(b) + n * Math.sin(b);
        const ref = runPlume({ ...steady, receptors: [{ xM: x, yM: y, zM: 0 }] }).receptors[0]!.concentrationPpm;
        const v = g.frames[0]!.valuesPpm[j * g.nx + i]!;
        expect(Math.abs(v - ref)).toBeLessThanOrEqual(1e-6 * ref + 1e-30);
        if (ref > 0.5) checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(g.frames[0]!.maxPpm).toBe(Math.max(...g.frames[0]!.valuesPpm));
  });

  it('steady plume points: travel-time arrival, AEGL level, 60-min dose, nothing upwind', () => {
    const x = 1500;
    const r = runAssessment({ ...steady, points: [{ id: 'gate', label: 'Gate 2', ...at(x, 20) }, { id: 'upwind', ...at(-300, 0) }] });
    const [gate, up] = r.points;
    const ref = runPlume({ ...steady, receptors: [{ xM: x, yM: 20, zM: 1.5 }] }).receptors[0]!.concentrationPpm;
    expect(gate!.downwindM).toBeCloseTo(x, 6);
    expect(gate!.crosswindM).toBeCloseTo(20, 6);
    expect(gate!.zM).toBe(1.5);
    expect(gate!.label).toBe('Gate 2');
    expect(gate!.peakPpm).toBeCloseTo(ref, 9);
    expect(gate!.peakAtS).toBeNull();
    expect(gate!.arrivalS).toBeCloseTo(x / 3, 9);
    // Cl2 AEGL-3/2/1 60 min: 20 / 2 / 0.5 ppm.
    const expected = ref >= 20 ? 20 : ref >= 2 ? 2 : ref >= 0.5 ? 0.5 : null;
    expect(gate!.worstLevel?.ppm ?? null).toBe(expected);
    // Dose over the 60-min window from arrival (review #6: not C·(60 min − x/u) from the release start).
    expect(gate!.dose.untilS).toBeCloseTo(x / 3 + 3600, 9);
    expect(gate!.dose.dosePpmMin).toBeCloseTo(ref * 60, 6);
    expect(gate!.series[0]!.ppm).toBe(0);
    expect(gate!.series.at(-1)!.ppm).toBeCloseTo(ref, 9);
    expect(up!.peakPpm).toBe(0);
    expect(up!.arrivalS).toBeNull();
    expect(up!.worstLevel).toBeNull();
  });

  it('steady plume dose does not shrink with distance: 3 km and 6 km at 1.5 m/s F get C·60 min (review #6)', () => {
    const slow = { ...steady, weather: { windSpeedMS: 1.5, stability: 'F', windFromDeg: 250 } };
    const r = runAssessment({ ...slow, points: [{ id: 'a', ...at(3000, 0) }, { id: 'b', ...at(6000, 0) }] });
    for (const p of r.points) {
      expect(p.peakPpm).toBeGreaterThan(0.5);
      expect(p.dose.dosePpmMin / (p.peakPpm * 60)).toBeCloseTo(1, 9);
      expect(p.dose.untilS).toBeCloseTo(p.downwindM / 1.5 + 3600, 6);
    }
    // A release shorter than 60 min: the dose window is the release duration.
    const short = runAssessment({ ...slow, release: { kind: 'continuous', rateKgS: 1, durationS: 600 }, points: [{ id: 'a', ...at(3000, 0) }] }).points[0]!;
    expect(short.dose.dosePpmMin / (short.peakPpm * 10)).toBeCloseTo(1, 9);
  });

  it('finite 600-s release: frames move downwind over time; a near point sees the steady value for ~600 s', () => {
    const r = runAssessment({ ...finite, frames: 8, points: [{ id: 'p', ...at(300, 0), zM: 0 }] });
    const t = r.grid.frames.map((f) => f.tS!);
    expect(t).toHaveLength(8);
    for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
    expect(t[0]!).toBeLessThan(t[7]! / 10);
    expect(r.grid.frames[7]!.maxPpm).toBeLessThan(r.grid.frames[0]!.maxPpm);
    const p = r.points[0]!;
    const c = runPlume({ ...steady, receptors: [{ xM: 300, yM: 0, zM: 0 }] }).receptors[0]!.concentrationPpm;
    expect(p.peakPpm / c).toBeGreaterThan(0.97);
    expect(p.peakPpm / c).toBeLessThan(1.0001);
    expect(p.dose.dosePpmMin / ((c * 600) / 60)).toBeCloseTo(1, 1);
    expect(p.arrivalS!).toBeGreaterThan(0);
    expect(p.arrivalS!).toBeLessThan(p.peakAtS!);
  });

  it('instantaneous puff: the hottest cell follows the wind; point dose ≈ M/(π u σy σz) (ground, passive puff)', () => {
    const r = runAssessment({ ...puff, frames: 6, points: [{ id: 'p', ...at(800, 0), zM: 0 }] });
    const g = r.grid;
    for (const f of g.frames.slice(0, 3)) {
      let best = 0;
      for (let k = 1; k < f.valuesPpm.length; k++) if (f.valuesPpm[k]! > f.valuesPpm[best]!) best = k;
      const e = g.east0M + (best % g.nx) * g.cellM, n = g.north0M + Math.floor(best / g.nx) * g.cellM;
      expect(Math.abs(Math.hypot(e, n) - 3 * f.tS!)).toBeLessThan(1.5 * g.cellM);
    }
    const p = r.points[0]!;
    const sy = sigmaYM(800, 'D', 'ccps-puff'), sz = sigmaZM(800, 'D', 'ccps-puff');
    const dosePpmMin = kgM3ToPpm(500 / (Math.PI * 3 * sy * sz), 0.070906, 293.15) / 60;
    expect(p.dose.dosePpmMin / dosePpmMin).toBeGreaterThan(0.9);
    expect(p.dose.dosePpmMin / dosePpmMin).toBeLessThan(1.1);
    expect(p.peakAtS! / (800 / 3)).toBeCloseTo(1, 1);
    expect(p.series.length).toBeGreaterThanOrEqual(24);
  });

  it('dense (Britter–McQuaid) runs: grid cells at 1.5 m equal the model (dense near field and passive tail), and say what they show', () => {
    const input = { ...steady, model: 'dense', thresholdHeightM: 1.5 };
    const r = runAssessment(input);
    expect(r.model).toBe('dense');
    expect(r.grid.frames).toHaveLength(1);
    expect(r.explanations.join(' ')).toMatch(/grid .*Britter–McQuaid/);
    const m = resolveModel(parseInput(plumeScenarioSchema, input));
    const toPpm = kgM3ToPpm(1, 0.070906, 293.15);
    const g = r.grid;
    const b = ((weather.windFromDeg + 180) * Math.PI) / 180;
    let nearSource = 0, tail = 0;
    for (let j = 0; j < g.ny; j += 3) {
      for (let i = 0; i < g.nx; i += 3) {
        const e = g.east0M + i * g.cellM, n = g.north0M + j * g.cellM;
        const x = e * Math.sin(b) + n * Math.cos(b), y = -e * Math.cos(b) + n * Math.sin(b);
        const ref = m.concentrationKgM3(x, y, 1.5).concentrationKgM3 * toPpm;
        expect(Math.abs(g.frames[0]!.valuesPpm[j * g.nx + i]! - ref)).toBeLessThanOrEqual(1e-6 * ref + 1e-30);
        if (ref > 0 && x < m.handover!.distanceM) nearSource++;
        if (ref > 0.5 && x > m.handover!.distanceM) tail++;
      }
    }
    expect(nearSource + tail).toBeGreaterThan(5);
    expect(tail).toBeGreaterThan(5);
    // The point of review #1: the dense cloud is not 0 at breathing height 50 m downwind.
    expect(m.concentrationKgM3(50, 0, 1.5).concentrationKgM3 * toPpm).toBeGreaterThan(1000);
    const rp = runAssessment({ ...puff, model: 'dense', frames: 3 });
    expect(rp.grid.frames).toHaveLength(3);
    expect(rp.grid.frames.every((f) => f.tS !== null)).toBe(true);
  });

  it('grid over a caller-given site extent (review #12): halfExtentM or extent, cells ≥ 2 m, frames until the cloud has left it', () => {
    const site = runAssessment({ ...steady, grid: { extent: { east0M: -800, north0M: -600, east1M: 1200, north1M: 900 } } });
    const g = site.grid;
    expect(g.cellM).toBeCloseTo(2000 / 128, 9);
    expect(g.nx).toBe(128);
    expect(g.ny).toBe(Math.ceil(1500 / g.cellM - 1e-9));
    expect(g.east0M - g.cellM / 2).toBeCloseTo(-800, 6);
    expect(site.explanations.join(' ')).toMatch(/grid over the requested extent \(2000 × 1500 m/);
    // Cells still equal the point model.
    const b = ((weather.windFromDeg + 180) * Math.PI) / 180;
    const i = 100, j = 40;
    const e = g.east0M + i * g.cellM, n = g.north0M + j * g.cellM;
    const ref = runPlume({ ...steady, receptors: [{ xM: e * Math.sin(b) + n * Math.cos(b), yM: -e * Math.cos(b) + n * Math.sin(b), zM: 0 }] }).receptors[0]!.concentrationPpm;
    expect(g.frames[0]!.valuesPpm[j * g.nx + i]!).toBeCloseTo(ref, 3);
    const tiny = runAssessment({ ...steady, grid: { halfExtentM: 100 } }).grid;
    expect(tiny.cellM).toBe(2);
    expect(tiny.nx).toBe(100);
    const p = runAssessment({ ...puff, frames: 4, grid: { halfExtentM: 1000 } });
    const full = runAssessment({ ...puff, frames: 4 });
    expect(p.grid.frames.at(-1)!.tS!).toBeLessThan(full.grid.frames.at(-1)!.tS! / 2);
    expect(p.zones).toEqual(full.zones);
    expect(codeOf(() => runAssessment({ ...steady, grid: { halfExtentM: 100, extent: { east0M: 0, north0M: 0, east1M: 1, north1M: 1 } } }))).toBe('sim:bad-input grid.extent');
    expect(codeOf(() => runAssessment({ ...steady, grid: { extent: { east0M: 10, north0M: 0, east1M: 5, north1M: 1 } } }))).toBe('sim:bad-input grid.extent.east1M');
  });

  it('reports progress at real checkpoints, non-decreasing, ending at exactly 1', () => {
    const calls: [number, string][] = [];
    runAssessment({ ...finite, frames: 4, points: Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, eastM: 10 * i, northM: 0 })) }, (f, s) => calls.push([f, s]));
    expect(calls[0]![1]).toBe('zones');
    expect(calls.filter(([, s]) => s.startsWith('grid frame'))).toHaveLength(4);
    expect(calls.some(([, s]) => s.startsWith('points'))).toBe(true);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThanOrEqual(calls[k - 1]![0]);
    expect(calls.at(-1)).toEqual([1, 'done']);
  });

  it('is pure: the same input gives the same result', () => {
    const input = { ...finite, frames: 3, points: [{ id: 'a', eastM: 500, northM: 200 }] };
    expect(runAssessment(input)).toEqual(runAssessment(input));
  });

  it('names the bad field', () => {
    expect(codeOf(() => runAssessment({ ...steady, frames: 0 }))).toBe('sim:bad-input frames');
    expect(codeOf(() => runAssessment({ ...steady, grid: { maxCellsPerSide: 300 } }))).toBe('sim:bad-input grid.maxCellsPerSide');
    expect(codeOf(() => runAssessment({ ...steady, points: [{ id: 'a', northM: 1 }] }))).toBe('sim:bad-input points.0.eastM');
    expect(codeOf(() => runAssessment({ ...steady, points: Array.from({ length: 501 }, (_, i) => ({ id: `${i}`, eastM: 0, northM: 0 })) }))).toBe('sim:bad-input points');
    expect(codeOf(() => runAssessment({ ...steady, weather: { windSpeedMS: 3, stability: 'D' } }))).toBe('sim:bad-input weather.windFromDeg');
  });
});
