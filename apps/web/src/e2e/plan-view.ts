// The site plan's view as the wall shows it (MapPanel writes `data-view-state` and `data-fitted` on the panel), and
// deck.gl's own Web Mercator projection of that view, so a test can find a lon/lat on the plan's canvas.
import { WebMercatorViewport } from '@deck.gl/core';
import type { Page } from 'playwright-core';

/** The plan's view on the panel (`data-view-state`: lon, lat, zoom) and what it is fitted to. */
export async function mapView(page: Page): Promise<{ longitude: number; latitude: number; zoom: number; fitted: string | null }> {
  const [state, fitted] = await page.locator('[data-testid=site-map]').evaluate((el) => [el.getAttribute('data-view-state') ?? '', el.getAttribute('data-fitted')]);
  const [longitude, latitude, zoom] = state.split(',').map(Number) as [number, number, number];
  return { longitude, latitude, zoom, fitted };
}

/** The plan's current view as a viewport of `widthPx` × `heightPx` (the map canvas): `project([lon, lat])` gives canvas px. */
export async function planViewport(page: Page, widthPx: number, heightPx: number): Promise<WebMercatorViewport> {
  const { longitude, latitude, zoom } = await mapView(page);
  return new WebMercatorViewport({ width: widthPx, height: heightPx, longitude, latitude, zoom });
}

/** The text of deck's tooltip on the plan as shown now ('' when none is shown). */
export async function deckTooltipText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.deck-tooltip');
    return el && el.style.display !== 'none' ? (el.textContent ?? '') : '';
  });
}
