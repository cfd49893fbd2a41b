import { describe, expect, it } from 'vitest';
import type { LatestSample } from '../live/merge-batch.ts';
import { StationWind } from './station-wind.ts';
import { weatherNow, type WeatherInputs } from './weather-now.ts';

const NOW = Date.UTC(2024, 5, 21, 4, 6); // local solar noon in Nanjing
const origin = { latDeg: 32.265, lonDeg: 118.815, altM: 8 };
const roof = { id: 'WS-ROOF', intervalMs: 1000, position: { eastM: -200, northM: -420, upM: 25 } };
const mast = { id: 'WS-MAST', intervalMs: 1000, position: { eastM: 1100, northM: -700, upM: 10 } };
const reading = (deviceId: string, ageMs: number, values: Record<string, number>): LatestSample => ({
  reading: { deviceId, ts: NOW - ageMs, seq: 1, values }, receivedAtMs: NOW - ageMs,
});
const WX = { wind_speed_ms: 3.2, wind_dir_deg: 45, air_temp_c: 27.4, solar_rad_w_m2: 980 };
const inputs = (samples: Record<string, LatestSample>, over: Partial<WeatherInputs> = {}): WeatherInputs => ({
  stations: [roof, mast], get: (id) => samples[id], origin, nowMs: NOW, link: 'up', ...over,
});

describe('weatherNow', () => {
  it('says so when the site has no weather station (the mine)', () => {
    expect(weatherNow(inputs({}, { stations: [] }))).toEqual({ status: 'no-station' });
  });

  it('shows the live 10 m mast: from NE, blowing to SW, with a class from live data', () => {
    const w = weatherNow(inputs({ 'WS-ROOF': reading('WS-ROOF', 100, WX), 'WS-MAST': reading('WS-MAST', 100, WX) }));
    expect(w).toMatchObject({ status: 'live', deviceId: 'WS-MAST', windFrom: 'NE', windToDeg: 225, windSpeedMS: 3.2, airTempC: 27.4, stationHeightM: 10 });
    if (w.status !== 'live') throw new Error('expected live');
    expect(w.stability?.stabilityClass).toBe('B');
    expect(w.stability?.inputs[0]).toMatchObject({ kind: 'wind', windSpeedMS: 3.2, anemometerHeightM: 10 });
  });

  it('takes the class from the station\'s 10-minute mean wind, not from the gust of its latest reading', () => {
    const gust = { ...WX, wind_speed_ms: 5.2 };
    const means = new StationWind();
    for (let s = 600; s > 0; s -= 10) means.add('WS-MAST', NOW - 100 - s * 1000, { wind_speed_ms: 3.2, solar_rad_w_m2: 980 });
    means.add('WS-MAST', NOW - 100, gust);
    // The gust alone reads C (5–6 m/s under strong sun); the ten minutes it blew in read B.
    const alone = weatherNow(inputs({ 'WS-MAST': reading('WS-MAST', 100, gust) }));
    const averaged = weatherNow(inputs({ 'WS-MAST': reading('WS-MAST', 100, gust) }, { means }));
    if (alone.status !== 'live' || averaged.status !== 'live') throw new Error('expected live');
    expect(alone.stability?.stabilityClass).toBe('C');
    expect(averaged.stability?.stabilityClass).toBe('B');
    expect(averaged.windSpeedMS).toBe(5.2);
    expect(averaged.stability?.inputs[0]).toMatchObject({ kind: 'wind', anemometerHeightM: 10, averagedOverMs: 590_000 });
    expect((averaged.stability?.inputs[0] as { windSpeedMS: number }).windSpeedMS).toBeCloseTo((3.2 * 59 + 5.2) / 60, 9);
  });

  it('falls back to the roof mast when the 10 m mast is stale', () => {
    const w = weatherNow(inputs({ 'WS-ROOF': reading('WS-ROOF', 100, WX), 'WS-MAST': reading('WS-MAST', 60_000, WX) }));
    expect(w).toMatchObject({ status: 'live', deviceId: 'WS-ROOF' });
  });

  it('shows stale weather as stale, with no stability class', () => {
    const w = weatherNow(inputs({ 'WS-MAST': reading('WS-MAST', 60_000, WX) }));
    expect(w).toMatchObject({ status: 'stale', deviceId: 'WS-MAST', observedAtMs: NOW - 60_000, windFrom: 'NE' });
    if (w.status === 'stale') expect(w.stability).toBeNull();
  });

  it('is not live without the hub link', () => {
    const w = weatherNow(inputs({ 'WS-MAST': reading('WS-MAST', 100, WX) }, { link: 'down' }));
    expect(w).toMatchObject({ status: 'offline' });
    if (w.status === 'offline') expect(w.stability).toBeNull();
  });

  it('has no data when no station reported', () => {
    expect(weatherNow(inputs({}))).toMatchObject({ status: 'no-data' });
  });

  it('leaves out what the station did not send', () => {
    const w = weatherNow(inputs({ 'WS-MAST': reading('WS-MAST', 100, { air_temp_c: 20 }) }));
    expect(w).toMatchObject({ status: 'live', windSpeedMS: null, windFrom: null, airTempC: 20, stability: null });
  });
});
