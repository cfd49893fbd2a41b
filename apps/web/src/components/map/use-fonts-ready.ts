'use client';

import { useEffect, useState } from 'react';

/** Longest wait for web fonts before labels are drawn anyway, ms (a missing font must not hide them for good). */
export const FONT_WAIT_MS = 3_000;

/**
 * True once the browser has loaded the glyphs of `texts` in `font` (a CSS font shorthand). deck.gl
 * rasterises each glyph into its font atlas once: drawn before the CJK web font arrives, a Chinese
 * label would stay boxes. False from the first render with new `font` or `texts` (never the last
 * ones' answer), so new texts are not drawn before their glyphs are there.
 */
export function useFontsReady(font: string, texts: readonly string[]): boolean {
  const sample = texts.join('');
  const key = `${font}\n${sample}`;
  const [readyKey, setReadyKey] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const done = () => {
      if (!cancelled) setReadyKey(key);
    };
    const timer = setTimeout(done, FONT_WAIT_MS);
    if (typeof document === 'undefined' || !document.fonts) done();
    else void document.fonts.load(font, sample).then(done, done);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [font, sample, key]);
  return readyKey === key;
}
