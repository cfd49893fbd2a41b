import { describe, expect, it } from 'vitest';
import { humanize, kindLabel, metricLabel } from './labels.ts';

describe('metricLabel', () => {
  const CASES = [
    { title: 'simple suffix', metric: 'h2s_ppm', unit: 'ppm', expected: 'h2s' },
    { title: 'multi-word name', metric: 'roof_disp_mm', unit: 'mm', expected: 'roof_disp' },
    { title: 'compound suffix', metric: 'solar_w_m2', unit: 'W/m²', expected: 'solar' },
    { title: 'compound suffix m³/s', metric: 'release_m3_s', unit: 'm³/s', expected: 'release' },
    { title: 'flag keeps its name', metric: 'powered', unit: '1', expected: 'powered' },
    { title: 'no suffix', metric: 'level', unit: '%', expected: 'level' },
  ];
  for (const c of CASES) it(c.title, () => expect(metricLabel(c.metric, c.unit), c.title).toBe(c.expected));
});

describe('kind labels', () => {
  it('names catalogue kinds', () => {
    expect(kindLabel('gas-cl2')).toBe('Chlorine Cl₂');
    expect(kindLabel('uwb-tag')).toBe('UWB personnel tag');
  });
  it('humanizes unknown kinds', () => {
    expect(kindLabel('infrared-camera')).toBe('Infrared camera');
    expect(humanize('')).toBe('');
  });
});
