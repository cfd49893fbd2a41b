'use client';

import { useCallback, useEffect, useMemo } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { mapOverlays } from '../map/map-overlays.ts';
import { SiteProjector } from '../map/site-projector.ts';
import { sourceMarkerLayer, threatZoneLayers, zoneFitRequest, zoneShapes, type ZoneShape } from '../map/threat-zone-layers.ts';
import { useRootFontPx } from '../map/use-element-size.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import { formatKm, formatPpm } from './release-format.ts';
import type { ShownRelease } from './ReleaseProvider.tsx';

const NO_LAYERS: Layer[] = [];
const OVERLAY_ID = 'threat-zones';

/**
 * The modelled release on the site plan, under the live markers (or the chosen source alone
 * before a run); a new result asks the plan to fit its zones, and hovering a zone names it.
 */
export function ReleaseMapOverlay({ shown, chosen }: { shown: ShownRelease | null; chosen: { eastM: number; northM: number } | null }) {
  const { site } = useWall();
  const t = useT(releaseMessages);
  const projector = useMemo(() => new SiteProjector(site.origin), [site.origin]);
  const scale = useRootFontPx() / 18;
  const chosenE = chosen?.eastM, chosenN = chosen?.northM;
  const zones = useMemo(() => {
    if (shown) return threatZoneLayers({ zones: shown.result.zones, source: shown.source, projector, scale });
    // A source chosen in the form, before it is run: its marker alone.
    if (chosenE !== undefined && chosenN !== undefined) return [sourceMarkerLayer(projector.lonLat(chosenE, chosenN), scale, 'threat-source-chosen')];
    return NO_LAYERS;
  }, [shown, projector, scale, chosenE, chosenN]);
  const tooltip = useCallback(
    (info: PickingInfo) => {
      const s = info.object as ZoneShape | undefined;
      if (!s || typeof s.ppm !== 'number') return null;
      const values = { label: s.label, ppm: formatPpm(s.ppm), km: formatKm(s.distanceM) };
      return s.kind === 'uncertainty' ? t('tipUncertainty', values) : t('tipZone', values);
    },
    [t],
  );
  useMapOverlay(OVERLAY_ID, zones, 'under-markers', 10, { tooltip });

  // Each new result: fit the source and the zones (the plan's button goes back to the site).
  useEffect(() => {
    if (!shown) return;
    const shapes = zoneShapes(shown.result.zones, shown.source, projector);
    mapOverlays.requestFit(OVERLAY_ID, zoneFitRequest(shapes, projector.lonLat(shown.source.eastM, shown.source.northM)));
    return () => mapOverlays.requestFit(OVERLAY_ID, null);
  }, [shown, projector]);
  return null;
}
