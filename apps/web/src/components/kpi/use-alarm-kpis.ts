'use client';

import { useEffect, useState } from 'react';
import { parseAlarmKpis, type AlarmKpis } from '../../live/alarm-kpis.ts';

/** How often the hub's alarm KPIs are fetched, ms (they move over minutes; the live counts come from the socket). */
export const ALARM_KPI_POLL_MS = 30_000;
/** After the hub said it has no KPI route (404), ask again this much later, ms (a newer hub may come up). */
export const ALARM_KPI_ABSENT_RETRY_MS = 5 * 60_000;

/**
 * The hub's `GET /alarms/kpis?siteId=` figures, fetched from the browser with the user's token;
 * null while unknown, when the route is absent or the answer has another shape (the panel then
 * shows what the wall can work out itself). `hubUrl` null: not resolved yet.
 */
export function useHubAlarmKpis(hubUrl: string | null, token: string, siteId: string): AlarmKpis | null {
  const [kpis, setKpis] = useState<AlarmKpis | null>(null);
  useEffect(() => {
    if (!hubUrl) return;
    const url = `${hubUrl}/api/v1/alarms/kpis?siteId=${encodeURIComponent(siteId)}`;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let next = ALARM_KPI_POLL_MS;
      try {
        const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, cache: 'no-store', signal: abort.signal });
        if (response.status === 404) {
          setKpis(null);
          next = ALARM_KPI_ABSENT_RETRY_MS;
        } else if (response.ok) {
          setKpis(parseAlarmKpis(await response.json().catch(() => null)));
        }
      } catch {
        // Unreachable: keep the last figures; the link banner says the hub is gone.
      }
      if (!abort.signal.aborted) timer = setTimeout(poll, next);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [hubUrl, token, siteId]);
  return kpis;
}
