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

/** Centre and zoom that fit `bounds` (south-west, north-east) into a `widthPx` × `heightPx` panel with `paddingPx` to spare. */
export function fitViewState(bounds: readonly [LonLat, LonLat], widthPx: number, heightPx: number, paddingPx: number): MapViewState {
  if (!(widthPx > 0 && heightPx > 0)) throw new RangeError(`fitViewState: the panel has no size (${widthPx} × ${heightPx} px)`);
  const pad = Math.max(0, Math.min(paddingPx, widthPx / 2 - 1, heightPx / 2 - 1));
  const fitted = new WebMercatorViewport({ width: widthPx, height: heightPx }).fitBounds([bounds[0], bounds[1]], { padding: pad, maxZoom: MAX_FIT_ZOOM });
  return { longitude: fitted.longitude, latitude: fitted.latitude, zoom: fitted.zoom, bearing: 0, pitch: 0 };
}
