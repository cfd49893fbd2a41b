import { describe, expect, it } from 'vitest';
import { BatchWriter, writeHexColor } from './batch-writer.ts';
import { instancePoint, instanceScale } from './test-support.ts';

describe('BatchWriter', () => {
  it('writes an aligned instance as translation and scale', () => {
    const w = new BatchWriter({ kind: 'sensor', primitive: 'box', capacity: 1 });
    w.addAligned('A', null, 1, 2, 3, 4, 5, 6, 0xff8000);
    const b = w.finish();
    expect(instancePoint(b, 0)).toEqual([1, 2, 3]);
    expect(instancePoint(b, 0, 0.5, 0.5, 0.5)).toEqual([3, 4.5, 6]);
    expect([...b.colors]).toEqual([1, 128 / 255, 0].map((x) => Math.fround(x)));
  });

  it('spans a unit cylinder from a to b (its +y end lands on b)', () => {
    const w = new BatchWriter({ kind: 'pipe', primitive: 'cylinder', capacity: 1 });
    w.addSpan('P', null, 0, 5, 0, 30, 5, -40, 2, 0);
    const b = w.finish();
    const top = instancePoint(b, 0, 0, 0.5, 0), bottom = instancePoint(b, 0, 0, -0.5, 0);
    expect(top[0]).toBeCloseTo(30, 4); expect(top[1]).toBeCloseTo(5, 4); expect(top[2]).toBeCloseTo(-40, 4);
    expect(bottom[0]).toBeCloseTo(0, 4); expect(bottom[2]).toBeCloseTo(0, 4);
    const s = instanceScale(b, 0);
    expect(s[0]).toBeCloseTo(2, 5); expect(s[1]).toBeCloseTo(50, 4); expect(s[2]).toBeCloseTo(2, 5);
  });

  it('spans straight down (the antiparallel case of setFromUnitVectors)', () => {
    const w = new BatchWriter({ kind: 'shaft', primitive: 'cylinder', capacity: 1 });
    w.addSpan('S', null, 0, 0, 0, 0, -450, 0, 6, 0);
    const top = instancePoint(w.finish(), 0, 0, 0.5, 0);
    expect(top[1]).toBeCloseTo(-450, 3);
  });

  it('draws a zero-length span with zero size', () => {
    const w = new BatchWriter({ kind: 'pipe', primitive: 'cylinder', capacity: 1 });
    w.addSpan('Z', null, 1, 1, 1, 1, 1, 1, 2, 0);
    expect(instanceScale(w.finish(), 0)).toEqual([0, 0, 0]);
  });

  it('trims to what was written and refuses more than its capacity', () => {
    const w = new BatchWriter({ kind: 'valve', primitive: 'box', capacity: 2, live: 'valve' });
    w.addAligned('V1', 'DEV-1', 0, 0, 0, 1, 1, 1, 0);
    const b = w.finish();
    expect(b.count).toBe(1);
    expect(b.matrices).toHaveLength(16);
    expect(b.deviceIds).toEqual(['DEV-1']);
    const full = new BatchWriter({ kind: 'valve', primitive: 'box', capacity: 0 });
    expect(() => full.addAligned('V', null, 0, 0, 0, 1, 1, 1, 0)).toThrow(/capacity/);
  });

  it('keeps no device list for static batches', () => {
    const w = new BatchWriter({ kind: 'building', primitive: 'box', capacity: 1 });
    w.addAligned('B', null, 0, 0, 0, 1, 1, 1, 0);
    expect(w.finish().deviceIds).toBeNull();
  });

  it('writes hex colours as sRGB components', () => {
    const out = new Float32Array(3);
    writeHexColor(out, 0, 0x336699);
    expect([...out]).toEqual([0x33 / 255, 0x66 / 255, 0x99 / 255].map((x) => Math.fround(x)));
  });
});
