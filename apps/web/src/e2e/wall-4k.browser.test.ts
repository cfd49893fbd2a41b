// The site walls on a 4K video wall: the page fits the viewport exactly (no page scroll) at
// 1920×1080 and at 3840×2160, and the site plan (deck.gl) keeps drawing when the window grows
// from 1920×1080 to 3840×2160 — its labels are rebuilt at twice the size, which once threw a
// deck.gl assertion in the labels' MultiIconLayer and left the panel an error box — and when the
// wall is opened at 4K directly. The plan is fitted again to the grown panel, unless the user
// moved it (then their view stays until "Fit site"). Screenshots to .reports/screenshots/wall-4k-*.png.
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { expectDrawn } from './pixels.ts';
import { HAVE_CHROMIUM, SCREENSHOTS, logIn, warnIfNoChromium, webEnvForSuite } from './web-env.ts';

warnIfNoChromium('4K wall browser tests');

const HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };
const MAP = '[data-testid=site-map]';
const MAP_CANVAS = `${MAP} canvas`;
/** Label size on the plan at a 4K wall's 36 px root font (MapPanel: 14 px at 18 px), px. */
const UHD_LABEL_PX = 28;
const SITES = [
  { id: 'cm-yangquan', user: 'mine-manager', name: 'mine' },
  { id: 'cp-nanjing', user: 'commander', name: 'park' },
] as const;

/** Page errors, and console errors from the WebGL stack (luma.gl, deck.gl, the GL context), seen on `page`. */
function glErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /luma|deck|webgl|assert/i.test(message.text())) seen.push(`console error: ${message.text()}`);
  });
  return seen;
}

/** The plan's zoom now, from the panel's `data-view-state` (longitude,latitude,zoom). */
async function mapZoom(page: Page): Promise<number> {
  const view = (await page.getAttribute(MAP, 'data-view-state')) ?? '';
  return Number(view.split(',')[2]);
}

/** How far the page itself scrolls, px (0 when the wall fits the viewport). */
async function pageOverflow(page: Page): Promise<{ down: number; across: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { down: root.scrollHeight - window.innerHeight, across: root.scrollWidth - window.innerWidth };
  });
}

/**
 * Waits until the plan has labels at `labelPx` and its canvas fills the panel at `minWidthPx` or
 * more, or the panel shows an error instead; returns that error's text (null when none).
 */
async function mapSettled(page: Page, labelPx: number, minWidthPx: number): Promise<string | null> {
  await page.waitForFunction(
    ([selector, px, minWidth]) => {
      const panel = document.querySelector(selector as string);
      if (panel?.querySelector('[role=alert]')) return true;
      const canvas = panel?.querySelector('canvas');
      return panel?.getAttribute('data-labels') === String(px) && !!canvas && canvas.clientWidth >= (minWidth as number) && Math.abs(canvas.width - canvas.clientWidth * devicePixelRatio) <= 2;
    },
    [MAP, labelPx, minWidthPx],
    { timeout: 120_000 },
  );
  return page.locator(`${MAP} [role=alert]`).first().textContent({ timeout: 1_000 }).catch(() => null);
}

describe.skipIf(!HAVE_CHROMIUM)('the site walls on a 4K video wall in headless Chromium', () => {
  const stack = webEnvForSuite();

  /** A new page at `viewport`, signed in as the site's user, on its wall with the hub link live; closed when the test ends. */
  async function openWall(site: (typeof SITES)[number], viewport: typeof HD): Promise<{ page: Page; errors: string[] }> {
    const { browser, next } = stack.env;
    const page = await browser.newPage({ viewport });
    onTestFinished(() => page.close());
    const errors = glErrors(page);
    await logIn(page, next.url, site.user);
    await page.goto(`${next.url}/sites/${site.id}`);
    await page.waitForSelector('[data-testid=site-wall] [data-connection=live]', { timeout: 120_000 });
    return { page, errors };
  }

  for (const site of SITES) {
    it(`${site.name}: fits 1920×1080 without page scroll, and its plan keeps drawing when the window grows to 3840×2160`, async () => {
      const { page, errors } = await openWall(site, HD);
      await expectDrawn(page, MAP_CANVAS, `${site.name} plan at 1920×1080`);
      expect.soft(await pageOverflow(page), 'page scroll at 1920×1080').toEqual({ down: 0, across: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-4k-${site.name}-1080.png`) });
      const hdZoom = await mapZoom(page);
      expect(hdZoom, 'zoom of the fit at 1920×1080').toBeGreaterThan(0);

      await page.setViewportSize(UHD);
      expect(await mapSettled(page, UHD_LABEL_PX, 1_000), 'plan error after growing to 3840×2160').toBeNull();
      // The panel doubled (and its type with it): the site is fitted again, one zoom level closer.
      await page.waitForFunction(([selector, z]) => Number(document.querySelector(selector as string)?.getAttribute('data-view-state')?.split(',')[2]) > (z as number) + 0.5, [MAP, hdZoom], { timeout: 60_000 }).catch(() => undefined);
      const uhdZoom = await mapZoom(page);
      expect(uhdZoom, 'the plan refitted after growing to 3840×2160').toBeCloseTo(hdZoom + 1, 0);
      await expectDrawn(page, MAP_CANVAS, `${site.name} plan after growing to 3840×2160`);
      expect.soft(await pageOverflow(page), 'page scroll at 3840×2160').toEqual({ down: 0, across: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-4k-${site.name}-resized.png`) });
      expect(await page.locator(`${MAP} [role=alert]`).count(), 'plan error box').toBe(0);

      // A view the user moved to is theirs: a resize leaves it, "Fit site" fits again.
      const box = (await page.locator(MAP_CANVAS).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(([selector, z]) => Math.abs(Number(document.querySelector(selector as string)?.getAttribute('data-view-state')?.split(',')[2]) - (z as number)) > 0.1, [MAP, uhdZoom], { timeout: 60_000 });
      await page.waitForTimeout(500);
      const userView = await page.getAttribute(MAP, 'data-view-state');
      await page.setViewportSize(HD);
      await page.waitForFunction(([selector]) => (document.querySelector(`${selector as string} canvas`)?.clientWidth ?? 0) < 1_900 && document.querySelector(selector as string)?.getAttribute('data-labels') === '14', [MAP], { timeout: 60_000 });
      await page.waitForTimeout(500);
      expect(await page.getAttribute(MAP, 'data-view-state'), "the user's view kept through the resize back to 1920×1080").toBe(userView);
      await page.click('[data-testid=map-fit]');
      await page.waitForFunction(([selector, v]) => document.querySelector(selector as string)?.getAttribute('data-view-state') !== v, [MAP, userView], { timeout: 60_000 });
      expect(await mapZoom(page), '"Fit site" fits the site to 1920×1080 again').toBeCloseTo(hdZoom, 1);
      expect(errors).toEqual([]);
    }, 300_000);

    it(`${site.name}: opened at 3840×2160, fits without page scroll and draws its plan`, async () => {
      const { page, errors } = await openWall(site, UHD);
      expect(await mapSettled(page, UHD_LABEL_PX, 1_000), 'plan error at 3840×2160').toBeNull();
      await expectDrawn(page, MAP_CANVAS, `${site.name} plan at 3840×2160`);
      expect.soft(await pageOverflow(page), 'page scroll at 3840×2160').toEqual({ down: 0, across: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-4k-${site.name}-direct.png`) });
      expect(await page.locator(`${MAP} [role=alert]`).count(), 'plan error box').toBe(0);
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
