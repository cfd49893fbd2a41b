'use client';

import { useEffect } from 'react';
import type { Layer } from '@deck.gl/core';
import { mapOverlays, type MapOverlay, type OverlayPlacement } from './map-overlays.ts';

/**
 * Shows `layers` on the site map while the calling component is mounted (e.g. a threat-zone
 * panel adds its zones), with the marks the plan's names must keep clear of. Pass memoised arrays
 * (and tooltip): a new one replaces the overlay.
 */
export function useMapOverlay(
  id: string, layers: readonly Layer[], placement: OverlayPlacement = 'under-markers', order = 0, tooltip?: MapOverlay['tooltip'], labelObstacles?: MapOverlay['labelObstacles'],
): void {
  useEffect(() => {
    mapOverlays.set({ id, layers, placement, order, ...(tooltip ? { tooltip } : {}), ...(labelObstacles ? { labelObstacles } : {}) });
  }, [id, layers, placement, order, tooltip, labelObstacles]);
  useEffect(() => () => mapOverlays.remove(id), [id]);
}
