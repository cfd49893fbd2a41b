// The view that shows a whole site: deck.gl's Web Mercator fit of the site's bounds to the panel.
import { WebMercatorViewport } from '@deck.gl/core';
import type { LonLat } from './site-projector.ts';

/** A north-up map view. */
export interface MapViewState {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Most zoom a fit may choose (a tiny site would otherwise fill the panel with one tank). */
export const MAX_FIT_ZOOM = 19;

/** Space kept free on each side of the panel, px (room for the legend, the scale bar …). */
export interface FitPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Centre and zoom that fit `bounds` (south-west, north-east) into a `widthPx` × `heightPx` panel with `padding` to spare. */
export function fitViewState(bounds: readonly [LonLat, LonLat], widthPx: number, heightPx: number, padding: number | FitPadding): MapViewState {
  if (!(widthPx > 0 && heightPx > 0)) throw new RangeError(`fitViewState: the panel has no size (${widthPx} × ${heightPx} px)`);
  const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
  // Padding that leaves no room at all is shrunk in proportion, so a tiny panel still shows the site.
  const shrink = Math.min(1, (widthPx - 2) / Math.max(1, p.left + p.right), (heightPx - 2) / Math.max(1, p.top + p.bottom));
  const pad = { top: p.top * shrink, right: p.right * shrink, bottom: p.bottom * shrink, left: p.left * shrink };
  const fitted = new WebMercatorViewport({ width: widthPx, height: heightPx }).fitBounds([bounds[0], bounds[1]], { padding: pad, maxZoom: MAX_FIT_ZOOM });
  return { longitude: fitted.longitude, latitude: fitted.latitude, zoom: fitted.zoom, bearing: 0, pitch: 0 };
}
