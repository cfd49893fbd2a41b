'use client';

import { useEffect, useState } from 'react';
import type { IncidentEventView, IncidentView } from '@safetwin/protocol';
import { useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import { fetchIncidentDetail } from '../../live/incident-client.ts';
import { useIncidents } from './IncidentProvider.tsx';
import styles from './Incident.module.css';

/** How long after a change the timeline is fetched, ms (changes come in bursts: one fetch per burst). */
const TIMELINE_SETTLE_MS = 400;

/**
 * The incident's timeline, latest first (who and when): fetched with `GET /incidents/:id` after
 * each change of the incident (the socket event leaves the timeline out).
 */
export function IncidentTimeline({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const caller = useIncidents()?.caller ?? null;
  const [events, setEvents] = useState<{ id: string; list: IncidentEventView[] } | null>(null);
  const { id, updatedAt } = incident;
  useEffect(() => {
    if (!caller) return;
    let live = true;
    const timer = setTimeout(() => {
      fetchIncidentDetail(caller, id).then(
        (detail) => {
          if (live) setEvents({ id, list: [...detail.timeline].sort((a, b) => b.seq - a.seq) });
        },
        // The last timeline stays; the next change fetches again.
        () => undefined,
      );
    }, TIMELINE_SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [caller, id, updatedAt]);
  const list = events?.id === id ? events.list : [];
  return (
    <section className={styles.section} data-testid="incident-timeline">
      <h3 className={styles.sectionTitle}>{t('timelineTitle')}</h3>
      <ol className={styles.timeline}>
        {list.map((e) => (
          <li key={e.seq} data-kind={e.kind}>
            <time className={styles.timelineAt}>{clockTime(e.at)}</time>
            <span className={styles.timelineActor}>{e.actor}</span>
            <span className={styles.timelineMessage}>{e.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
