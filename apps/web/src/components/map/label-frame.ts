// The view the plan's names are placed in (label-boxes.ts `frame`), computed so that it changes only in
// steps: the names are placed again when the view's zoom crosses a quarter level or its centre moves by
// LABEL_FRAME_STEP_PX, never on every frame of a pan or a fly-to.
import type { ScreenBox } from './label-boxes.ts';
import type { LonLat } from './site-projector.ts';

/** The labels that fit are chosen again every 1/this of a zoom level. */
export const LABEL_ZOOM_STEPS = 4;
/** Label placement follows a pan in steps of this many pixels. */
export const LABEL_FRAME_STEP_PX = 32;
/** Names keep this far inside the panel's edge, px. */
const FRAME_MARGIN_PX = 4;

/** The view's zoom rounded to 1/LABEL_ZOOM_STEPS of a level: the scale the names are placed at. */
export function labelZoomOf(zoom: number): number {
  return Math.round(zoom * LABEL_ZOOM_STEPS) / LABEL_ZOOM_STEPS;
}

/**
 * The view's centre rounded to LABEL_FRAME_STEP_PX on the Web Mercator plane at its rounded zoom ({@link labelZoomOf}),
 * as "lon,lat": the same key for every frame of a pan within a step and of a zoom within a quarter level.
 */
export function labelCentreKey(view: { longitude: number; latitude: number; zoom: number }): string {
  const worldPx = 512 * 2 ** labelZoomOf(view.zoom);
  const step = (LABEL_FRAME_STEP_PX / worldPx) * 2 * Math.PI;
  const y = Math.log(Math.tan(Math.PI / 4 + (view.latitude * Math.PI) / 360));
  const lon = (Math.round((view.longitude * Math.PI) / 180 / step) * step * 180) / Math.PI;
  const lat = (2 * Math.atan(Math.exp(Math.round(y / step) * step)) - Math.PI / 2) * (180 / Math.PI);
  return `${lon.toFixed(7)},${lat.toFixed(7)}`;
}

/**
 * The frame names are placed in, in pixels of the rounded zoom: the panel less the centre's rounding (half a step) and
 * a margin, shrunk by the zoom's rounding (the real zoom may be up to 1/(2·LABEL_ZOOM_STEPS) of a level above the
 * rounded one, which draws everything that much farther from the centre), so a name placed inside it is inside the panel.
 */
export function labelFrame(centreKey: string, panel: { width: number; height: number }): { centre: LonLat; widthPx: number; heightPx: number } {
  const [lon, lat] = centreKey.split(',').map(Number) as [number, number];
  const shrink = 2 ** (-1 / (2 * LABEL_ZOOM_STEPS));
  const inset = LABEL_FRAME_STEP_PX / 2 + FRAME_MARGIN_PX;
  return { centre: [lon, lat], widthPx: Math.max(0, (panel.width - 2 * inset) * shrink), heightPx: Math.max(0, (panel.height - 2 * inset) * shrink) };
}

/** A rectangle of the page, CSS px (a DOMRect's fields). */
export interface PageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * What `covers` (legends drawn over or beside the panel) hide of `panel`, as boxes from the panel's centre for
 * label-boxes.ts, grown by the frame centre's rounding (half a LABEL_FRAME_STEP_PX) so that no name placed clear of
 * them ends under one; those not over the panel are left out.
 */
export function coverBoxes(panel: PageRect, covers: readonly PageRect[]): ScreenBox[] {
  const cx = (panel.left + panel.right) / 2, cy = (panel.top + panel.bottom) / 2;
  const grow = LABEL_FRAME_STEP_PX / 2;
  return covers.flatMap((c) => {
    const left = Math.max(c.left, panel.left), right = Math.min(c.right, panel.right), top = Math.max(c.top, panel.top), bottom = Math.min(c.bottom, panel.bottom);
    return right > left && bottom > top ? [{ x0: left - cx - grow, x1: right - cx + grow, y0: top - cy - grow, y1: bottom - cy + grow }] : [];
  });
}
