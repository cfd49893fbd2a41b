import { describe, expect, it } from 'vitest';
import { runAssessment } from '@safetwin/sim';
import { buildReleaseRequest, decodeAssessment, parseNumber, ResultShapeError, siteGridExtent, sourcePosition, WALL_GRID_CELLS, worstFirst, type PointThreatView, type ReleaseFormValues } from './sim-run.ts';
import { RELEASE_FORM, releaseScenario, storedAssessment } from './sim-run-fixture.ts';

const FORM = RELEASE_FORM;

describe('buildReleaseRequest', () => {
  it('builds an assessment from equipment, a rate and live weather (stability from the wall)', () => {
    const built = buildReleaseRequest('cp-nanjing', FORM);
    expect(built).toEqual({
      ok: true,
      request: {
        siteId: 'cp-nanjing',
        kind: 'assessment',
        scenario: { chemical: 'Cl2', model: 'auto', release: { kind: 'continuous', heightM: 0, rateKgS: 2.5 }, weather: { stability: 'D' } },
        source: { equipmentId: 'CP-E1-TK-01' },
        weather: 'live',
      },
    });
  });

  it('turns a hole in mm into metres and minutes into seconds; manual weather goes as an object', () => {
    const built = buildReleaseRequest('cp', { ...FORM, sizing: 'hole', holeDiameterMm: '25', durationMin: '10', weather: 'manual', windSpeedMS: '2,5', windFromDeg: '370', stability: 'F' });
    expect(built.ok).toBe(false); // 370° is out of range
    const ok = buildReleaseRequest('cp', { ...FORM, sizing: 'hole', holeDiameterMm: '25', durationMin: '10', weather: 'manual', windSpeedMS: '2,5', windFromDeg: '360', stability: 'F' });
    if (!ok.ok) throw new Error(JSON.stringify(ok.problems));
    expect(ok.request.scenario).toEqual({ chemical: 'Cl2', model: 'auto', release: { kind: 'continuous', heightM: 0, holeDiameterM: 0.025, durationS: 600 }, weather: { stability: 'F' } });
    expect(ok.request.weather).toEqual({ windSpeedMS: 2.5, windFromDeg: 0 });
  });

  it('sends where the hole is as release.phase, only for a hole and only when the user says', () => {
    const hole = { ...FORM, sizing: 'hole' as const, holeDiameterMm: '25', weather: 'manual' as const, windSpeedMS: '3', windFromDeg: '90', stability: 'D' as const };
    const phaseOf = (form: ReleaseFormValues) => {
      const b = buildReleaseRequest('cp', form);
      if (!b.ok) throw new Error(JSON.stringify(b.problems));
      return (b.request.scenario.release as Record<string, unknown>).phase;
    };
    expect(phaseOf({ ...hole, holePhase: 'liquid' })).toBe('liquid');
    expect(phaseOf({ ...hole, holePhase: 'gas' })).toBe('gas');
    expect(phaseOf({ ...hole, holePhase: 'auto' })).toBeUndefined();
    expect(phaseOf({ ...hole, sizing: 'rate', rateKgS: '1', holePhase: 'liquid' })).toBeUndefined();
  });

  it('names every bad field', () => {
    const built = buildReleaseRequest('cp', { ...FORM, source: null, chemical: 'H2', rateKgS: 'abc', durationMin: '0', liveStability: null });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems).toEqual({
      source: { key: 'errSourceMissing' },
      chemical: { key: 'errChemicalUnknown', values: { chemical: 'H2' } },
      rateKgS: { key: 'errNumber' },
      durationMin: { key: 'errRange', values: { min: 0.1, max: 1440 } },
      weather: { key: 'errNoLiveWeather' },
    });
  });

  it('refuses a hole size at a point (no equipment pressure) and a missing manual stability', () => {
    const built = buildReleaseRequest('cp', { ...FORM, source: { kind: 'point', eastM: 10, northM: -20 }, sizing: 'hole', holeDiameterMm: '50', weather: 'manual', windSpeedMS: '3', windFromDeg: '90' });
    expect(built.ok ? null : built.problems).toEqual({ holeDiameterMm: { key: 'errHoleNeedsEquipment' }, stability: { key: 'errStabilityMissing' } });
  });

  it('sends a point source as east/north metres', () => {
    const built = buildReleaseRequest('cp', { ...FORM, source: { kind: 'point', eastM: 10, northM: -20 } });
    expect(built.ok && built.request.source).toEqual({ eastM: 10, northM: -20 });
  });

  it('asks for the grid at the site scale: the site bounds and the source, with a margin, relative to the source', () => {
    const boundary = [{ eastM: -1000, northM: -500 }, { eastM: 1000, northM: -500 }, { eastM: 1000, northM: 500 }];
    expect(siteGridExtent(boundary, { eastM: 200, northM: 100 })).toEqual({ east0M: -1400, north0M: -800, east1M: 1000, north1M: 600 });
    const built = buildReleaseRequest('cp', FORM, { boundary, sourceAt: { eastM: 200, northM: 100 } });
    expect(built.ok && built.request.scenario.grid).toEqual({ maxCellsPerSide: WALL_GRID_CELLS, extent: { east0M: -1400, north0M: -800, east1M: 1000, north1M: 600 } });
    expect(sourcePosition({ kind: 'equipment', equipmentId: 'T' }, [{ id: 'T', eastM: 5, northM: 6 }])).toEqual({ eastM: 5, northM: 6 });
    expect(sourcePosition({ kind: 'point', eastM: 1, northM: 2 }, [])).toEqual({ eastM: 1, northM: 2 });
  });

  it('parses typed numbers', () => {
    expect(parseNumber(' 1,5 ')).toBe(1.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('1.2.3')).toBeNaN();
  });
});

