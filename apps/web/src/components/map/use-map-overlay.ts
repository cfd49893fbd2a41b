'use client';

import { useEffect } from 'react';
import type { Layer } from '@deck.gl/core';
import { mapOverlays, type MapOverlay, type OverlayPlacement } from './map-overlays.ts';

/**
 * Shows `layers` on the site map while the calling component is mounted (e.g. a threat-zone
 * panel adds its zones). Pass a memoised array (and tooltip): a new one replaces the overlay.
 */
export function useMapOverlay(id: string, layers: readonly Layer[], placement: OverlayPlacement = 'under-markers', order = 0, tooltip?: MapOverlay['tooltip']): void {
  useEffect(() => {
    mapOverlays.set({ id, layers, placement, order, ...(tooltip ? { tooltip } : {}) });
  }, [id, layers, placement, order, tooltip]);
  useEffect(() => () => mapOverlays.remove(id), [id]);
}
