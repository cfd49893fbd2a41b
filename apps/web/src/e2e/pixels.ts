// Pixel checks for WebGL canvases: "non-blank" judged from the rendered pixels (an element
// screenshot), not from the DOM, so a canvas that exists but draws nothing fails.
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What a rendered area holds. */
export interface PixelStats {
  width: number;
  height: number;
  /** Distinct colours, quantised to 5 bits per channel. */
  distinctColours: number;
  /** Share of pixels that differ clearly from the most common (background) colour, 0–1. */
  drawnFraction: number;
}

/** How far (sum of channel differences, 0–765) a pixel must be from the background to count as drawn. */
const DRAWN_THRESHOLD = 48;

/** Statistics of a PNG image. */
export function pixelStats(png: Buffer): PixelStats {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  const { data, width, height } = image;
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let background = 0;
  let best = -1;
  for (const [key, n] of counts) if (n > best) [background, best] = [key, n];
  const bg = [((background >> 10) & 31) << 3, ((background >> 5) & 31) << 3, (background & 31) << 3];
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) {
    const diff = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!);
    if (diff > DRAWN_THRESHOLD) drawn++;
  }
  return { width, height, distinctColours: counts.size, drawnFraction: drawn / (width * height) };
}

/**
 * Pixel statistics of the first element matching `selector` (e.g. a WebGL canvas), waiting long for a frame: software
 * WebGL on a loaded machine can stall the page for more than the default 30 s (CI, incident e2e's first look at the plan).
 */
export async function elementPixels(page: Page, selector: string): Promise<PixelStats> {
  const png = await page.locator(selector).first().screenshot({ timeout: 120_000 });
  return pixelStats(png);
}

/** Waits until a WebGL canvas shows a drawn picture: many colours and a real share of non-background pixels. */
export async function expectDrawn(page: Page, selector: string, what: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 120_000 });
  let stats = await elementPixels(page, selector);
  for (let tries = 0; tries < 30 && (stats.distinctColours < 16 || stats.drawnFraction < 0.01); tries++) {
    await page.waitForTimeout(1_000);
    stats = await elementPixels(page, selector);
  }
  expect(stats.distinctColours, `${what}: distinct colours`).toBeGreaterThanOrEqual(16);
  expect(stats.drawnFraction, `${what}: share of drawn pixels`).toBeGreaterThan(0.01);
}
