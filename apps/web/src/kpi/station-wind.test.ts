import { describe, expect, it } from 'vitest';
import { StationWind } from './station-wind.ts';

const MIN = 60_000;

describe('StationWind', () => {
  it('averages the last ten minutes of a station, whatever order history and live readings came in', () => {
    const w = new StationWind(10 * MIN);
    w.add('WS', 11 * MIN, { wind_speed_ms: 3.1, solar_rad_w_m2: 700 });
    // The stored history arrives after the first live reading; one instant is in both.
    for (let m = 0; m <= 11; m++) w.add('WS', m * MIN, { wind_speed_ms: m < 2 ? 9 : 2.9, solar_rad_w_m2: 700 });
    const mean = w.mean('WS', 11 * MIN)!;
    // Minutes 2–11 are inside (ten samples: 2.9 × 9 and the live 3.1); 0 and 1 are older than ten minutes.
    expect(mean.samples).toBe(10);
    expect(mean.windSpeedMS).toBeCloseTo((2.9 * 9 + 3.1) / 10, 9);
    expect(mean.solarRadWM2).toBe(700);
    expect(mean.spanMs).toBe(9 * MIN);
  });

  it('leaves out readings without a usable wind speed, and radiation where a station has none', () => {
    const w = new StationWind(10 * MIN);
    w.add('WS', 0, { wind_speed_ms: Number.NaN });
    w.add('WS', 1000, { wind_speed_ms: -1 });
    w.add('WS', 2000, { air_temp_c: 20 });
    expect(w.mean('WS', 2000)).toBeNull();
    w.add('WS', 3000, { wind_speed_ms: 1.5 });
    expect(w.mean('WS', 3000)).toEqual({ windSpeedMS: 1.5, solarRadWM2: null, samples: 1, spanMs: 0 });
    expect(w.mean('other', 3000)).toBeNull();
  });

  it('has nothing once the newest sample is older than the window', () => {
    const w = new StationWind(10 * MIN);
    w.add('WS', 0, { wind_speed_ms: 2 });
    expect(w.mean('WS', 10 * MIN + 1)).toBeNull();
  });
});
