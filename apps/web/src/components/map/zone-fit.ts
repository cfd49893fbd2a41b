// What the plan fits when a feature (a modelled release) asks: the site, everything the feature
// must show (the source, the red and orange zones) and as much of what it would like to show (the
// yellow zone, the uncertainty lines) as keeps the site readable — a 12 km yellow zone fitted
// whole would shrink a 2 km park to a few pixels.
import type { FitPadding } from './fit-view.ts';
import type { LonLat } from './site-projector.ts';

/** South-west and north-east corners, lon/lat degrees. */
export type LonLatBounds = [LonLat, LonLat];

/** A feature's wish for the plan's view. */
export interface FitRequest {
  /** Shown whole (with the site). */
  must: LonLatBounds;
  /** Shown as far as `MAX_FIT_GROWTH` allows. */
  want?: LonLatBounds | null;
}

/**
 * How far the view may grow for `want`, per axis, as a multiple of the span of the site ∪ `must`:
 * 2× keeps the park at least half of that span (3× left the demo park's labels piled up in the
 * 1920×1080 screenshot of a Cl2 release whose orange zone already doubles the view).
 */
export const MAX_FIT_GROWTH = 2;

/** The bounds of some points; null when there are none. */
export function boundsOfPoints(points: Iterable<LonLat>): LonLatBounds | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    w = Math.min(w, lon); e = Math.max(e, lon);
    s = Math.min(s, lat); n = Math.max(n, lat);
  }
  return w <= e ? [[w, s], [e, n]] : null;
}

/** The smallest bounds holding both. */
export function unionBounds(a: LonLatBounds, b: LonLatBounds): LonLatBounds {
  return [[Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])], [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])]];
}

/**
 * One axis: extends [min, max] towards [wantMin, wantMax] by at most `allowance` in all, shared
 * between the two sides in proportion to how far each would go.
 */
function growAxis(min: number, max: number, wantMin: number, wantMax: number, allowance: number): [number, number] {
  const low = Math.max(0, min - wantMin), high = Math.max(0, wantMax - max);
  const need = low + high;
  if (need <= allowance) return [min - low, max + high];
  return [min - (allowance * low) / need, max + (allowance * high) / need];
}

/** The bounds to fit for `request` on a site with `site` bounds (see MAX_FIT_GROWTH). */
export function fitRequestBounds(site: LonLatBounds, request: FitRequest, maxGrowth = MAX_FIT_GROWTH): LonLatBounds {
  const core = unionBounds(site, request.must);
  if (!request.want) return core;
  const spanLon = core[1][0] - core[0][0], spanLat = core[1][1] - core[0][1];
  // The larger span sets the allowance on both axes, so a long thin site can still grow across.
  const allowance = (maxGrowth - 1) * Math.max(spanLon, spanLat);
  const [w, e] = growAxis(core[0][0], core[1][0], request.want[0][0], request.want[1][0], allowance);
  const [s, n] = growAxis(core[0][1], core[1][1], request.want[0][1], request.want[1][1], allowance);
  return [[w, s], [e, n]];
}

/** A box on the page, CSS px. */
export interface PxRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room left between a cover (a legend over the plan) and what is fitted, px. */
export const COVER_GAP_PX = 6;

/**
 * Padding that also keeps the fitted view clear of boxes drawn over the panel (a legend in a
 * corner): for each cover overlapping the panel, the side whose padding grows least is pushed
 * past it — a short wide legend at the bottom costs height, not width.
 */
export function padForCovers(panel: PxRect, covers: readonly PxRect[], base: FitPadding): FitPadding {
  const pad = { ...base };
  for (const c of covers) {
    if (c.right <= panel.left || c.left >= panel.right || c.bottom <= panel.top || c.top >= panel.bottom) continue;
    const need = {
      top: c.bottom - panel.top + COVER_GAP_PX,
      bottom: panel.bottom - c.top + COVER_GAP_PX,
      left: c.right - panel.left + COVER_GAP_PX,
      right: panel.right - c.left + COVER_GAP_PX,
    };
    // Cost of each side: the share of the panel's height (top/bottom) or width (left/right) it would take.
    const h = panel.bottom - panel.top, w = panel.right - panel.left;
    const sides = (['top', 'bottom', 'left', 'right'] as const).map((side) => ({ side, cost: (Math.max(pad[side], need[side]) - pad[side]) / (side === 'top' || side === 'bottom' ? h : w) }));
    const best = sides.reduce((a, b) => (b.cost < a.cost ? b : a));
    pad[best.side] = Math.max(pad[best.side], need[best.side]);
  }
  return pad;
}
