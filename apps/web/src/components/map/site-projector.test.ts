import { describe, expect, it } from 'vitest';
import { lonLatToEnu, getDemoSite } from '@safetwin/twin-models';
import { SiteProjector } from './site-projector.ts';

describe('SiteProjector', () => {
  for (const id of ['cp-nanjing', 'cm-yangquan']) {
    const site = getDemoSite(id)!;
    const projector = new SiteProjector(site.origin);

    it(`${id}: exact conversion round-trips through geo.ts`, () => {
      const [lonDeg, latDeg] = projector.lonLat(1234.5, -876.25);
      const back = lonLatToEnu(site.origin, { lonDeg, latDeg, altM: site.origin.altM });
      expect(back.eastM).toBeCloseTo(1234.5, 3);
      expect(back.northM).toBeCloseTo(-876.25, 3);
    });

    it(`${id}: the fast form stays within 5 cm of the exact one over ±3 km`, () => {
      const out = new Float64Array(2);
      for (const [e, n] of [[3000, 3000], [-3000, 2000], [2500, -3000], [0, 0], [-1800, -2900]] as const) {
        projector.writeLonLat(out, 0, e, n);
        const exact = projector.lonLat(e, n);
        const a = lonLatToEnu(site.origin, { lonDeg: out[0]!, latDeg: out[1]!, altM: site.origin.altM });
        const b = lonLatToEnu(site.origin, { lonDeg: exact[0], latDeg: exact[1], altM: site.origin.altM });
        expect(Math.hypot(a.eastM - b.eastM, a.northM - b.northM), `${e},${n}`).toBeLessThan(0.05);
      }
    });
  }

  it('puts north up and east right', () => {
    const p = new SiteProjector({ latDeg: 32, lonDeg: 118, altM: 0 });
    const [lonE, latE] = p.lonLat(100, 0);
    const [lonN, latN] = p.lonLat(0, 100);
    expect(lonE).toBeGreaterThan(118);
    expect(latE).toBeCloseTo(32, 4);
    expect(latN).toBeGreaterThan(32);
    expect(lonN).toBeCloseTo(118, 6);
  });
});
