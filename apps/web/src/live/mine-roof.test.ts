import { describe, expect, it } from 'vitest';
import { buildCoalMine, parseSite, type CoalMine } from '@safetwin/twin-models';
import { ROOF_HALF_SPAN_M, alongM, pointAt, roadwayLines, roofSegments } from './mine-roof.ts';

describe('roof segments', () => {
  const mine = parseSite(buildCoalMine()) as CoalMine;
  const segments = roofSegments(mine);
  const roofSensors = mine.sensors.filter((s) => s.kind === 'roof-displacement');

  it('gives every roof sensor of the demo mine one stretch of its own roadway, around it', () => {
    expect(segments.map((s) => s.sensorId).sort()).toEqual(roofSensors.map((s) => s.id).sort());
    const lines = roadwayLines(mine);
    for (const seg of segments) {
      const sensor = roofSensors.find((s) => s.id === seg.sensorId)!;
      expect(seg.roadwayId).toBe(sensor.roadwayId);
      const at = alongM(lines.get(seg.roadwayId)!, sensor.position);
      expect(seg.fromM).toBeLessThanOrEqual(at);
      expect(seg.toM).toBeGreaterThanOrEqual(at);
      expect(seg.toM - seg.fromM).toBeLessThanOrEqual(2 * ROOF_HALF_SPAN_M + 1e-9);
      expect(seg.toM - seg.fromM).toBeGreaterThan(10);
    }
  });

  it('never overlaps the next sensor’s stretch on the same roadway', () => {
    for (const roadwayId of new Set(segments.map((s) => s.roadwayId))) {
      const list = segments.filter((s) => s.roadwayId === roadwayId);
      const sorted = [...list].sort((a, b) => a.fromM - b.fromM);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.fromM).toBeGreaterThanOrEqual(sorted[i - 1]!.toM - 1e-9);
    }
  });

  it('measures along a straight centre line and back', () => {
    const line = { id: 'R', a: { eastM: 0, northM: 0, upM: -100 }, b: { eastM: 30, northM: 40, upM: -100 }, spanM: 50 };
    expect(alongM(line, { eastM: 15, northM: 20, upM: -98 })).toBeCloseTo(25);
    expect(alongM(line, { eastM: -10, northM: 0, upM: -100 })).toBe(0);
    expect(alongM(line, { eastM: 300, northM: 400, upM: -100 })).toBe(50);
    expect(pointAt(line, 25)).toEqual({ eastM: 15, northM: 20, upM: -100 });
  });
});
