import { describe, expect, it } from 'vitest';
import { gravityFrontRadiusM, plumeScenarioSchema, resolveModel, runPlume } from '@safetwin/sim';
import { Rng } from '../prng.ts';
import type { WeatherState } from '../weather.ts';
import { LocalGusts } from './gusts.ts';
import { LeakField, WEATHER_WIND_HEIGHT_M, type FieldPoint } from './leak-field.ts';

// The leak field against direct calls of the plume engine, and its time behaviour: arrival
// after x/u, steady while it leaks, gone x/u after it stops; gusts seeded.
const T0 = Date.UTC(2026, 0, 15, 18, 0); // night at the park's longitude: a clear night's class
const PLACE = { latDeg: 32.265, lonDeg: 118.815, altM: 8 };
/** Steady weather: wind from the south (the cloud goes north), 3 m/s. */
const WEATHER: WeatherState = { windSpeedMS: 3, windFromDeg: 180, airTempC: 15, rhPct: 60, airPressureHpa: 1010, solarRadWM2: 0 };
const SOURCE: FieldPoint = { eastM: 100, northM: -50, upM: 1 };
/** Receptors at (crosswind east, downwind north) of the source, 0.5 m up. */
const at = (crossM: number, downM: number, upM = 0.5): FieldPoint => ({ eastM: SOURCE.eastM + crossM, northM: SOURCE.northM + downM, upM });
const RECEPTORS = [at(0, 50), at(0, 200), at(15, 120), at(0, -60), at(0, 600)];

function field(chemical: string, rateKgS: number, durationS: number, options: { gusts?: LocalGusts | null; weather?: WeatherState } = {}) {
  return new LeakField({
    chemical, rateKgS, source: SOURCE, startMs: T0, endMs: T0 + durationS * 1000, receptors: RECEPTORS,
    weatherAt: () => options.weather ?? WEATHER, place: PLACE, gusts: options.gusts ?? null,
  });
}

/** The plume engine's steady concentrations at the receptors for the same release and weather, ppm, and its model's buoyancy flux. */
function direct(chemical: string, rateKgS: number, stability: string, weather: WeatherState = WEATHER, receptors: readonly FieldPoint[] = RECEPTORS) {
  const scenario = {
    chemical, model: 'auto' as const,
    release: { kind: 'continuous' as const, rateKgS, heightM: SOURCE.upM },
    weather: { windSpeedMS: weather.windSpeedMS, windHeightM: WEATHER_WIND_HEIGHT_M, stability, airTempK: weather.airTempC + 273.15, pressurePa: weather.airPressureHpa * 100 },
  };
  const result = runPlume({ ...scenario, receptors: receptors.map((r) => ({ xM: r.northM - SOURCE.northM, yM: r.eastM - SOURCE.eastM, zM: r.upM })) });
  return { model: result.model, ppm: result.receptors.map((r) => r.concentrationPpm), buoyancyFluxM4S3: resolveModel(plumeScenarioSchema.parse(scenario)).buoyancyFluxM4S3 };
}

