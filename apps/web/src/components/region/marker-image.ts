// Marker images for the globe: the grade's shape filled in its colour with a dark rim (so it
// stands out on any imagery), drawn once per style on a canvas at twice the CSS size.
import type { SensorVisualStyle } from '../../wall/sensor-visual.ts';
import { rgbCss } from '../../wall/palette.ts';

/** Canvas pixels per CSS pixel of a marker image (sharp on high-density screens and walls). */
const PIXEL_RATIO = 2;
/** The rim around each shape, CSS px. */
const RIM_PX = 3;
const RIM_CSS = '#080d13';

/** The outline of a marker shape in a square of side `s` (inset by the rim), as canvas path commands. */
function tracePath(ctx: CanvasRenderingContext2D, shape: SensorVisualStyle['shape'], s: number): void {
  const c = s / 2;
  const r = c - RIM_PX * PIXEL_RATIO;
  ctx.beginPath();
  switch (shape) {
    case 'diamond':
      ctx.moveTo(c, c - r);
      ctx.lineTo(c + r, c);
      ctx.lineTo(c, c + r);
      ctx.lineTo(c - r, c);
      break;
    case 'triangle': {
      const h = r * 1.05;
      ctx.moveTo(c, c - h);
      ctx.lineTo(c + h * 0.98, c + h * 0.75);
      ctx.lineTo(c - h * 0.98, c + h * 0.75);
      break;
    }
    case 'square': {
      const half = r * 0.78;
      ctx.rect(c - half, c - half, 2 * half, 2 * half);
      break;
    }
    case 'cross':
    case 'circle':
    case 'ring':
      ctx.arc(c, c, r * (shape === 'circle' ? 0.82 : 0.8), 0, 2 * Math.PI);
      break;
  }
  ctx.closePath();
}

/** A marker image of `sizePx` CSS pixels for a style: filled shape with a dark rim; a ring is a dark disc with a question mark. */
export function markerCanvas(style: SensorVisualStyle, sizePx: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const s = Math.round(sizePx * PIXEL_RATIO);
  canvas.width = s;
  canvas.height = s;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.lineJoin = 'round';
  tracePath(ctx, style.shape, s);
  ctx.lineWidth = RIM_PX * 2 * PIXEL_RATIO;
  ctx.strokeStyle = RIM_CSS;
  ctx.stroke();
  if (style.shape === 'ring') {
    // Not current: a dark disc, a grey ring and a question mark — "we do not know the state now".
    ctx.fillStyle = RIM_CSS;
    ctx.fill();
    ctx.lineWidth = RIM_PX * 1.2 * PIXEL_RATIO;
    ctx.strokeStyle = rgbCss(style.rgb);
    ctx.stroke();
    ctx.fillStyle = '#e8eef4';
    ctx.font = `800 ${Math.round(s * 0.5)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('?', s / 2, s / 2 + s * 0.02);
  } else if (style.shape === 'cross') {
    ctx.lineWidth = RIM_PX * 1.2 * PIXEL_RATIO;
    ctx.strokeStyle = rgbCss(style.rgb);
    ctx.stroke();
  } else {
    ctx.fillStyle = rgbCss(style.rgb);
    ctx.fill();
  }
  return canvas;
}
