import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pixelStats } from './pixels.ts';

function image(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

describe('pixelStats', () => {
  it('calls a uniform canvas blank', () => {
    const stats = pixelStats(image(40, 30, () => [8, 13, 19]));
    expect(stats.distinctColours).toBe(1);
    expect(stats.drawnFraction).toBe(0);
  });
  it('measures what is drawn over the background', () => {
    const stats = pixelStats(image(100, 100, (x) => (x < 25 ? [61, 220, 132] : [8, 13, 19])));
    expect(stats.drawnFraction).toBeCloseTo(0.25, 5);
    expect(stats.distinctColours).toBe(2);
  });
});
