'use client';

import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useWall } from '../../wall/WallContext.tsx';
import { SiteProjector } from '../map/site-projector.ts';
import { sourceMarkerLayer, threatZoneLayers } from '../map/threat-zone-layers.ts';
import { useRootFontPx } from '../map/use-element-size.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import type { ShownRelease } from './ReleaseProvider.tsx';

const NO_LAYERS: Layer[] = [];

/** The modelled release on the site plan, under the live markers (or the chosen source alone before a run). */
export function ReleaseMapOverlay({ shown, chosen }: { shown: ShownRelease | null; chosen: { eastM: number; northM: number } | null }) {
  const { site } = useWall();
  const projector = useMemo(() => new SiteProjector(site.origin), [site.origin]);
  const scale = useRootFontPx() / 18;
  const chosenE = chosen?.eastM, chosenN = chosen?.northM;
  const zones = useMemo(() => {
    if (shown) return threatZoneLayers({ zones: shown.result.zones, source: shown.source, projector, scale });
    // A source chosen in the form, before it is run: its marker alone.
    if (chosenE !== undefined && chosenN !== undefined) return [sourceMarkerLayer(projector.lonLat(chosenE, chosenN), scale, 'threat-source-chosen')];
    return NO_LAYERS;
  }, [shown, projector, scale, chosenE, chosenN]);
  useMapOverlay('threat-zones', zones, 'under-markers', 10);
  return null;
}
