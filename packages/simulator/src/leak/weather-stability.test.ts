import { describe, expect, it } from 'vitest';
import { STABILITY_AVERAGING_MS } from '@safetwin/sim';
import { trailingMeanStability, weatherStability, type StationSample } from './weather-stability.ts';

// A Pasquill class is read from the mean wind, not from one gust: at night a clear sky gives E from 3 m/s up to 5 m/s
// and D from 5 m/s (the engine's table), so a 4.6 m/s wind gusting ±20 % flips sample by sample, its mean does not.
const PLACE = { latDeg: 32.265, lonDeg: 118.815, altM: 8 };
const NIGHT = Date.UTC(2026, 0, 15, 18, 0);

/** Two stations' samples every second for `minutes`, speed `speedAt(tMs)`, no radiation. */
function samples(minutes: number, speedAt: (tMs: number, k: number) => number, fromMs = NIGHT): StationSample[] {
  const out: StationSample[] = [];
  for (let k = 0; k < minutes * 60; k++) for (let st = 0; st < 2; st++) out.push({ tMs: fromMs + k * 1000, windSpeedMS: speedAt(fromMs + k * 1000, k), solarRadWM2: 0 });
  return out;
}

describe('trailingMeanStability', () => {
  it('keeps one class through gusts across a class boundary', () => {
    const gusty = samples(20, (_, k) => 4.6 * (1 + 0.2 * Math.sin(k / 1.3)));
    expect(new Set(gusty.map((s) => weatherStability(s, s.tMs, PLACE)))).toEqual(new Set(['D', 'E']));
    // Once a minute of samples is averaged (the first few seconds' mean is a gust's).
    expect(new Set(trailingMeanStability(gusty, PLACE).filter((_, i) => gusty[i]!.tMs >= NIGHT + 60_000))).toEqual(new Set(['E']));
  });

  it('follows a change of the mean wind within the averaging period', () => {
    const changeMs = NIGHT + 20 * 60_000;
    const stepped = samples(40, (t) => (t < changeMs ? 3.5 : 6.5));
    const classes = trailingMeanStability(stepped, PLACE);
    const classAt = (tMs: number) => classes[stepped.findIndex((s) => s.tMs >= tMs)];
    expect(classAt(changeMs - 1000)).toBe('E');
    expect(classAt(changeMs + STABILITY_AVERAGING_MS / 2 + 60_000)).toBe('D');
    expect(classAt(changeMs + STABILITY_AVERAGING_MS)).toBe('D');
  });

  it('reads the first samples from those there are', () => {
    expect(trailingMeanStability(samples(1, () => 6.5), PLACE).every((c) => c === 'D')).toBe(true);
    expect(trailingMeanStability([], PLACE)).toEqual([]);
  });
});
