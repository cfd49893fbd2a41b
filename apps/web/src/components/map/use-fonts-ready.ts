'use client';

import { useEffect, useState } from 'react';

/** Longest wait for web fonts before labels are drawn anyway, ms (a missing font must not hide them for good). */
export const FONT_WAIT_MS = 3_000;

/**
 * True once the browser has loaded the glyphs of `texts` in `font` (a CSS font shorthand). deck.gl
 * rasterises each glyph into its font atlas once: drawn before the CJK web font arrives, a Chinese
 * label would stay boxes.
 */
export function useFontsReady(font: string, texts: readonly string[]): boolean {
  const [ready, setReady] = useState(false);
  const sample = texts.join('');
  useEffect(() => {
    let cancelled = false;
    setReady(false);
    const done = () => {
      if (!cancelled) setReady(true);
    };
    const timer = setTimeout(done, FONT_WAIT_MS);
    if (typeof document === 'undefined' || !document.fonts) done();
    else void document.fonts.load(font, sample).then(done, done);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [font, sample]);
  return ready;
}
