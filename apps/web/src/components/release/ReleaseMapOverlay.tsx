'use client';

import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useWall } from '../../wall/WallContext.tsx';
import { SiteProjector, type LonLat } from '../map/site-projector.ts';
import { pickCoverLayer, threatZoneLayers } from '../map/threat-zone-layers.ts';
import { useRootFontPx } from '../map/use-element-size.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import type { ShownRelease } from './ReleaseProvider.tsx';

const NO_LAYERS: Layer[] = [];
/** How far round the site origin a click can place a release, m (well beyond any park's fence). */
const PICK_REACH_M = 8_000;

/** The modelled release on the site plan (under the live markers), and a click cover while the user picks a source. */
export function ReleaseMapOverlay({ shown, picking, onPick }: { shown: ShownRelease | null; picking: string | null; onPick(lonLat: LonLat): void }) {
  const { site } = useWall();
  const projector = useMemo(() => new SiteProjector(site.origin), [site.origin]);
  const scale = useRootFontPx() / 18;
  const zones = useMemo(
    () => (shown ? threatZoneLayers({ zones: shown.result.zones, source: shown.source, projector, scale }) : NO_LAYERS),
    [shown, projector, scale],
  );
  useMapOverlay('threat-zones', zones, 'under-markers', 10);
  const cover = useMemo(() => {
    if (!picking) return NO_LAYERS;
    const [west, south] = projector.lonLat(-PICK_REACH_M, -PICK_REACH_M);
    const [east, north] = projector.lonLat(PICK_REACH_M, PICK_REACH_M);
    return [pickCoverLayer({ west, south, east, north }, onPick)];
  }, [picking, projector, onPick]);
  useMapOverlay('threat-pick', cover, 'top', 100);
  return null;
}
