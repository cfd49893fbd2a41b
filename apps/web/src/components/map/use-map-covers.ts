'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ScreenBox } from './label-boxes.ts';
import { coverBoxes } from './label-frame.ts';

const NO_COVERS: readonly ScreenBox[] = [];

/**
 * The boxes the legends hide of the panel (its own legend `data-map-legend`, and elements marked `data-map-cover`
 * beside it), px from its centre (label-frame.ts `coverBoxes`), kept up to date: a legend opened, closed or resized
 * gives new boxes (a ResizeObserver), and the page is searched for legends again whenever `rescan` changes (the map's
 * overlays: a release's zone legend comes with its zones) — the same array while they stay, so the names are placed
 * again only then.
 */
export function useMapCovers(panelRef: RefObject<HTMLElement | null>, rescan: unknown): readonly ScreenBox[] {
  const [covers, setCovers] = useState<{ key: string; boxes: readonly ScreenBox[] }>({ key: '', boxes: NO_COVERS });
  useEffect(() => {
    const panel = panelRef.current;
    const page = panel?.parentElement;
    if (!panel || !page) return;
    let observed: Element[] = [];
    const resize = new ResizeObserver(() => measure());
    function measure(): void {
      const els = [...panel!.querySelectorAll('[data-map-legend]'), ...page!.querySelectorAll('[data-map-cover]')];
      if (els.length !== observed.length || els.some((e, i) => e !== observed[i])) {
        resize.disconnect();
        for (const e of [panel!, ...els]) resize.observe(e);
        observed = els;
      }
      const boxes = coverBoxes(panel!.getBoundingClientRect(), els.map((e) => e.getBoundingClientRect())).map((b) => ({ x0: Math.round(b.x0), x1: Math.round(b.x1), y0: Math.round(b.y0), y1: Math.round(b.y1) }));
      const key = JSON.stringify(boxes);
      setCovers((prev) => (prev.key === key ? prev : { key, boxes }));
    }
    measure();
    return () => resize.disconnect();
  }, [panelRef, rescan]);
  return covers.boxes;
}
