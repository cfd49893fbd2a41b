'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { deviceState } from '../../live/device-state.ts';
import { countByZone, emptyZoneCounts, RoadwayLocator, type TagPosition, type ZoneCounts } from '../../kpi/mine-zones.ts';
import { shiftAt, type Shift, type Site } from '@safetwin/twin-models';
import { plannedOccupancy, type PlannedOccupancy } from '../../kpi/park-occupancy.ts';
import { RollingRate } from '../../kpi/reading-rate.ts';
import { countSensorStates, type SensorCounts } from '../../kpi/sensor-counts.ts';
import { weatherNow, type WeatherNow } from '../../kpi/weather-now.ts';
import { deviceVisual, useWall, type WallState } from '../../wall/WallContext.tsx';

/** How often the KPIs are recomputed, ms (the panel renders at most this often, never per reading). */
export const KPI_REFRESH_MS = 1_000;

/** People on site: miners by zone from their tags, or a park's planned occupancy. */
export type PeopleNow =
  | { kind: 'mine'; zones: ZoneCounts; located: number; silent: number; neverHeard: number }
  | { kind: 'park'; shift: Shift; rows: PlannedOccupancy[]; total: number };

/** Everything the KPI panel shows, computed once per refresh. */
export interface KpiSnapshot {
  sensors: SensorCounts;
  /** Readings per second over the last 10 s; null until measured. */
  readingsPerS: number | null;
  people: PeopleNow;
  weather: WeatherNow;
}

/** Computes the KPIs from the wall's stores once a second. */
export function useKpiSnapshot(): KpiSnapshot | null {
  const wall = useWall();
  const wallRef = useRef<WallState>(wall);
  useEffect(() => {
    wallRef.current = wall;
  });
  const { site, devices, link } = wall;
  const compute = useMemo(() => kpiComputer(site, devices), [site, devices]);
  const [snapshot, setSnapshot] = useState<KpiSnapshot | null>(null);
  useEffect(() => {
    const tick = () => setSnapshot(compute(wallRef.current, Date.now()));
    tick();
    const timer = setInterval(tick, KPI_REFRESH_MS);
    return () => clearInterval(timer);
    // A change of the hub link recomputes at once: counts must not read "online" for a second after the link is lost.
  }, [compute, link]);
  return snapshot;
}

/**
 * What is fixed per site (ids, the roadway locator, the rate window), closed over by the per-second
 * computation. Only devices the user may see count: a role-scoped description can still list
 * park-operated sensors whose readings this user does not get.
 */
function kpiComputer(site: Site, devices: ReadonlyMap<string, unknown>): (wall: WallState, nowMs: number) => KpiSnapshot {
  const visible = site.sensors.filter((s) => devices.has(s.id));
  const sensorIds = visible.map((s) => s.id);
  const stations = visible.filter((s) => s.kind === 'weather');
  const rate = new RollingRate();
  const locator = site.kind === 'coal-mine' ? new RoadwayLocator(site) : null;
  const plans = new Map<Shift, PlannedOccupancy[]>();
  const positions: TagPosition[] = [];
  return (wall, nowMs) => {
    rate.sample(nowMs, wall.live.readingCount);
    let people: PeopleNow;
    if (site.kind === 'coal-mine' && locator) {
      positions.length = 0;
      let silent = 0, neverHeard = 0;
      for (const m of site.miners) {
        if (!devices.has(m.tagDeviceId)) continue;
        const sample = wall.live.get(m.tagDeviceId);
        const state = deviceState(sample, m.tagIntervalMs, nowMs, wall.link);
        if (state === 'live' && sample) positions.push(sample.reading.values);
        else if (state === 'stale' || state === 'offline') silent++;
        else neverHeard++;
      }
      const zones = positions.length > 0 ? countByZone(locator, positions) : emptyZoneCounts();
      people = { kind: 'mine', zones, located: positions.length, silent, neverHeard };
    } else {
      const shift = shiftAt(nowMs, site.origin.lonDeg);
      let rows = plans.get(shift);
      if (!rows) plans.set(shift, (rows = site.kind === 'chemical-park' ? plannedOccupancy(site, shift) : []));
      people = { kind: 'park', shift, rows, total: rows.reduce((a, r) => a + r.persons, 0) };
    }
    return {
      sensors: countSensorStates(sensorIds, (id) => deviceVisual(wall, id, nowMs)),
      readingsPerS: rate.perSecond(),
      people,
      weather: weatherNow({ stations, get: (id) => wall.live.get(id), origin: site.origin, nowMs, link: wall.link, means: wall.stationWind }),
    };
  };
}
