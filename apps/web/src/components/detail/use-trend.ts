'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { STALE_AFTER_INTERVALS } from '../../live/device-state.ts';
import type { ConnectionStatus } from '../../live/use-hub-socket.ts';
import type { WallState } from '../../wall/WallContext.tsx';
import { fetchHistory, HISTORY_WINDOW_MS } from './history.ts';
import { TrendSeries } from './trend-series.ts';

/** How often the chart is redrawn with new live readings, ms. */
export const TREND_REDRAW_MS = 1_000;

/** Where the trend's data stands. */
export type TrendStatus =
  | { kind: 'waiting' }
  | { kind: 'loading' }
  | { kind: 'ready'; refilledAtMs: number | null }
  | { kind: 'error'; message: string };

/** The trend of one device: its series, a version bumped when it changed (at most once a second), the fetch status, and a retry. */
export interface Trend {
  series: TrendSeries;
  version: number;
  status: TrendStatus;
  retry: () => void;
}

/**
 * Loads a device's last hour from the hub's history API, extends it with the device's live
 * readings, and after the hub link comes back (status `live` again) fetches what was missed, so
 * the gap fills. A silence longer than 3× the interval stays a gap in the chart.
 */
export function useTrend(wall: Pick<WallState, 'hubUrl' | 'token' | 'live' | 'connection'>, deviceId: string): Trend {
  const { hubUrl, token, live } = wall;
  const [series] = useState(() => new TrendSeries());
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<TrendStatus>({ kind: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  const dirty = useRef(false);
  const loaded = useRef(false);

  const load = useCallback(
    async (fromMs: number, signal: AbortSignal, refill: boolean) => {
      if (!hubUrl) return;
      if (!refill) setStatus({ kind: 'loading' });
      try {
        const readings = await fetchHistory({ hubUrl, token, deviceId, fromMs, toMs: Date.now() + 1, signal });
        if (signal.aborted) return;
        series.merge(readings);
        loaded.current = true;
        dirty.current = true;
        setStatus({ kind: 'ready', refilledAtMs: refill ? Date.now() : null });
      } catch (err) {
        if (signal.aborted) return;
        setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    },
    [hubUrl, token, deviceId, series],
  );

  // The hour, on selection (and on retry).
  useEffect(() => {
    series.clear();
    loaded.current = false;
    dirty.current = true;
    const controller = new AbortController();
    void load(Date.now() - HISTORY_WINDOW_MS, controller.signal, false);
    return () => controller.abort();
  }, [load, series, attempt]);

  // After a reconnect (the link lost, then live again), what was missed: from the newest reading held (or the hour) to now.
  const linkStatus = wall.connection.status;
  const previousStatus = useRef(linkStatus);
  useEffect(() => {
    const action = reconnectAction(previousStatus.current, linkStatus, loaded.current);
    previousStatus.current = linkStatus;
    if (action === 'reload') setAttempt((a) => a + 1);
    if (action !== 'refill') return;
    const controller = new AbortController();
    const from = Math.max(Date.now() - HISTORY_WINDOW_MS, series.lastTs ?? 0);
    void load(from, controller.signal, true);
    return () => controller.abort();
  }, [linkStatus, load, series]);

  // Live readings go into the series as they arrive; the chart is redrawn on a timer, not per reading.
  useEffect(() => {
    const take = () => {
      const sample = live.get(deviceId);
      if (sample && series.add(sample.reading)) dirty.current = true;
    };
    take();
    const off = live.subscribeDevice(deviceId, take);
    const timer = setInterval(() => {
      series.trimBefore(Date.now() - HISTORY_WINDOW_MS);
      if (!dirty.current) return;
      dirty.current = false;
      setVersion((v) => v + 1);
    }, TREND_REDRAW_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [live, deviceId, series]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { series, version, status, retry };
}

/** The silence after which the trend's line breaks, ms: the staleness rule (3× the interval). */
export function trendGapMs(intervalMs: number | null): number {
  return STALE_AFTER_INTERVALS * (intervalMs ?? 1_000);
}

/**
 * What the trend does when the hub link changes: after a loss (`lost` → `live`) it fetches what it
 * missed (`refill`), or the whole hour if it never had it (`reload`, e.g. the hub was down when the
 * sensor was selected); the first connection and other changes need nothing.
 */
export function reconnectAction(previous: ConnectionStatus, next: ConnectionStatus, loaded: boolean): 'none' | 'refill' | 'reload' {
  if (next !== 'live' || previous !== 'lost') return 'none';
  return loaded ? 'refill' : 'reload';
}
