// forecastLikely: the zones and field of several likely sources (chlorine, 2.5 m/s from the west, class D).
import { describe, expect, it } from 'vitest';
import type { ThreatZoneView } from '@safetwin/protocol';
import { pointInPolygon, type EnuPlan } from '@safetwin/twin-models';
import { forecast, forecastLikely } from './forecast.ts';
import type { ChosenSource } from './source-step.ts';
import type { WindSummary } from './wind-summary.ts';

const origin = { latDeg: 32.2, lonDeg: 118.8, altM: 0 };
const wind: WindSummary = { windSpeedMS: 2.5, windFromDeg: 270, sigmaThetaDeg: 8, stability: 'D', observedAt: 0, samples: 30, sweptFromDeg: [268, 272] };
const START_MS = 1_000_000;

const source = (id: string, eastM: number, northM: number, over: Partial<ChosenSource> = {}): ChosenSource => ({
  id, kind: 'equipment', item: null, eastM, northM, releaseHeightM: 1, chemical: 'Cl2', rateKgS: 1, rateFrom: 'fitted', releaseStartMs: START_MS, from: 'estimate', ...over,
});

const ring = (z: ThreatZoneView): EnuPlan[] => z.ringEnu.map(([eastM, northM]) => ({ eastM, northM }));
/** Every vertex of `inner` lies in `outer` (moved 0.5 m toward the outer ring's vertex mean, which is inside a convex ring). */
function covers(outer: ThreatZoneView, inner: ThreatZoneView): boolean {
  const o = ring(outer);
  const c = { eastM: o.reduce((s, p) => s + p.eastM, 0) / o.length, northM: o.reduce((s, p) => s + p.northM, 0) / o.length };
  return ring(inner).every((p) => {
    const d = Math.hypot(c.eastM - p.eastM, c.northM - p.northM);
    const k = d === 0 ? 0 : Math.min(1, 0.5 / d);
    return pointInPolygon({ eastM: p.eastM + k * (c.eastM - p.eastM), northM: p.northM + k * (c.northM - p.northM) }, o);
  });
}

