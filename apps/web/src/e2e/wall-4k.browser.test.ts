// The site walls on a 4K video wall: the page fits the viewport exactly (no page scroll) at
// 1920×1080 and at 3840×2160, and the site plan (deck.gl) keeps drawing when the window grows
// from 1920×1080 to 3840×2160 — its labels are rebuilt at twice the size, which once threw a
// deck.gl assertion in the labels' MultiIconLayer and left the panel an error box — and when the
// wall is opened at 4K directly. Screenshots to .reports/screenshots/wall-4k-*.png.
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
    await page.waitForSelector('[data-testid=site-wall] [data-connection=live]', { timeout: 60_000 });
    return { page, errors };
  }

  for (const site of SITES) {
    it(`${site.name}: fits 1920×1080 without page scroll, and its plan keeps drawing when the window grows to 3840×2160`, async () => {
      const { page, errors } = await openWall(site, HD);
      await expectDrawn(page, MAP_CANVAS, `${site.name} plan at 1920×1080`);
      expect.soft(await pageOverflow(page), 'page scroll at 1920×1080').toEqual({ down: 0, across: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-4k-${site.name}-1080.png`) });

      await page.setViewportSize(UHD);
      expect(await mapSettled(page, UHD_LABEL_PX, 1_000), 'plan error after growing to 3840×2160').toBeNull();
      await expectDrawn(page, MAP_CANVAS, `${site.name} plan after growing to 3840×2160`);
      expect.soft(await pageOverflow(page), 'page scroll at 3840×2160').toEqual({ down: 0, across: 0 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-4k-${site.name}-resized.png`) });
      expect(await page.locator(`${MAP} [role=alert]`).count(), 'plan error box').toBe(0);
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
