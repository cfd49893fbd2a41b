import { describe, expect, it } from 'vitest';
import { peakOverTime } from './gaussian-puff.ts';
import { finiteRelease, finiteReleasePeak, type FiniteReleaseParams } from './palazzi.ts';
import { plumeConcentrationKgM3 } from './gaussian-plume.ts';

const base = { windSpeedMS: 3, releaseHeightM: 0, sigmaSet: 'briggs-rural' as const };

describe('finite release peak over time (closed form)', () => {
  const cases: Array<{ title: string; p: FiniteReleaseParams }> = [
    { title: '600 s at 2 kg/s, class D', p: { ...base, stabilityClass: 'D', steps: [{ tS: 0, rateKgS: 2 }], endS: 600 } },
    { title: '60 s at 5 kg/s starting at 30 s, class F, elevated', p: { ...base, releaseHeightM: 10, stabilityClass: 'F', windSpeedMS: 1.5, steps: [{ tS: 30, rateKgS: 5 }], endS: 90 } },
    { title: '20 min at 0.5 kg/s, class B', p: { ...base, stabilityClass: 'B', steps: [{ tS: 0, rateKgS: 0.5 }], endS: 1200 } },
  ];
  for (const { title, p } of cases) {
    it(`${title}: equals a fine numerical search of the same concentration function`, () => {
      const c = finiteRelease(p);
      const closed = finiteReleasePeak(p)!;
      for (const [x, y, z] of [[50, 0, 0], [300, 0, 1.5], [1000, 20, 0], [5000, 0, 0], [20_000, 100, 2]] as const) {
        const got = closed(x, y, z);
        const searched = peakOverTime((t) => c(x, y, z, t), 0, p.endS + (3 * x) / p.windSpeedMS + 600, 4000);
        expect(got.value).toBeCloseTo(searched.value, 12);
        expect(got.value / searched.value).toBeGreaterThan(1 - 1e-6);
        expect(got.value / searched.value).toBeLessThan(1 + 1e-6);
        expect(c(x, y, z, got.tS)).toBeCloseTo(got.value, 15);
      }
    });
  }
  it('tends to the steady plume for a long release and is far lower for a short one far away', () => {
    const long: FiniteReleaseParams = { ...base, stabilityClass: 'D', steps: [{ tS: 0, rateKgS: 1 }], endS: 36_000 };
    const short: FiniteReleaseParams = { ...long, endS: 10 };
    const steady = plumeConcentrationKgM3({ ...base, stabilityClass: 'D', rateKgS: 1 }, 2000, 0, 0);
    expect(finiteReleasePeak(long)!(2000, 0, 0).value / steady).toBeCloseTo(1, 6);
    expect(finiteReleasePeak(short)!(2000, 0, 0).value / steady).toBeLessThan(0.2);
  });
  it('has no closed form for a schedule of several rates (the caller searches)', () => {
    expect(finiteReleasePeak({ ...base, stabilityClass: 'D', steps: [{ tS: 0, rateKgS: 2 }, { tS: 180, rateKgS: 0.5 }], endS: 600 })).toBeNull();
  });
});
