'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { interlockTable, type CoalMine, type InterlockTable } from '@safetwin/twin-models';
import type { HubCaller } from '../../live/hub-call.ts';
import { roadwayGas, type RoadwayGas } from '../../live/mine-gas.ts';
import { roadwayLines, roofSegments, type RoadwayLine, type RoofSegment } from '../../live/mine-roof.ts';
import type { AttendanceView, SitePeopleView, SitePowerView, SiteZonesView } from '../../live/mine-types.ts';
import type { TrajectoryView } from '../../live/mine-trajectory.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { pollHub } from '../../live/poll-hub.ts';
import { useLocale } from '../../i18n/I18nProvider.tsx';
import { useWall } from '../../wall/WallContext.tsx';
import { MineMapOverlay } from './MineMapOverlay.tsx';

/** How often the wall reads the people, the power and the zones from the hub, ms (positions move live over the socket in between). */
export const MINE_POLL_MS = 2_000;
/** How often it reads who is underground (a database query on the hub), ms. */
export const ATTENDANCE_POLL_MS = 10_000;

/** A trajectory on show, and the instant the slider stands at. */
export interface ShownTrajectory {
  trajectory: TrajectoryView;
  atMs: number;
}

/** The mine feature of one wall. */
export interface MineWallState {
  mine: CoalMine;
  people: SitePeopleView | null;
  power: SitePowerView | null;
  /** The personnel zones with headcounts (the hub's, with limits changed through the API). */
  zones: SiteZonesView | null;
  attendance: AttendanceView | null;
  /** Why the last read failed (the hub's message), null when fine. */
  error: string | null;
  table: InterlockTable;
  roof: readonly RoofSegment[];
  lines: ReadonlyMap<string, RoadwayLine>;
  /** A roadway's name in the wall's language (its id when unknown). */
  roadwayName(id: string | null): string;
  caller: HubCaller | null;
  /** The commander and the mine's manager may order a withdrawal (the hub's rule, mine-routes.ts). */
  canOrder: boolean;
  /** Reads people and power again now (after an order). */
  refresh(): void;
  trajectory: ShownTrajectory | null;
  showTrajectory(t: ShownTrajectory | null): void;
  trajectoryOpen: boolean;
  setTrajectoryOpen(open: boolean): void;
}

const MineContext = createContext<MineWallState | null>(null);

/** The wall's mine state; null on a wall that is not a mine's. */
export function useMine(): MineWallState | null {
  return useContext(MineContext);
}

/** Holds the mine feature of a mine's wall (nothing for a chemical park). */
export function MineProvider({ children }: { children: ReactNode }) {
  const { site } = useWall();
  return site.kind === 'coal-mine' ? <MineFeature mine={site}>{children}</MineFeature> : children;
}

function MineFeature({ mine, children }: { mine: CoalMine; children: ReactNode }) {
  const { role, token, hubUrl } = useWall();
  const locale = useLocale();
  const caller = useMemo<HubCaller | null>(() => (hubUrl ? { hubUrl, token } : null), [hubUrl, token]);
  const [people, setPeople] = useState<SitePeopleView | null>(null);
  const [power, setPower] = useState<SitePowerView | null>(null);
  const [zones, setZones] = useState<SiteZonesView | null>(null);
  const [attendance, setAttendance] = useState<AttendanceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kick, setKick] = useState(0);
  const [trajectory, showTrajectory] = useState<ShownTrajectory | null>(null);
  const [trajectoryOpen, setTrajectoryOpen] = useState(false);

  useEffect(() => {
    if (!hubUrl) return;
    const base = `${hubUrl.replace(/\/+$/, '')}/api/v1/sites/${encodeURIComponent(mine.id)}`;
    // People and power failures are shown (the hub's message, per endpoint); the zone and
    // attendance cards simply stay away until the hub answers them.
    const failed = new Map<string, string>();
    const answer = (set: (body: never) => void, key: string, endpoint: 'people' | 'power' | null) => (status: number, body: unknown) => {
      const list = (body as Record<string, unknown> | null)?.[key];
      if (status === 200 && Array.isArray(list)) {
        set(body as never);
        if (endpoint) failed.delete(endpoint);
      } else if (endpoint) {
        const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
        failed.set(endpoint, `${endpoint}: ${typeof message === 'string' ? message : `HTTP ${status}`}`);
      }
      if (endpoint) setError(failed.size > 0 ? [...failed.values()].join(' · ') : null);
    };
    const stops = [
      pollHub(`${base}/people`, token, MINE_POLL_MS, answer(setPeople, 'people', 'people')),
      pollHub(`${base}/power`, token, MINE_POLL_MS, answer(setPower, 'machines', 'power')),
      pollHub(`${base}/zones`, token, MINE_POLL_MS, answer(setZones, 'zones', null)),
      pollHub(`${base}/attendance`, token, ATTENDANCE_POLL_MS, answer(setAttendance, 'underground', null)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [hubUrl, token, mine.id, kick]);

  const table = useMemo(() => interlockTable(mine), [mine]);
  const roof = useMemo(() => roofSegments(mine), [mine]);
  const lines = useMemo(() => roadwayLines(mine), [mine]);
  const names = useMemo(() => new Map(mine.roadways.edges.map((r) => [r.id, r.name])), [mine]);
  const roadwayName = useCallback((id: string | null) => {
    const name = id ? names.get(id) : undefined;
    return name ? (locale === 'zh-CN' ? name.zh : name.en) : (id ?? '—');
  }, [names, locale]);
  const refresh = useCallback(() => setKick((k) => k + 1), []);

  const state = useMemo<MineWallState>(
    () => ({
      mine, people, power, zones, attendance, error, table, roof, lines, roadwayName, caller, canOrder: role === 'commander' || role === 'park-manager', refresh,
      trajectory, showTrajectory, trajectoryOpen, setTrajectoryOpen,
    }),
    [mine, people, power, zones, attendance, error, table, roof, lines, roadwayName, caller, role, refresh, trajectory, trajectoryOpen],
  );
  return (
    <MineContext value={state}>
      {children}
      <MineMapOverlay />
    </MineContext>
  );
}

/**
 * The gas state of every monitored roadway now: live CH4 readings against each sensor's levels,
 * the interlock's cuts first; recomputed on the wall's one-second clock.
 */
export function useRoadwayGas(): ReadonlyMap<string, RoadwayGas> {
  const mine = useMine();
  const { live, link } = useWall();
  const now = useNow();
  const power = mine?.power ?? null;
  const table = mine?.table ?? null;
  return useMemo(() => {
    if (!table) return new Map();
    const cutting = new Set((power?.sensors ?? []).filter((s) => s.cutting).map((s) => s.sensorId));
    return roadwayGas(table.sensors, { sample: (id) => live.get(id), link, nowMs: now || Date.now(), cutting });
    // `now` ticks once a second: the readings are read afresh each tick.
  }, [table, power, live, link, now]);
}
