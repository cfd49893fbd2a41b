// Which labels fit on screen: taken in priority order, a label is shown only where it does not
// overlap one already shown (a withdrawal of twenty people walking one roadway must not become
// an unreadable pile of names on the wall). Pure; the twin calls it a few times a second.

/** A label's box on screen, px (x, y: centre of its bottom edge, where it points). */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gap kept between two shown labels, px. */
export const LABEL_GAP_PX = 4;

/** For each box (in priority order, highest first) whether it is shown; null boxes (behind the camera, off screen) are not. */
export function declutter(boxes: ReadonlyArray<LabelBox | null>, gapPx = LABEL_GAP_PX): boolean[] {
  const shown: LabelBox[] = [];
  return boxes.map((b) => {
    if (!b) return false;
    const clash = shown.some((s) => Math.abs(s.x - b.x) * 2 < s.width + b.width + 2 * gapPx && Math.abs(s.y - s.height / 2 - (b.y - b.height / 2)) * 2 < s.height + b.height + 2 * gapPx);
    if (clash) return false;
    shown.push(b);
    return true;
  });
}
