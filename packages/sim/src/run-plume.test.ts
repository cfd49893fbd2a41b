import { describe, expect, it } from 'vitest';
import { plumeConcentrationKgM3 } from './gaussian-plume.ts';
import { runPlume } from './run-plume.ts';
import { SimError } from './errors.ts';

const base = {
  chemical: 'Cl2',
  release: { kind: 'continuous', rateKgS: 1, heightM: 0 },
  weather: { windSpeedMS: 3, stability: 'D' },
  receptors: [{ xM: 500 }],
};

describe('runPlume (the plume command)', () => {
  const AUTO_CASES = [
    { title: 'chlorine at ambient temperature is dense', input: base, expected: 'dense' },
    // plume-physics.md §6.2: ALOHA auto-selected its heavy-gas model for 100 g/s chlorine at 2 m/s, class F.
    { title: '100 g/s chlorine, 2 m/s, F is dense (as ALOHA chose)', input: { ...base, release: { kind: 'continuous', rateKgS: 0.1, heightM: 0 }, weather: { windSpeedMS: 2, stability: 'F' } }, expected: 'dense' },
    { title: 'methane at ambient temperature is passive → gaussian-plume', input: { ...base, chemical: 'CH4' }, expected: 'gaussian-plume' },
    { title: 'a finite methane release → gaussian-puff (finite release)', input: { ...base, chemical: 'CH4', release: { ...base.release, durationS: 600 } }, expected: 'gaussian-puff' },
    { title: 'instantaneous methane → gaussian-puff', input: { ...base, chemical: 'CH4', release: { kind: 'instantaneous', massKg: 10 } }, expected: 'gaussian-puff' },
    { title: 'cold LNG-like methane at 112 K is dense', input: { ...base, chemical: 'CH4', release: { ...base.release, rateKgS: 20, temperatureK: 112 } }, expected: 'dense' },
  ];
  for (const c of AUTO_CASES) {
    it(`auto: ${c.title}`, () => {
      const r = runPlume(c.input);
      expect(r.model, c.title).toBe(c.expected);
      expect(r.explanations.join(' '), c.title).toMatch(/Richardson criterion/);
    });
  }
  it('the Gaussian plume receptor equals the library function; ppm at ambient T, p', () => {
    const r = runPlume({ ...base, model: 'gaussian-plume' });
    const want = plumeConcentrationKgM3({ rateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' }, 500, 0, 0);
    expect(r.receptors[0]!.concentrationKgM3).toBeCloseTo(want, 15);
    expect(r.receptors[0]!.concentrationPpm / (want * 1e6 * ((8.314462618 * 293.15) / (101325 * 0.070906)))).toBeCloseTo(1, 10);
    expect(r.sigma).toBe('briggs-rural');
    expect(r.thresholds.map((t) => t.label)).toEqual(['AEGL-3 (60 min)', 'AEGL-2 (60 min)', 'AEGL-1 (60 min)']);
  });
  it('threshold distance: the centreline equals the threshold there', () => {
    const r = runPlume({ ...base, model: 'gaussian-plume', thresholdsPpm: [20] });
    const d = r.thresholds[0]!.distanceM;
    const at = runPlume({ ...base, model: 'gaussian-plume', receptors: [{ xM: d }], thresholdsPpm: [20] }).receptors[0]!.concentrationPpm;
    expect(at / 20).toBeCloseTo(1, 6);
  });
  it('applies the 1 m/s floor to the steady plume and says so', () => {
    const r = runPlume({ ...base, model: 'gaussian-plume', weather: { windSpeedMS: 0.4, stability: 'F' } });
    expect(r.windSpeedMS).toBe(1);
    expect(r.warnings.join(' ')).toMatch(/reset to 1 m\/s/);
  });
  it('carries a 10 m wind to the release height by the power law when windHeightM is given', () => {
    const r = runPlume({ ...base, model: 'gaussian-plume', release: { ...base.release, heightM: 2 }, weather: { windSpeedMS: 4, windHeightM: 10, stability: 'D' } });
    expect(r.windSpeedMS).toBeCloseTo(4 * (2 / 10) ** 0.15, 12);
  });
  it('a valve closing at 180 s: series rises and falls; dose = rate × duration × C/Q', () => {
    const r = runPlume({ ...base, chemical: 'NH3', model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 2, rateSteps: [{ tS: 0, rateKgS: 2 }, { tS: 180, rateKgS: 0 }], durationS: 180 }, weather: { windSpeedMS: 2, stability: 'E' }, receptors: [{ xM: 400, seriesTimesS: [100, 300, 900], doseUntilS: 1500 }] });
    const rec = r.receptors[0]!;
    const s = rec.series!.map((p) => p.concentrationKgM3);
    expect(s[0]).toBe(0);
    expect(s[1]!).toBeGreaterThan(0);
    expect(s[2]!).toBeLessThan(s[1]! * 1e-6);
    const cq = plumeConcentrationKgM3({ rateKgS: 1, windSpeedMS: 2, releaseHeightM: 0, stabilityClass: 'E', sigmaSet: 'briggs-rural' }, 400, 0, 0);
    expect(rec.dose!.doseKgSM3 / (2 * 180 * cq)).toBeCloseTo(1, 3);
  });
  it('an instantaneous Gaussian puff defaults to the CCPS puff σ and reports the peak time', () => {
    const r = runPlume({ ...base, chemical: 'CH4', release: { kind: 'instantaneous', massKg: 10 } });
    expect(r.sigma).toBe('ccps-puff');
    expect(r.receptors[0]!.tS! / (500 / 3)).toBeGreaterThan(0.8);
    expect(r.receptors[0]!.tS! / (500 / 3)).toBeLessThan(1.2);
  });
  it('bad input names the field', () => {
    try {
      runPlume({ ...base, receptors: [{ xM: 'far' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SimError);
      expect((e as SimError).path).toBe('receptors.0.xM');
    }
  });
});
