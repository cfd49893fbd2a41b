'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { Material, Mesh } from 'three';
import type { IncidentView } from '@safetwin/protocol';
import { drawnVersion } from '../../live/incident-format.ts';
import { buildIncidentGroup } from './incident-twin-group.ts';

/**
 * An incident in the 3D twin: the forecast's zones as translucent coloured ground polygons (red
 * over orange over yellow), the evacuation routes as cyan ribbons at grade with chevrons, the
 * assembly points as green (usable) or red (unusable) columns, the source candidates as white
 * rings sized by probability (a beacon on the first), and the isolation's valves as balls in
 * their state's colour. Built once per change of the incident; nothing runs per frame.
 */
export function IncidentTwin({ incident }: { incident: IncidentView }) {
  // Rebuilt only when what is drawn changed (a new assessment, a valve's state), not on every event.
  const incidentRef = useRef(incident);
  incidentRef.current = incident;
  const version = drawnVersion(incident);
  const group = useMemo(() => buildIncidentGroup(incidentRef.current), [version]);
  useEffect(
    () => () => {
      group.traverse((o) => {
        const mesh = o as Mesh;
        if (!mesh.isMesh) return;
        mesh.geometry.dispose();
        (mesh.material as Material).dispose();
      });
    },
    [group],
  );
  return <primitive object={group} />;
}

