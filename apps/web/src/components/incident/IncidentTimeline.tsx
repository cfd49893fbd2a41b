'use client';

import { useEffect, useRef, useState } from 'react';
import type { IncidentEventView, IncidentView } from '@safetwin/protocol';
import { reasonIn } from '../../i18n/hub-text.ts';
import { actorIn } from '../../i18n/actors.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import { fetchIncidentDetail } from '../../live/incident-client.ts';
import { useIncidents } from './IncidentProvider.tsx';
import styles from './Incident.module.css';

/** How long after a change the timeline is fetched, ms: changes within it share one fetch (they come in bursts). */
const TIMELINE_SETTLE_MS = 1_000;

/**
 * The incident's timeline, latest first (who and when; each entry in the UI language where the hub sent its sentence
 * by key, else its English — a person's words as typed): fetched with `GET /incidents/:id` after
 * a change of the incident (the socket event leaves the timeline out), at most once a second.
 */
export function IncidentTimeline({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const caller = useIncidents()?.caller ?? null;
  const [events, setEvents] = useState<{ id: string; list: IncidentEventView[] } | null>(null);
  const { id, updatedAt } = incident;
  const latest = useRef({ caller, id });
  latest.current = { caller, id };
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!caller || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      const { caller: now, id: wanted } = latest.current;
      if (!now) return;
      fetchIncidentDetail(now, wanted).then(
        (detail) => setEvents({ id: wanted, list: [...detail.timeline].sort((a, b) => b.seq - a.seq) }),
        // The last timeline stays; the next change fetches again.
        () => undefined,
      );
    }, TIMELINE_SETTLE_MS);
  }, [caller, id, updatedAt]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  const list = events?.id === id ? events.list : [];
  return (
    <section className={styles.section} data-testid="incident-timeline">
      <h3 className={styles.sectionTitle}>{t('timelineTitle')}</h3>
      <ol className={styles.timeline}>
        {list.map((e) => (
          <li key={e.seq} data-kind={e.kind}>
            <time className={styles.timelineAt}>{clockTime(e.at)}</time>
            <span className={styles.timelineActor}>{actorIn(e.actor, locale)}</span>
            <span className={styles.timelineMessage}>{reasonIn(e.messageText, e.message, locale)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
