'use client';

import { useEffect, useState } from 'react';
import { parseAlarmKpis, type AlarmKpis } from '../../live/alarm-kpis.ts';
import { pollHub } from '../../live/poll-hub.ts';

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
    return pollHub(`${hubUrl}/api/v1/alarms/kpis?siteId=${encodeURIComponent(siteId)}`, token, ALARM_KPI_POLL_MS, (status, body) => {
      if (status === 404) {
        setKpis(null);
        return ALARM_KPI_ABSENT_RETRY_MS;
      }
      if (status === 200) setKpis(parseAlarmKpis(body));
    });
  }, [hubUrl, token, siteId]);
  return kpis;
}
