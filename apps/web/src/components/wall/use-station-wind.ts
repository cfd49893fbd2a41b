'use client';

import { useEffect, useState } from 'react';
import { fetchHistory } from '../detail/history.ts';
import type { LiveStore } from '../../live/live-store.ts';
import { StationWind } from '../../kpi/station-wind.ts';

/**
 * The wall's weather stations' recent wind (kpi/station-wind.ts): every reading the wall receives, and the hub's stored
 * readings of the averaging window once the hub's URL is known and again whenever the link comes back up (the live store
 * keeps only a device's newest reading per frame, so a reconnect's replay or a hidden tab would leave gaps; without the
 * history the mean builds up from the live readings).
 */
export function useStationWind(live: LiveStore, stationIds: readonly string[], hubUrl: string | null, token: string, linkUp: boolean): StationWind {
  const [wind] = useState(() => new StationWind());
  useEffect(() => {
    const take = (id: string) => {
      const sample = live.get(id);
      if (sample) wind.add(id, sample.reading.ts, sample.reading.values);
    };
    stationIds.forEach(take);
    const offs = stationIds.map((id) => live.subscribeDevice(id, () => take(id)));
    return () => offs.forEach((off) => off());
  }, [live, wind, stationIds]);
  useEffect(() => {
    if (!hubUrl || !linkUp || stationIds.length === 0) return;
    const abort = new AbortController();
    const toMs = Date.now();
    for (const deviceId of stationIds) {
      fetchHistory({ hubUrl, token, deviceId, fromMs: toMs - wind.windowMs, toMs, signal: abort.signal }).then(
        (readings) => readings.forEach((r) => wind.add(deviceId, r.ts, r.values)),
        () => undefined,
      );
    }
    return () => abort.abort();
  }, [hubUrl, token, wind, stationIds, linkUp]);
  return wind;
}
