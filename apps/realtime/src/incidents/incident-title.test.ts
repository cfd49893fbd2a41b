import { describe, expect, it } from 'vitest';
import { chemicalName, declaredTitle, detectedTitle } from './incident-title.ts';

describe('incident titles', () => {
  it('names chemicals by formula with subscripts, mixtures by name, an unknown gas by its detector', () => {
    expect(chemicalName('Cl2')).toEqual({ zh: 'Cl₂', en: 'Cl₂' });
    expect(chemicalName('LPG')).toEqual({ zh: 'LPG', en: 'LPG' });
    expect(chemicalName('sour-gas')).toEqual({ zh: '含硫化氢酸性气', en: 'H2S-bearing sour gas' });
    expect(chemicalName(null, 'gas-flammable')).toEqual({ zh: '可燃气体', en: 'Flammable gas' });
    expect(chemicalName(null, 'gas-cl2')).toEqual({ zh: '有毒气体', en: 'Toxic gas' });
  });

  it('gives the English title and the sentence the wall words', () => {
    const sphere = { zh: '1#液氯球罐', en: 'liquid chlorine sphere 1' };
    expect(detectedTitle(chemicalName('Cl2'), sphere)).toEqual({
      title: 'Cl₂ detected near liquid chlorine sphere 1',
      titleText: { key: 'title.detected-near', values: { chemical: { zh: 'Cl₂', en: 'Cl₂' }, place: sphere } },
    });
    const drill = declaredTitle(chemicalName('NH3'), { eastM: 120.4, northM: -35.6 }, true);
    expect(drill.title).toBe('Drill: NH₃ release at (120 m E, -36 m N)');
    expect(drill.titleText).toEqual({
      key: 'title.drill',
      values: { title: { key: 'title.release-at', values: { chemical: { zh: 'NH₃', en: 'NH₃' }, place: { key: 'place.position', values: { eastM: 120, northM: -36 } } } } },
    });
  });
});
