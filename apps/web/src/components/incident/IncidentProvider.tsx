'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { IncidentView } from '@safetwin/protocol';
import { HubError } from '../../lib/hub-error.ts';
import { fetchIncidents, fetchVisibleIncident, runIncidentAction, type IncidentAction } from '../../live/incident-client.ts';
import { incidentPermissions, type IncidentPermissions } from '../../live/incident-format.ts';
import type { HandedOverIncident } from '../../live/incident-store.ts';
import type { IncidentSync } from '../../live/incident-sync.ts';
import type { HubCaller } from '../../live/hub-call.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { useWall } from '../../wall/WallContext.tsx';
import { IncidentMapOverlay } from './IncidentMapOverlay.tsx';
import { useAccessRoute } from './use-access-route.ts';

/** An action in flight or refused, keyed so the card can show it next to its button. */
export interface ActionState {
  key: string;
  phase: 'running' | 'refused';
  /** The hub's message, verbatim (refused). */
  message: string | null;
}

/** The incident feature of one wall: the list, the incident on show, and the actions. */
export interface IncidentWallState {
  /** Open incidents newest first, then recently closed ones. */
  incidents: readonly IncidentView[];
  /** The incident the card, the plan and the twin show (the chosen one, else the newest open). */
  shown: IncidentView | null;
  select(id: string): void;
  /** Why the list could not be fetched (null when fine). */
  syncError: string | null;
  /** Incidents that lately left this wall because they no longer concern this user's plant, newest first (kept for the linger time). */
  handedOver: readonly HandedOverIncident[];
  permissions: IncidentPermissions | null;
  caller: HubCaller | null;
  act(key: string, action: IncidentAction): void;
  action: ActionState | null;
}

const IncidentContext = createContext<IncidentWallState | null>(null);

/** The wall's incident state; null on a wall without incidents (a mine, the benchmark). */
export function useIncidents(): IncidentWallState | null {
  return useContext(IncidentContext);
}

const NONE: readonly IncidentView[] = [];
const NO_HANDOVERS: readonly HandedOverIncident[] = [];

/** Holds the incident feature for one wall (none when `sync` is null: a mine, the benchmark). */
export function IncidentProvider({ sync, children }: { sync: IncidentSync | null; children: ReactNode }) {
  return sync ? <IncidentFeature sync={sync}>{children}</IncidentFeature> : children;
}

/** Fetches through `sync`, reads its store, and draws the shown incident on the plan. */
function IncidentFeature({ sync, children }: { sync: IncidentSync; children: ReactNode }) {
  const store = sync.store;
  const { site, role, token, hubUrl } = useWall();
  const caller = useMemo<HubCaller | null>(() => (hubUrl ? { hubUrl, token } : null), [hubUrl, token]);
  useEffect(() => {
    // The lookup checks, after a refetch, an incident held that the list lacks (a 404 drops it: handed over while offline).
    sync.setLoader(caller ? () => fetchIncidents(caller, site.id) : null, caller ? (id) => fetchVisibleIncident(caller, id) : null);
  }, [sync, caller, site.id]);
  useEffect(() => () => sync.close(), [sync]);

  const incidents = useSyncExternalStore(
    useCallback((l: () => void) => store.subscribe(l), [store]),
    () => store.incidents,
    () => NONE,
  );
  const handedOver = useSyncExternalStore(
    useCallback((l: () => void) => store.subscribe(l), [store]),
    () => store.handedOver,
    () => NO_HANDOVERS,
  );
  const syncError = useSyncExternalStore(
    useCallback((l: () => void) => sync.subscribe(l), [sync]),
    () => sync.error,
    () => null,
  );
  // Closed incidents leave the wall on the shared clock.
  const now = useNow();
  useEffect(() => {
    if (now > 0) store.prune(now);
  }, [store, now]);

  const [chosenId, select] = useState<string | null>(null);
  const shown = useMemo(() => incidents.find((i) => i.id === chosenId) ?? incidents[0] ?? null, [incidents, chosenId]);
  const permissions = useMemo(() => (shown ? incidentPermissions(role, shown) : null), [role, shown]);

  const [action, setAction] = useState<ActionState | null>(null);
  const shownId = shown?.id ?? null;
  const act = useCallback(
    (key: string, request: IncidentAction) => {
      if (!caller || !shownId) return;
      setAction({ key, phase: 'running', message: null });
      runIncidentAction(caller, shownId, request).then(
        (incident) => {
          if (incident) store.apply(incident);
          setAction((a) => (a?.key === key ? null : a));
        },
        (err: unknown) => {
          const message = err instanceof HubError ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
          setAction({ key, phase: 'refused', message });
        },
      );
    },
    [caller, shownId, store],
  );

  const accessRoute = useAccessRoute(caller, shown);

  const value = useMemo<IncidentWallState>(
    () => ({ incidents, shown, select, syncError, handedOver, permissions, caller, act, action }),
    [incidents, shown, syncError, handedOver, permissions, caller, act, action],
  );
  return (
    <IncidentContext value={value}>
      {children}
      {shown ? <IncidentMapOverlay incident={shown} accessRoute={accessRoute} /> : null}
    </IncidentContext>
  );
}
