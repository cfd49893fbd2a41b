import { describe, expect, it } from 'vitest';
import { decodeAssessment } from '../../live/sim-run.ts';
import { releaseScenario, storedAssessment } from '../../live/sim-run-fixture.ts';
import { zoneRgb } from '../map/threat-zone-layers.ts';
import { encodeFrameInto, encodePpm, fieldEncoding, fieldPlacement, fieldRgba, LEVEL_ALPHA, levelAt, levelThresholds, TRACE_ALPHA } from './plume-field.ts';

// Chlorine AEGL-3/2/1 (60 min), ppm.
const LEVELS = [
  { ppm: 0.5, color: 'yellow' },
  { ppm: 20, color: 'red' },
  { ppm: 2, color: 'orange' },
];

describe('field encoding', () => {
  const enc = fieldEncoding(LEVELS);
  it('sorts levels highest first and spans a decade beyond them', () => {
    expect(enc.levels.map((l) => l.color)).toEqual(['red', 'orange', 'yellow']);
    expect(enc.logMinPpm).toBeCloseTo(Math.log10(0.05));
    expect(enc.logMaxPpm).toBeCloseTo(Math.log10(200));
  });
  it('maps ppm monotonically onto 1–255, 0 for nothing', () => {
    expect(encodePpm(0, enc)).toBe(0);
    expect(encodePpm(0.01, enc)).toBe(0);
    expect(encodePpm(200, enc)).toBeCloseTo(255);
    expect(encodePpm(1e6, enc)).toBe(255);
    let last = 0;
    for (const ppm of [0.06, 0.5, 1, 2, 20, 100]) {
      expect(encodePpm(ppm, enc)).toBeGreaterThan(last);
      last = encodePpm(ppm, enc);
    }
  });
  it('colours each concentration by the level it reaches, as the zones are', () => {
    expect(fieldRgba(25, enc)).toEqual([...zoneRgb('red'), Math.round(LEVEL_ALPHA[0] * 255)]);
    expect(fieldRgba(20, enc).slice(0, 3)).toEqual(zoneRgb('red'));
    expect(fieldRgba(19, enc).slice(0, 3)).toEqual(zoneRgb('orange'));
    expect(fieldRgba(2.1, enc).slice(0, 3)).toEqual(zoneRgb('orange'));
    expect(fieldRgba(1, enc).slice(0, 3)).toEqual(zoneRgb('yellow'));
    expect(fieldRgba(0.2, enc)[3]).toBe(Math.round(TRACE_ALPHA * 255));
    expect(fieldRgba(0.001, enc)).toEqual([0, 0, 0, 0]);
  });
  it('gives the shader thresholds in texture units, padded so unused slots are never reached', () => {
    const t = levelThresholds(enc);
    expect(t[0]).toBeCloseTo(encodePpm(20, enc) / 255);
    expect(t[3]).toBe(2);
    expect(levelAt(t[1], enc)).toBe(1);
    expect(levelAt(t[1] - 0.01, enc)).toBe(2);
  });
  it('refuses levels it cannot draw', () => {
    expect(() => fieldEncoding([])).toThrow(/at least one/);
  });
});

describe('a real engine grid', () => {
  it('encodes a frame in place; the hottest cell is red and a far corner is empty', () => {
    const view = decodeAssessment(storedAssessment(releaseScenario()));
    const { grid } = view;
    const enc = fieldEncoding(view.zones.metadata.zones);
    const bytes = encodeFrameInto(grid.frames[0]!.valuesPpm, enc, new Uint8Array(grid.nx * grid.ny));
    const values = grid.frames[0]!.valuesPpm;
    const hottest = values.indexOf(Math.max(...values));
    expect(values[hottest]).toBeGreaterThan(20);
    expect(levelAt(bytes[hottest]! / 255, enc)).toBe(0);
    expect(bytes[0]).toBe(0);
    expect(() => encodeFrameInto(grid.frames[0]!.valuesPpm, enc, new Uint8Array(3))).toThrow(/3 bytes/);
  });
  it('places the plane over the grid cells, relative to the source', () => {
    const p = fieldPlacement({ nx: 10, ny: 4, east0M: -45, north0M: -15, cellM: 10 }, { eastM: 100, northM: 200 });
    expect(p).toEqual({ widthM: 100, depthM: 40, centreEastM: 100, centreNorthM: 200 });
  });
});
