// The wall's colours in one place, as RGB bytes for WebGL/deck.gl and as CSS for the DOM.
// Dark theme, high contrast; every colour is paired with a shape or a word where it is shown.

/** An sRGB colour as 0–255 bytes. */
export type Rgb = readonly [number, number, number];

/** The Chinese four-colour grades (red / orange / yellow / blue), DESIGN.md §5 and the seed. */
export const GRADE_RGB = {
  red: [255, 77, 79],
  orange: [255, 146, 43],
  yellow: [255, 212, 59],
  blue: [77, 171, 247],
} as const satisfies Record<string, Rgb>;

/** Sensor and data-quality colours. */
export const STATE_RGB = {
  normal: [61, 220, 132],
  stale: [142, 153, 164],
  offline: [92, 107, 122],
  noData: [58, 70, 84],
} as const satisfies Record<string, Rgb>;

/** `#rrggbb` for an Rgb. */
export function rgbCss([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
