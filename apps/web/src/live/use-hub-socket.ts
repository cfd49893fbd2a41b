'use client';

import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AlarmLoadView, ClientToServerEvents, ServerToClientEvents } from '@safetwin/protocol';
import type { AlarmStore } from './alarm-store.ts';
import type { AlarmLoadStore } from './alarm-load-store.ts';
import type { IncidentSync } from './incident-sync.ts';
import type { LiveStore } from './live-store.ts';
import { resolveHubUrl } from './resolve-hub-url.ts';
import { LinkWatchdog } from './link-watchdog.ts';
import type { SimRunFeed } from './sim-run-feed.ts';

/** How long the hub may take to answer `subscribe` before we retry, ms. */
const SUBSCRIBE_TIMEOUT_MS = 5_000;
/** How often the link's silence is checked, ms. */
const WATCHDOG_CHECK_MS = 200;

/**
 * The browser's link to the hub: `connecting` (first attempt), `live` (subscribed, readings flow),
 * `lost` (was or could not get connected; retrying), `refused` (the hub rejected us; no retry).
 */
export type ConnectionStatus = 'connecting' | 'live' | 'lost' | 'refused';

/** Connection status with the reason and when it began (local epoch ms). */
export interface HubConnection {
  status: ConnectionStatus;
  detail: string | null;
  sinceMs: number;
  /** The hub URL the browser uses; null until resolved in the browser. */
  hubUrl: string | null;
}

/** What the socket needs: where, who, which site, and the stores to fill. */
export interface HubSocketOptions {
  /** Configured public hub URL; null: this page's host on port 4000. */
  hubUrl: string | null;
  token: string;
  siteId: string;
  store: LiveStore;
  /** The site's standing alarms: replaced by each subscribe answer, then kept by `alarm` events. */
  alarms: AlarmStore;
  /** Where the site's `sim-run` events go (the release panel follows its run there); none: ignored. */
  simRuns?: SimRunFeed;
  /** Where the site's `alarm-load` events go (flood banner, alarm KPIs); none: ignored. */
  alarmLoad?: AlarmLoadStore;
  /** Where the site's `incident` and `incident-handed-over` events go; refetches the list after every (re)subscribe. None: ignored. */
  incidents?: IncidentSync;
}

/** Connects to the hub with the user's token, subscribes to a site, re-subscribes after every reconnect. */
export function useHubSocket({ hubUrl, token, siteId, store, alarms, simRuns, alarmLoad, incidents }: HubSocketOptions): HubConnection {
  const [connection, setConnection] = useState<HubConnection>({ status: 'connecting', detail: null, sinceMs: 0, hubUrl: null });

  useEffect(() => {
    const url = resolveHubUrl(hubUrl, window.location);
    // `sinceMs` marks the change of status; a new detail (e.g. each failed reconnect) keeps it.
    const set = (status: ConnectionStatus, detail: string | null = null) =>
      setConnection((prev) => {
        if (prev.status === status && prev.detail === detail && prev.hubUrl === url) return prev;
        const sinceMs = prev.status === status && prev.hubUrl === url ? prev.sinceMs : Date.now();
        return { status, detail, sinceMs, hubUrl: url };
      });
    set('connecting');

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      auth: { token },
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 4_000,
      timeout: 5_000,
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Live means subscribed AND hearing from the hub (heartbeats, readings, alarms).
    let subscribed = false;
    const watchdog = new LinkWatchdog();
    socket.onAny(() => {
      if (watchdog.heard(Date.now()) && subscribed) set('live');
    });
    const watch = setInterval(() => {
      if (subscribed && watchdog.check(Date.now())) set('lost', 'nothing heard from the hub for over 1.2 s');
    }, WATCHDOG_CHECK_MS);

    const subscribe = () => {
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', { siteId }, (err, answer) => {
        if (!socket.connected) return;
        if (err) {
          set('lost', 'the hub did not answer the subscription; retrying');
          retry = setTimeout(subscribe, 1_000);
        } else if (!answer.ok) {
          set('refused', `${answer.error.message} (${answer.error.code})`);
        } else {
          store.apply(answer.latest, Date.now());
          store.markPrimed();
          // The answer holds every alarm standing now: what changed while we were away is in it.
          alarms.replace(answer.alarms ?? []);
          const load = (answer as { alarmLoad?: AlarmLoadView }).alarmLoad;
          if (load) alarmLoad?.apply(load);
          // Incidents are not in the answer: fetch the list again, whatever changed while we were away.
          incidents?.resync();
          subscribed = true;
          watchdog.heard(Date.now());
          set('live');
        }
      });
    };

    socket.on('connect', subscribe);
    socket.on('readings', (batch) => {
      if (batch.siteId === siteId) store.apply(batch.readings, Date.now());
    });
    socket.on('alarm', (alarm) => {
      if (alarm.siteId === siteId) alarms.apply(alarm);
    });
    socket.on('alarm-load', (load) => {
      if (load.siteId === siteId) alarmLoad?.apply(load);
    });
    socket.on('incident', (incident) => {
      if (incident.siteId === siteId) incidents?.apply(incident);
    });
    socket.on('incident-handed-over', (handover) => {
      if (handover.siteId === siteId) incidents?.handOver(handover);
    });
    socket.on('sim-run', (run) => {
      if (run.siteId === siteId) simRuns?.publish(run);
    });
    socket.on('disconnect', (reason) => {
      clearTimeout(retry);
      subscribed = false;
      watchdog.reset();
      set('lost', reason);
      // The hub closed the socket on purpose (restart, token check): dial again; a refusal then shows up as connect_error.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      // Not `active`: the hub's auth middleware refused the handshake and socket.io will not retry.
      if (socket.active) set('lost', err.message);
      else set('refused', err.message);
    });

    return () => {
      clearTimeout(retry);
      clearInterval(watch);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [hubUrl, token, siteId, store, alarms, simRuns, alarmLoad, incidents]);

  return connection;
}
