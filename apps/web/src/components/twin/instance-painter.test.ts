import { describe, expect, it } from 'vitest';
import { InstancePainter, srgbArrayToLinear, srgbToLinear, styleTable } from './instance-painter.ts';

/** Two instances: a 2 m cube at (10, 0, -5) and a 4 m cube at (0, 3, 0). */
function base(): Float32Array {
  const m = new Float32Array(32);
  m.set([2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 10, 0, -5, 1], 0);
  m.set([4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 0, 3, 0, 1], 16);
  return m;
}

const TABLE = styleTable([
  { rgb: [255, 0, 0], scale: 2 },
  { rgb: [0, 255, 0], scale: 1 },
  { rgb: [128, 128, 128], scale: 0 },
]);

describe('srgbToLinear', () => {
  const CASES = [
    { title: 'black', c: 0, expected: 0 },
    { title: 'white', c: 1, expected: 1 },
    { title: 'the linear toe', c: 0.04, expected: 0.04 / 12.92 },
    { title: 'mid grey 0.5 → 0.214', c: 0.5, expected: 0.21404 },
  ];
  for (const c of CASES) it(c.title, () => expect(srgbToLinear(c.c), c.title).toBeCloseTo(c.expected, 4));
  it('converts arrays in place', () => {
    const a = Float32Array.of(1, 0.5, 0);
    srgbArrayToLinear(a);
    expect(a[1]).toBeCloseTo(0.21404, 4);
  });
});

describe('InstancePainter', () => {
  it('writes the colour and scales the matrix about the instance centre', () => {
    const b = base();
    const painter = new InstancePainter(b, 2, TABLE);
    const colors = new Float32Array(6), matrices = new Float32Array(32);
    expect(painter.paint(0, 0, colors, matrices)).toBe(true);
    expect([...colors.slice(0, 3)]).toEqual([1, 0, 0]);
    expect([...matrices.slice(0, 16)]).toEqual([4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 10, 0, -5, 1]);
    expect([...b.slice(0, 16)]).toEqual([2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 10, 0, -5, 1]);
  });

  it('only rewrites an instance when its code changes', () => {
    const painter = new InstancePainter(base(), 2, TABLE);
    const colors = new Float32Array(6), matrices = new Float32Array(32);
    expect(painter.paint(1, 1, colors, matrices)).toBe(true);
    colors[3] = 42;
    expect(painter.paint(1, 1, colors, matrices)).toBe(false);
    expect(colors[3]).toBe(42);
    expect(painter.paint(1, 2, colors, matrices)).toBe(true);
    expect(matrices[16]).toBe(0);
    expect(matrices[29]).toBe(3);
    expect(painter.codeOf(1)).toBe(2);
    painter.invalidate();
    expect(painter.paint(1, 2, colors, matrices)).toBe(true);
  });

  it('refuses unknown codes and short buffers', () => {
    const painter = new InstancePainter(base(), 2, TABLE);
    expect(() => painter.paint(0, 7, new Float32Array(6), new Float32Array(32))).toThrow(/no style/);
    expect(() => new InstancePainter(new Float32Array(16), 2, TABLE)).toThrow(/matrix floats/);
  });
});
