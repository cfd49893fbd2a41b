'use client';

import { useEffect, useState } from 'react';
import type { IncidentView } from '@safetwin/protocol';
import { fetchIncidentBrief } from '../../live/incident-client.ts';
import type { HubCaller } from '../../live/hub-call.ts';
import type { LonLat } from '../map/site-projector.ts';

/**
 * The fire brigade's access route of an incident (from its brief), fetched again with each new
 * assessment (the zones it must avoid move); null until known or when no road leads out of the zones.
 */
export function useAccessRoute(caller: HubCaller | null, incident: IncidentView | null): readonly LonLat[] | null {
  const [route, setRoute] = useState<{ id: string; path: readonly LonLat[] | null } | null>(null);
  const id = incident?.id ?? null;
  const seq = incident?.assessment?.seq ?? null;
  useEffect(() => {
    if (!caller || !id || seq === null) return;
    let live = true;
    fetchIncidentBrief(caller, id).then(
      (brief) => {
        if (live) setRoute({ id, path: brief.accessRoute?.pathLonLat ?? null });
      },
      // Without a brief the plan shows the rest; the next assessment asks again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caller, id, seq]);
  return route && route.id === id ? route.path : null;
}
