import { describe, expect, it } from 'vitest';
import { kgM3ToPpm, mgM3ToPpm, ppmToKgM3, ppmToMgM3 } from './units.ts';

describe('unit conversions (plume-physics.md §8.4)', () => {
  it('EPA: for chlorine 1 ppm = 2.9 mg/m³', () => {
    expect(ppmToMgM3(1, 70.906)).toBeCloseTo(2.9, 1);
    expect(mgM3ToPpm(ppmToMgM3(7, 70.906), 70.906)).toBeCloseTo(7, 12);
  });
  const CASES = [
    { title: '25 °C, 1 atm agrees with the 24.45 rounding to 0.1 %', tK: 298.15, pPa: 101325, vmLMol: 24.45 },
    { title: '20 °C uses 24.04', tK: 293.15, pPa: 101325, vmLMol: 24.04 },
    { title: '0 °C uses 22.41', tK: 273.15, pPa: 101325, vmLMol: 22.41 },
  ];
  for (const c of CASES) {
    it(c.title, () => {
      const kg = ppmToKgM3(100, 0.070906, c.tK, c.pPa);
      expect(Math.abs(kg * 1e6 - (100 * 70.906) / c.vmLMol) / kg / 1e6, c.title).toBeLessThan(1e-3);
      expect(kgM3ToPpm(kg, 0.070906, c.tK, c.pPa), c.title).toBeCloseTo(100, 9);
    });
  }
  it('low pressure (Jack Rabbit II ran at 87 kPa) gives more ppm per kg/m³', () => {
    expect(kgM3ToPpm(1e-3, 0.070906, 298.15, 87_000)).toBeGreaterThan(kgM3ToPpm(1e-3, 0.070906, 298.15, 101_325));
  });
});