describe('forecastLikely', () => {
  const a = source('TK-A', 0, 0);
  // B lies 400 m north of A (crosswind): its plume runs parallel, apart from A's. It began 60 s earlier.
  const b = source('TK-B', 0, 400, { rateKgS: 2, releaseStartMs: START_MS - 60_000 });

  it('one source: exactly the single forecast', () => {
    const one = forecastLikely(origin, [{ source: a, durationS: 600 }], wind, null)!;
    const single = forecast(origin, a, wind, null, 600)!;
    expect(one.zones).toEqual(single.zones);
    expect(one.zones.every((z) => z.sourceIds.length === 1 && z.sourceIds[0] === 'TK-A')).toBe(true);
    expect(one.field(300, 0, 400)).toBe(single.field(300, 0, 400));
  });

  it('two sources apart: each level is the envelope of both zones, the field the larger of the two on each one\'s clock', () => {
    // B's release ends 60 s later than A's on A's clock (its own length, 720 s, from a start 60 s earlier).
    const both = forecastLikely(origin, [{ source: a, durationS: 600 }, { source: b, durationS: 720 }], wind, null)!;
    const fa = forecast(origin, a, wind, null, 600)!;
    const fb = forecast(origin, b, wind, null, 720)!;
    expect(both.zones.map((z) => z.level)).toEqual(fb.zones.map((z) => z.level));
    for (const z of both.zones) {
      expect(z.sourceIds).toEqual(fa.zones.some((x) => x.level === z.level) ? ['TK-A', 'TK-B'] : ['TK-B']);
      const zb = fb.zones.find((x) => x.level === z.level)!;
      const za = fa.zones.find((x) => x.level === z.level);
      expect(covers(z, zb)).toBe(true);
      if (za) expect(covers(z, za)).toBe(true);
      expect(z.distanceM).toBe(Math.max(zb.distanceM, za?.distanceM ?? 0));
      expect(z.ringLonLat).toHaveLength(z.ringEnu.length);
    }
    for (const [e, n, t] of [[300, 0, 400], [300, 400, 400], [800, 400, 200], [300, 200, 900]] as const) {
      expect(both.field(e, n, t)).toBe(Math.max(fa.field(e, n, t), fb.field(e, n, t + 60)));
    }
    // Downwind of B, 1 s after A's release began, only B's plume (60 s old) has arrived at 100 m.
    expect(fa.field(100, 400, 1)).toBe(0);
    expect(both.field(100, 400, 1)).toBeGreaterThan(0);
    // B's release lasts its own 720 s: its cloud still passes 300 m downwind of it 760 s into A's release (820 s into B's).
    expect(both.field(300, 400, 760)).toBeGreaterThan(0);
    expect(forecast(origin, b, wind, null, 600)!.field(300, 400, 820)).toBe(0);
  });

  it('a neighbour 3 m away with a larger fitted rate widens the zones; another toxic gas is left out with a warning', () => {
    const stub = source('PS-STUB', 3, 0, { rateKgS: 5 });
    const other = source('TK-NH3', 0, 400, { chemical: 'NH3' });
    const single = forecast(origin, a, wind, null, 600)!;
    const fc = forecastLikely(origin, [{ source: a, durationS: 600 }, { source: stub, durationS: 600 }, { source: other, durationS: 600 }], wind, null)!;
    const fs = forecast(origin, stub, wind, null, 600)!;
    expect(fc.zones.map((z) => z.sourceIds)).toEqual(fs.zones.map((z) => (single.zones.some((x) => x.level === z.level) ? ['TK-A', 'PS-STUB'] : ['PS-STUB'])));
    for (const z of fc.zones) {
      const zs = fs.zones.find((x) => x.level === z.level)!;
      expect(covers(z, zs)).toBe(true);
      expect(z.distanceM).toBe(zs.distanceM);
    }
    expect(fc.warnings.map((w) => w.en).join()).toMatch(/TK-NH3 holds NH3, whose levels of concern do not compare with Cl2's/);
    expect(fc.warnings.find((w) => w.text.key === 'assess.zones-left-out')!.text.values).toEqual({ id: 'TK-NH3', held: 'NH3', chemical: 'Cl2' });
    // The engine's own warnings pass as its notes, for the wall to word: key, values and the English.
    const engine = fc.warnings.filter((w) => w.text.key === 'engine.note');
    expect(engine.length).toBeGreaterThan(0);
    for (const w of engine) expect(w.text.values.text).toBe(w.en);
  });

  it('another flammable (only %LEL detectors saw gas): its zones at its own LEL fractions, its field in the chosen one\'s LEL terms', () => {
    const ch4 = source('TK-CH4', 0, 0, { chemical: 'CH4', rateKgS: 3 });
    const c3h8 = source('TK-C3H8', 0, 400, { chemical: 'C3H8', rateKgS: 3 });
    const fc = forecastLikely(origin, [{ source: ch4, durationS: null }, { source: c3h8, durationS: null }], wind, null)!;
    const f1 = forecast(origin, ch4, wind, null, null)!;
    const f2 = forecast(origin, c3h8, wind, null, null)!;
    expect(fc.chemical.id).toBe('CH4');
    expect(fc.zones.map((z) => z.level)).toEqual(f2.zones.map((z) => z.level));
    for (const z of fc.zones) expect(covers(z, f2.zones.find((x) => x.level === z.level)!)).toBe(true);
    // Propane at 10 % of its LEL (2.1 vol %) counts as methane at 10 % of its LEL (5 vol %): × 5 / 2.1.
    const [e, n, t] = [200, 400, 600];
    expect(f2.field(e, n, t)).toBeGreaterThan(0);
    expect(fc.field(e, n, t)).toBeCloseTo(Math.max(f1.field(e, n, t), (f2.field(e, n, t) * 5) / 2.1), 6);
  });

  it('a running release (no end) stays running for every source', () => {
    const both = forecastLikely(origin, [{ source: a, durationS: null }, { source: b, durationS: null }], wind, null)!;
    expect(both.field(300, 400, 3000)).toBeGreaterThan(0);
    expect(both.field(300, 0, 3000)).toBeGreaterThan(0);
  });
});
