import { describe, expect, it } from 'vitest';
import { plumeConcentrationKgM3, type PlumeParams } from './gaussian-plume.ts';
import { plumeGridKgM3, type GridSpec } from './grid.ts';

const CASES: { title: string; p: PlumeParams; g: GridSpec }[] = [
  { title: 'Briggs rural D, ground, wind from 250°', p: { rateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' }, g: { nx: 60, ny: 50, east0M: -500, north0M: -400, cellM: 20, zM: 0, windFromDeg: 250 } },
  { title: 'Briggs urban E, 20 m stack, receptor 2 m, wind from 10°', p: { rateKgS: 2, windSpeedMS: 2, releaseHeightM: 20, stabilityClass: 'E', sigmaSet: 'briggs-urban' }, g: { nx: 40, ny: 40, east0M: -800, north0M: -800, cellM: 40, zM: 2, windFromDeg: 10 } },
  { title: 'PGT/ISC3 B, generic path', p: { rateKgS: 1, windSpeedMS: 5, releaseHeightM: 10, stabilityClass: 'B', sigmaSet: 'pgt-isc3' }, g: { nx: 30, ny: 30, east0M: -300, north0M: -300, cellM: 20, zM: 0, windFromDeg: 90 } },
];

describe('concentration grid', () => {
  for (const c of CASES) {
    it(`matches the point model cell by cell: ${c.title}`, () => {
      const out = new Float32Array(c.g.nx * c.g.ny);
      plumeGridKgM3(c.p, c.g, 0, c.g.ny, out);
      const b = ((c.g.windFromDeg + 180) * Math.PI) / 180;
      let nonzero = 0;
      for (let j = 0; j < c.g.ny; j++) {
        for (let i = 0; i < c.g.nx; i++) {
          const e = c.g.east0M + i * c.g.cellM;
          const n = c.g.north0M + j * c.g.cellM;
          const x = e * Math.sin(b) + n * Math.cos(b);
          const y = -e * Math.cos(b) + n * Math.sin(b);
          const want = plumeConcentrationKgM3(c.p, x, y, c.g.zM);
          const got = out[j * c.g.nx + i]!;
          if (want > 1e-30) nonzero++;
          expect(Math.abs(got - want), `${c.title} cell (${i}, ${j})`).toBeLessThanOrEqual(1e-6 * want + 1e-38);
        }
      }
      expect(nonzero, c.title).toBeGreaterThan(20);
    });
  }
  it('row ranges tile the grid exactly (how callers split work)', () => {
    const { p, g } = CASES[0]!;
    const whole = new Float32Array(g.nx * g.ny);
    plumeGridKgM3(p, g, 0, g.ny, whole);
    const split = new Float32Array(g.nx * g.ny);
    plumeGridKgM3(p, g, 0, 17, split);
    plumeGridKgM3(p, g, 17, g.ny, split);
    expect(split).toEqual(whole);
  });
});
