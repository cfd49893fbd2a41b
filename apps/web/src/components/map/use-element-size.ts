'use client';

import { useEffect, useState, type RefObject } from 'react';

/** An element's content size in CSS px. */
export interface ElementSize {
  width: number;
  height: number;
}

/** Tracks an element's size with a ResizeObserver; null until it has been measured. */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize | null {
  const [size, setSize] = useState<ElementSize | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      setSize((prev) => (prev && prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The page's root font size in px (18 on a desk, 24 on a 4K wall, see globals.css); 18 before mount. */
export function useRootFontPx(): number {
  const [px, setPx] = useState(18);
  useEffect(() => {
    const read = () => setPx(Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 18);
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, []);
  return px;
}
