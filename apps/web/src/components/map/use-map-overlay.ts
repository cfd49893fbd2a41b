'use client';

import { useEffect } from 'react';
import type { Layer } from '@deck.gl/core';
import { mapOverlays, type MapOverlay, type OverlayPlacement } from './map-overlays.ts';

/** What an overlay adds besides its layers: the hover text, the marks the plan's names keep clear of, its own labels. */
export type OverlayExtras = Pick<MapOverlay, 'tooltip' | 'labelObstacles' | 'labels'>;

/**
 * Shows `layers` on the site map while the calling component is mounted (e.g. a threat-zone
 * panel adds its zones), with `extras`. Pass memoised arrays (and tooltip): a new one replaces the overlay.
 */
export function useMapOverlay(id: string, layers: readonly Layer[], placement: OverlayPlacement = 'under-markers', order = 0, extras: OverlayExtras = {}): void {
  const { tooltip, labelObstacles, labels } = extras;
  useEffect(() => {
    mapOverlays.set({ id, layers, placement, order, ...(tooltip ? { tooltip } : {}), ...(labelObstacles ? { labelObstacles } : {}), ...(labels ? { labels } : {}) });
  }, [id, layers, placement, order, tooltip, labelObstacles, labels]);
  useEffect(() => () => mapOverlays.remove(id), [id]);
}
