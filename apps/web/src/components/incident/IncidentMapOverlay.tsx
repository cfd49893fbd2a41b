'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { AssemblyPointView, EvacuationGroupView, IncidentValveView, IncidentView, SourceCandidateView, ThreatZoneView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { labelIn, reasonIn } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { alongMessage, drawnVersion, formatDurationS, formatPercent, formatRateRange, valveLook } from '../../live/incident-format.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { incidentFitRequest, incidentLayers } from '../map/incident-layers.ts';
import { mapOverlays } from '../map/map-overlays.ts';
import { SiteProjector, type LonLat } from '../map/site-projector.ts';
import { useRootFontPx } from '../map/use-element-size.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import { formatKm, formatPpm } from '../release/release-format.ts';

const OVERLAY_ID = 'incident';
/** The routes and assembly points, drawn over the live markers (incident-layers.ts). */
const OVER_MARKERS_ID = 'incident-routes';

/**
 * The shown incident on the site plan: the zones, candidates and valves under the live markers (a
 * sensor in alarm stays readable in the zone), the routes and assembly points over them; the first
 * forecast of an incident asks the plan to fit its zones, and hovering a zone, route, candidate,
 * assembly point or valve names it.
 */
export function IncidentMapOverlay({ incident, accessRoute = null }: { incident: IncidentView; accessRoute?: readonly LonLat[] | null }) {
  const { site } = useWall();
  const t = useT(incidentMessages);
  const locale = useLocale();
  const projector = useMemo(() => new SiteProjector(site.origin), [site.origin]);
  const scale = useRootFontPx() / 18;
  // Rebuilt only when what is drawn changed (a new assessment, a valve's state), not on every event.
  const incidentRef = useRef(incident);
  incidentRef.current = incident;
  const version = drawnVersion(incident);
  const layers = useMemo(
    () =>
      incidentLayers(incidentRef.current, {
        projector,
        scale,
        accessRoute,
        candidateLabel: (c, rank) => t('mapCandidate', { rank, p: formatPercent(c.probability) }),
      }),
    [version, projector, scale, accessRoute, t],
  );
  const tooltip = useCallback(
    (info: PickingInfo) => {
      const id = info.layer?.id ?? '';
      const o = info.object as Record<string, unknown> | undefined;
      if (!o) return null;
      if (id === 'incident-zone-fills') {
        const z = (o as { zone: ThreatZoneView }).zone;
        const values = { level: z.level.toUpperCase(), ppm: formatPpm(z.thresholdPpm), km: formatKm(z.distanceM) };
        // Another source's zone, or the envelope of several: say whose.
        const chosenOnly = z.sourceIds.length <= 1 && z.sourceIds.every((sourceId) => sourceId === incidentRef.current.assessment?.source.chosen.id);
        return chosenOnly ? t('tipZone', values) : t('tipZoneEnvelope', { ...values, items: z.sourceIds.join(', ') });
      }
      if (id === 'incident-routes') {
        const g = o as unknown as EvacuationGroupView;
        const ap = incidentRef.current.assessment?.evacuation?.assemblyPoints.find((p) => p.id === g.route!.assemblyPointId);
        return t('tipRoute', { group: labelIn(g, locale), persons: g.persons, ap: ap ? labelIn(ap, locale) : g.route!.assemblyPointId, eta: formatDurationS(g.route!.etaS) });
      }
      if (id === 'incident-candidates') {
        const c = o as unknown as SourceCandidateView;
        const tip = t('tipCandidate', { label: labelIn(c, locale), p: formatPercent(c.probability), rate: formatRateRange(c.rateKgS, c.rateFactor) });
        // A pipe run: where along it this mark stands.
        return c.along ? `${tip} · ${t(...alongMessage(c.along, c.releaseHeightM, locale))}` : tip;
      }
      if (id === 'incident-assembly-points') {
        const ap = o as unknown as AssemblyPointView;
        return t('tipAssembly', { ap: labelIn(ap, locale), state: ap.usable ? t('usable') : `✕ ${reasonIn(ap.reasonText, ap.reason, locale)}` });
      }
      if (id === 'incident-valves') {
        const v = o as unknown as IncidentValveView;
        return t('tipValve', { valve: v.valveId, state: t(valveLook(v.state).key) });
      }
      return null;
    },
    [t, locale],
  );
  useMapOverlay(OVERLAY_ID, layers.underMarkers, 'under-markers', 20, { tooltip, labelObstacles: layers.labelObstacles });
  useMapOverlay(OVER_MARKERS_ID, layers.overMarkers, 'top', 20, { tooltip });

  // Fit the zones once per incident, when its first forecast arrives (re-assessments every few seconds must not move the view).
  const hasZones = (incident.assessment?.zones.length ?? 0) > 0;
  const fitKey = hasZones ? incident.id : null;
  useEffect(() => {
    if (!fitKey) return;
    const request = incidentFitRequest(incidentRef.current);
    if (request) mapOverlays.requestFit(OVERLAY_ID, request);
    return () => mapOverlays.requestFit(OVERLAY_ID, null);
  }, [fitKey, incidentRef]);
  return null;
}
