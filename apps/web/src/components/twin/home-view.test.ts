import { describe, expect, it } from 'vitest';
import { buildTwinScene, getDemoSite, type ChemicalPark } from '@safetwin/twin-models';
import { OVERVIEW_FIT, homePoi, overviewRadiusM } from './home-view.ts';

describe('home view', () => {
  const park = getDemoSite('cp-nanjing') as ChemicalPark;

  it('is the whole site for a full view, framed tighter than its bounding sphere', () => {
    const scene = buildTwinScene(park);
    const home = homePoi(scene);
    expect(home.kind).toBe('site');
    expect(overviewRadiusM(home)).toBeCloseTo(scene.bounds.radiusM * OVERVIEW_FIT, 9);
  });

  it('is the officer\'s own plant when the view holds one enterprise', () => {
    const scene = buildTwinScene({ ...park, enterprises: park.enterprises.filter((e) => e.id === 'CP-E3') });
    const home = homePoi(scene);
    expect(home).toMatchObject({ kind: 'enterprise', id: 'CP-E3' });
    expect(overviewRadiusM(home)).toBe(home.radiusM);
  });

  it('is the whole mine for a mine', () => {
    expect(homePoi(buildTwinScene(getDemoSite('cm-yangquan')!)).kind).toBe('site');
  });
});
