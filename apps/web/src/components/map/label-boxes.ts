// Which plan labels fit on the screen at the map's current scale: in priority order, a label is
// kept unless its box — the text's extent, measured in the map's font where a browser draws it,
// wrapped as the text layer wraps it, at its pixel offset — overlaps one already kept. The plan
// spaces its labels for the fitted site view; zoomed out (a release's zones fitted, the site a
// few hundred pixels wide) they would pile up unread.
import { nearOffsetM } from './plan-distance.ts';
import type { LonLat } from './site-projector.ts';

/** A label as the screen sees it. */
export interface ScreenLabel {
  position: LonLat;
  text: string;
  /** Pixel offset of the text's centre from its anchor point (of its left end, vertically centred, with `align: 'start'`). */
  offsetPx: readonly [number, number];
  /** 'start': the text begins at the offset (a name to the right of its mark) instead of being centred on it. */
  align?: 'start';
  /** Font size, px. */
  sizePx: number;
  /** Wraps at this many ems instead of the call's `maxWidthEm` (Infinity: one line). */
  maxWidthEm?: number;
  /** A reading that must be seen (a gas alarm's value): it may lie over other features' marks, never over labels or legends. */
  overMarks?: boolean;
  /** Radius of the glyph (and any mark) at its anchor, px: the label may move just outside it (see labelsOnScreen). */
  clearRadiusPx?: number;
}

/** Widths of a glyph in ems for the estimate: CJK and full-width forms are square, other scripts narrower (Noto Sans ≈ 0.55 em). */
const WIDE_EM = 1;
const NARROW_EM = 0.55;
const WIDE_GLYPH = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
/** Room kept between two labels, px. */
const LABEL_GAP_PX = 4;
/** Metres per pixel at zoom 0 on the equator: the Earth's circumference (WGS 84) over deck.gl's 512 px world. */
const EQUATOR_M_PER_PX_AT_ZOOM_0 = (2 * Math.PI * 6_378_137) / 512;

/** Ground metres per screen pixel of a Web Mercator view at `zoom` and `latitudeDeg`. */
export function metresPerPixel(zoom: number, latitudeDeg: number): number {
  return (EQUATOR_M_PER_PX_AT_ZOOM_0 * Math.cos((latitudeDeg * Math.PI) / 180)) / 2 ** zoom;
}

/** How wide one line of `text` is at `sizePx`, px: the browser's measure of the map font, or {@link estimateWidthPx}. */
export type MeasurePx = (text: string, sizePx: number) => number;

/** A line's width measured by a 2D canvas in `fontWeight` `fontFamily` (what the text layer draws with); null without a DOM. */
export function canvasMeasure(fontWeight: number | string, fontFamily: string): MeasurePx | null {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  return (text, sizePx) => {
    ctx.font = `${fontWeight} ${sizePx}px ${fontFamily}`;
    return ctx.measureText(text).width;
  };
}

/** A line's width estimated from its characters (where no canvas measures it: tests). */
export function estimateWidthPx(text: string, sizePx: number): number {
  let ems = 0;
  for (const ch of text) ems += WIDE_GLYPH.test(ch) ? WIDE_EM : NARROW_EM;
  return ems * sizePx;
}

/**
 * The box a text takes at `sizePx` wrapped at `maxWidthEm` ems as the plan's text layer wraps it ('break-word': at
 * spaces, a word wider than a line broken between its characters), px.
 */
export function textBoxPx(text: string, sizePx: number, maxWidthEm: number, measurePx: MeasurePx = estimateWidthPx): { widthPx: number; heightPx: number } {
  const maxPx = maxWidthEm * sizePx;
  const lines: string[] = [];
  let line = '';
  const put = (piece: string, sep: string) => {
    const joined = line ? line + sep + piece : piece;
    if (!line || measurePx(joined, sizePx) <= maxPx) line = joined;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(' ')) {
    if (measurePx(word, sizePx) <= maxPx) put(word, ' ');
    else for (const [i, ch] of [...word].entries()) put(ch, i === 0 ? ' ' : '');
  }
  lines.push(line);
  return { widthPx: Math.max(...lines.map((l) => measurePx(l, sizePx))), heightPx: lines.length * sizePx };
}

/** A mark another feature draws over the plan (an incident's assembly-point ring, a source candidate): labels keep clear of it. */
export interface LabelObstacle {
  position: LonLat;
  /** Its radius on the screen, px (the mark and its outline). */
  radiusPx: number;
}

/** How labels are placed beyond their own boxes: measured by `measurePx`, clear of `obstacles`, inside `frame` (the map panel's view). */
export interface LabelPlacing {
  measurePx?: MeasurePx;
  obstacles?: readonly LabelObstacle[];
  /** The view: a name whose box would be cut by the panel's edge moves (see labelsOnScreen) or is left out. */
  frame?: { centre: LonLat; widthPx: number; heightPx: number };
  /** Boxes the page draws over the panel (its legends), px from the frame's centre: names keep out from under them. */
  covers?: readonly ScreenBox[];
}

/** A rectangle on the screen, px (y down). */
export interface ScreenBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

type Box = ScreenBox;

/** Whether `box` comes within LABEL_GAP_PX of the disc at (x, y) of radius r. */
function touchesDisc(box: Box, x: number, y: number, r: number): boolean {
  const dx = Math.max(box.x0 - x, 0, x - box.x1);
  const dy = Math.max(box.y0 - y, 0, y - box.y1);
  // The places around a mark are built exactly r + gap from it: rounding must not make them touch.
  return Math.hypot(dx, dy) < r + LABEL_GAP_PX - ROUNDING_PX;
}