describe('LeakField', () => {
  it.each([
    ['LPG', 5, 'dense'],
    ['Cl2', 2, 'dense'],
    ['NH3', 2, 'gaussian-plume'],
  ])('agrees with a direct plume-engine call once steady (%s %s kg/s, %s)', (chemical, rate, model) => {
    const f = field(chemical, rate, 3600);
    const t = T0 + 1200_000;
    const got = RECEPTORS.map((_, i) => f.ppmAt(i, t));
    expect(f.state!.model).toBe(model);
    // Night, clear, 3 m/s: class E from the engine's Pasquill table.
    expect(f.state!.stability).toBe('E');
    const want = direct(chemical, rate, f.state!.stability);
    expect(want.model).toBe(model);
    for (let i = 0; i < RECEPTORS.length; i++) {
      if (want.ppm[i]! === 0) expect(got[i], `receptor ${i}`).toBe(0);
      else expect(got[i]! / want.ppm[i]!, `receptor ${i}`).toBeCloseTo(1, 6);
    }
    expect(got[0]).toBeGreaterThan(got[1]!); // falls off downwind
    expect(want.ppm[1]).toBeGreaterThan(0);
  });

  it('takes its class from the mean wind, not from the gust of the moment', () => {
    // Night, clear: 5.5 m/s would give D, the 4.5 m/s mean it gusts about gives E (the engine's Pasquill table).
    const gust = field('NH3', 2, 600, { weather: { ...WEATHER, windSpeedMS: 5.5, meanWindSpeedMS: 4.5 } });
    gust.ppmAt(0, T0 + 60_000);
    expect(gust.state).toMatchObject({ stability: 'E', windSpeedMS: 5.5 });
    const noMean = field('NH3', 2, 600, { weather: { ...WEATHER, windSpeedMS: 5.5 } });
    noMean.ppmAt(0, T0 + 60_000);
    expect(noMean.state!.stability).toBe('D');
  });

  it('reads nothing upwind of a passive release and nothing before the release', () => {
    const f = field('NH3', 2, 600);
    expect(f.ppmAt(3, T0 + 300_000)).toBe(0);
    expect(f.ppmAt(0, T0 - 1)).toBe(0);
  });

  it('builds up with travel time, holds while it leaks and decays after it stops', () => {
    const durationS = 300;
    const f = field('NH3', 2, durationS);
    const i = 1; // 200 m downwind
    const steady = f.ppmAt(i, T0 + 250_000);
    expect(steady).toBeGreaterThan(0);
    const u = f.state!.transportMS;
    const arrivalS = 200 / u;
    const series = (fromS: number, toS: number) => {
      const out: number[] = [];
      for (let s = fromS; s <= toS; s += 1) out.push(f.ppmAt(i, T0 + s * 1000) / steady);
      return out;
    };
    // A fresh field walks time forward from the start.
    const g = field('NH3', 2, durationS);
    const rising: number[] = [];
    for (let s = 0; s <= 250; s++) rising.push(g.ppmAt(i, T0 + s * 1000) / steady);
    expect(Math.max(...rising.slice(0, Math.floor(0.5 * arrivalS)))).toBeLessThan(0.02);
    const half = rising.findIndex((v) => v >= 0.5);
    expect(half).toBeGreaterThan(0.8 * arrivalS);
    expect(half).toBeLessThan(1.2 * arrivalS);
    expect(Math.min(...rising.slice(Math.ceil(2 * arrivalS)))).toBeGreaterThan(0.97);
    // After the end: the tail passes 200 m about x/u later.
    const falling = series(durationS, durationS + 3 * arrivalS);
    const gone = falling.findIndex((v) => v <= 0.5);
    expect(gone).toBeGreaterThan(0.8 * arrivalS);
    expect(gone).toBeLessThan(1.2 * arrivalS);
    expect(falling[falling.length - 1]).toBeLessThan(0.02);
    expect(f.cleared(T0 + (durationS + 4000) * 1000)).toBe(true);
    expect(f.ppmAt(i, T0 + (durationS + 4000) * 1000)).toBe(0);
  });

  it("spreads a dense cloud across the wind no faster than its gravity current: the steady source zone's edge reads gas only once the current has got there", () => {
    // 5 kg/s of LPG in a 1 m/s night wind: the Britter–McQuaid source zone is ~160 m wide either side (D + 8 l_b).
    const calm: WeatherState = { ...WEATHER, windSpeedMS: 1 };
    const receptors = [at(100, 5), at(0, 60)];
    const f = new LeakField({ chemical: 'LPG', rateKgS: 5, source: SOURCE, startMs: T0, endMs: T0 + 3600_000, receptors, weatherAt: () => calm, place: PLACE, gusts: null });
    const crossAt = (s: number) => f.ppmAt(0, T0 + s * 1000);
    const early = crossAt(5);
    expect(f.state!.model).toBe('dense');
    const steady = direct('LPG', 5, f.state!.stability, calm, receptors);
    const flux = steady.buoyancyFluxM4S3!;
    // Britter (1979): the current reaches 100 m when 0.84 (g0′Q0)^{1/4} t^{3/4} = 100.
    const reachS = (100 / (0.84 * flux ** 0.25)) ** (4 / 3);
    expect(gravityFrontRadiusM(flux, reachS)).toBeCloseTo(100, 6);
    expect(early).toBe(0);
    expect(crossAt(Math.floor(reachS) - 2)).toBe(0);
    const later = crossAt(Math.ceil(reachS) + 2);
    expect(later).toBeGreaterThan(0);
    expect(later).toBeCloseTo(steady.ppm[0]!, 6);
    // On the axis the wind carries it: 60 m downwind well before the current could have spread 60 m.
    const g = new LeakField({ chemical: 'LPG', rateKgS: 5, source: SOURCE, startMs: T0, endMs: T0 + 3600_000, receptors, weatherAt: () => calm, place: PLACE, gusts: null });
    expect(g.ppmAt(1, T0 + 200_000)).toBeGreaterThan(0);
  });

  it('meanders and gusts reproducibly for a seed', () => {
    const run = (seed: number) => {
      const f = field('CH4', 1, 900, { gusts: new LocalGusts(new Rng(seed, 'gusts'), T0) });
      const out: number[] = [];
      const dirs: number[] = [];
      for (let s = 0; s < 900; s += 2) {
        out.push(f.ppmAt(2, T0 + s * 1000));
        dirs.push(f.state!.windFromDeg);
      }
      return { out, dirs };
    };
    const a = run(1), b = run(1), c = run(2);
    expect(a).toEqual(b);
    expect(c.out).not.toEqual(a.out);
    // Meander about the weather's direction: a few degrees, both ways, never far.
    const offsets = a.dirs.map((d) => d - WEATHER.windFromDeg);
    expect(Math.min(...offsets)).toBeLessThan(-2);
    expect(Math.max(...offsets)).toBeGreaterThan(2);
    expect(Math.max(...offsets.map(Math.abs))).toBeLessThan(30);
    // The crosswind receptor (15 m off the axis at 120 m) sees the plume come and go.
    const steadyish = a.out.slice(100);
    expect(Math.max(...steadyish) / Math.min(...steadyish)).toBeGreaterThan(1.2);
  });
});
