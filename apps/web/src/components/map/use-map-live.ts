'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Site } from '@safetwin/twin-models';
import { deviceVisual, type WallState } from '../../wall/WallContext.tsx';
import { MinerBuffers, refreshSensorStates, VISUAL_STATE_INDEX } from './marker-buffers.ts';
import { glyphSensors, sosMiners, type MapMiner } from './marker-layers.ts';
import type { MapSensor } from './site-map-data.ts';
import { SiteProjector } from './site-projector.ts';

/** How often the map re-reads the live stores, ms: staleness is judged in seconds, tags report at 1 Hz. */
export const MAP_REFRESH_MS = 500;

/** The map's live state: typed buffers the layers read, and a version bumped when they change. */
export interface MapLive {
  sensorStates: Uint8Array;
  glyphs: MapSensor[];
  miners: MapMiner[];
  minerBuffers: MinerBuffers | null;
  sos: MapMiner[];
  version: number;
}

/**
 * Reads the wall's live and alarm stores on a fixed tick (not per reading), writes the sensors'
 * visual states and the miners' positions into typed buffers, and re-renders the map only when
 * something it draws changed.
 */
export function useMapLive(site: Site, sensors: readonly MapSensor[], wall: Pick<WallState, 'live' | 'alarms' | 'devices' | 'link'>): MapLive {
  const wallRef = useRef(wall);
  // Declared first, so it runs before the refreshes below read it.
  useEffect(() => {
    wallRef.current = wall;
  });
  const sensorStates = useMemo(() => new Uint8Array(sensors.length).fill(VISUAL_STATE_INDEX['no-data']), [sensors]);
  const miners = useMemo<MapMiner[]>(
    () => (site.kind === 'coal-mine' ? site.miners.map((m, index) => ({ tagDeviceId: m.tagDeviceId, name: m.name, team: m.team, index })) : []),
    [site],
  );
  const minerBuffers = useMemo(
    () => (site.kind === 'coal-mine' ? new MinerBuffers(site.miners, new SiteProjector(site.origin)) : null),
    [site],
  );
  const [derived, setDerived] = useState<{ glyphs: MapSensor[]; sos: MapMiner[]; version: number }>({ glyphs: [], sos: [], version: 0 });

  const refresh = useCallback(() => {
    const w = wallRef.current;
    const now = Date.now();
    const sensorChanges = refreshSensorStates(sensorStates, sensors, (id) => deviceVisual(w, id, now));
    const minersChanged = minerBuffers ? minerBuffers.refresh((id) => w.live.get(id), now, w.link) : false;
    if (sensorChanges === 0 && !minersChanged) return;
    setDerived((prev) => ({
      glyphs: sensorChanges > 0 ? glyphSensors(sensors, sensorStates) : prev.glyphs,
      sos: minerBuffers ? sosMiners(miners, minerBuffers) : prev.sos,
      version: prev.version + 1,
    }));
  }, [sensors, sensorStates, miners, minerBuffers]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, MAP_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // A change of the hub link changes every marker at once: show it now, not at the next tick.
  useEffect(() => refresh(), [wall.link, refresh]);

  return { sensorStates, glyphs: derived.glyphs, miners, minerBuffers, sos: derived.sos, version: derived.version };
}