/** Below this a box and a disc are taken as apart, px (screen positions from lon/lat carry ~1e-12 px of rounding). */
const ROUNDING_PX = 1e-6;

/**
 * The labels that fit at `metresPerPx`, in the order given (most important first): each kept unless its box overlaps a
 * kept one's (LABEL_GAP_PX apart), an obstacle's mark or a cover, or leaves the frame (no name at all for an anchor
 * outside the frame or under a cover). A label with `clearRadiusPx` (a place name under its glyph)
 * may move, when its own offset collides, to just outside a disc of that radius around its anchor — below, above, right
 * or left of it, in that order; a name that begins at its offset (`align: 'start'`) right, left, below, above — and is
 * returned with the offset it got (for a start-aligned name, where its text now begins). Positions are placed on the screen by their
 * ground distance from the first label (a north-up plan; a site is small enough for flat distances).
 */
export function labelsOnScreen<T extends ScreenLabel>(labels: readonly T[], metresPerPx: number, maxWidthEm: number, placing: LabelPlacing = {}): T[] {
  const { measurePx = estimateWidthPx, obstacles = [], frame, covers = [] } = placing;
  const origin = labels[0]?.position;
  if (!origin) return [];
  // Screen y grows downward; offsets are in screen pixels.
  const toScreen = (p: LonLat) => {
    const { eastM, northM } = nearOffsetM(origin, p);
    return { x: eastM / metresPerPx, y: -northM / metresPerPx };
  };
  const marks = obstacles.map((o) => ({ ...toScreen(o.position), r: o.radiusPx }));
  const view = frame && toScreen(frame.centre);
  const inFrame = (b: Box) =>
    !frame || !view || (b.x0 >= view.x - frame.widthPx / 2 && b.x1 <= view.x + frame.widthPx / 2 && b.y0 >= view.y - frame.heightPx / 2 && b.y1 <= view.y + frame.heightPx / 2);
  // The covers on the placement's plane (they are given from the frame's centre; without a frame, from the first label).
  const coverBoxes = covers.map((c) => ({ x0: c.x0 + (view?.x ?? 0), x1: c.x1 + (view?.x ?? 0), y0: c.y0 + (view?.y ?? 0), y1: c.y1 + (view?.y ?? 0) }));
  const apart = (a: Box, b: Box) => a.x1 + LABEL_GAP_PX <= b.x0 || b.x1 + LABEL_GAP_PX <= a.x0 || a.y1 + LABEL_GAP_PX <= b.y0 || b.y1 + LABEL_GAP_PX <= a.y0;
  const kept: Array<{ label: T; box: Box }> = [];
  for (const label of labels) {
    const anchor = toScreen(label.position);
    // A point outside the view has no name drawn for it (its name alone at the edge would point at nothing).
    if (view && frame && (Math.abs(anchor.x - view.x) > frame.widthPx / 2 || Math.abs(anchor.y - view.y) > frame.heightPx / 2)) continue;
    // Nor a point under a legend.
    if (coverBoxes.some((c) => anchor.x >= c.x0 && anchor.x <= c.x1 && anchor.y >= c.y0 && anchor.y <= c.y1)) continue;
    const { widthPx, heightPx } = textBoxPx(label.text, label.sizePx, label.maxWidthEm ?? maxWidthEm, measurePx);
    // Candidate places as the box's centre from the anchor: the label's own offset (for a text that begins there, half
    // its width further right), then round the mark on its anchor.
    const startShiftPx = label.align === 'start' ? widthPx / 2 : 0;
    const centres: (readonly [number, number])[] = [[label.offsetPx[0] + startShiftPx, label.offsetPx[1]]];
    // Clear of the glyph, or of a larger mark drawn on the same anchor (an assembly point's ring in an incident).
    const r = label.clearRadiusPx === undefined ? undefined : Math.max(label.clearRadiusPx, ...marks.filter((m) => Math.hypot(m.x - anchor.x, m.y - anchor.y) < 1).map((m) => m.r));
    if (r !== undefined) {
      const down = r + heightPx / 2 + LABEL_GAP_PX, side = r + widthPx / 2 + LABEL_GAP_PX;
      // A name read beside its mark tries the sides first; a place name under its glyph, below and above.
      if (label.align === 'start') centres.push([side, 0], [-side, 0], [0, down], [0, -down]);
      else centres.push([0, down], [0, -down], [side, 0], [-side, 0]);
    }
    for (const [i, [ox, oy]] of centres.entries()) {
      const cx = anchor.x + ox, cy = anchor.y + oy;
      const box = { x0: cx - widthPx / 2, x1: cx + widthPx / 2, y0: cy - heightPx / 2, y1: cy + heightPx / 2 };
      const clear = kept.every((k) => apart(box, k.box)) && coverBoxes.every((c) => apart(box, c));
      if (clear && inFrame(box) && (label.overMarks || marks.every((m) => !touchesDisc(box, m.x, m.y, m.r)))) {
        kept.push({ label: i === 0 ? label : { ...label, offsetPx: [ox - startShiftPx, oy] as const }, box });
        break;
      }
    }
  }
  return kept.map((k) => k.label);
}