describe('decodeAssessment', () => {
  it('gives back the engine grid exactly from the stored base64 frames', () => {
    const scenario = releaseScenario(600);
    const direct = runAssessment(scenario);
    const view = decodeAssessment(storedAssessment(scenario));
    expect(view.grid.nx).toBe(direct.grid.nx);
    expect(view.grid.frames).toHaveLength(direct.grid.frames.length);
    expect(view.grid.frames.length).toBeGreaterThan(1);
    view.grid.frames.forEach((f, k) => {
      expect(f.tS).toBe(direct.grid.frames[k]!.tS);
      expect(Array.from(f.valuesPpm)).toEqual(Array.from(direct.grid.frames[k]!.valuesPpm));
    });
    expect(view.model).toBe(direct.model);
    expect(view.zones.metadata.zones.map((z) => z.color)).toEqual(['red', 'orange', 'yellow']);
  });

  it('a steady plume has one frame with tS null', () => {
    const view = decodeAssessment(storedAssessment(releaseScenario()));
    expect(view.grid.frames).toHaveLength(1);
    expect(view.grid.frames[0]!.tS).toBeNull();
  });

  it('refuses a frame of the wrong size, naming it', () => {
    const stored = storedAssessment(releaseScenario()) as { grid: { frames: { valuesPpmF32Base64: string }[] } };
    stored.grid.frames[0]!.valuesPpmF32Base64 = 'AAAAAA==';
    expect(() => decodeAssessment(stored)).toThrow(ResultShapeError);
    expect(() => decodeAssessment(stored)).toThrow(/frames\[0\] holds 1 values/);
    expect(() => decodeAssessment({ kind: 'zones' })).toThrow(/not an assessment/);
  });
});

describe('worstFirst', () => {
  const p = (id: string, level: number | null, arrivalS: number | null, peakPpm: number): PointThreatView => ({
    id, eastM: 0, northM: 0, zM: 1.5, downwindM: 0, crosswindM: 0, peakPpm, peakAtS: null, arrivalS,
    worstLevel: level === null ? null : { label: `L${level}`, ppm: level }, dose: { untilS: 0, dosePpmMin: 0 }, series: [],
  });
  it('orders by level reached, then arrival, then peak', () => {
    const sorted = worstFirst([p('low', null, null, 0.1), p('orange-late', 2, 300, 5), p('red', 20, 400, 50), p('orange-early', 2, 60, 3)]);
    expect(sorted.map((x) => x.id)).toEqual(['red', 'orange-early', 'orange-late', 'low']);
  });
});
