'use client';

import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { reasonIn } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import type { HandedOverIncident } from '../../live/incident-store.ts';
import styles from './Incident.module.css';

/**
 * Why an incident just left this wall: it no longer concerns the officer's plant — the likely
 * source moved to another plant (`incident-handed-over`, at the version that moved it), or the
 * check after a reconnect found the hub no longer shows it (at the time the wall noticed). Shown
 * where the card was, for the linger time, so the card does not vanish without a word.
 */
export function IncidentHandovers({ handedOver }: { handedOver: readonly HandedOverIncident[] }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  if (handedOver.length === 0) return null;
  return (
    <div className={styles.handovers} role="status" aria-label={t('handedOverLabel')}>
      {handedOver.map((h) => {
        // The title of the version the wall held; the id when it never held one (the messages quote it).
        const name = reasonIn(h.titleText, h.title, locale) ?? h.id;
        const text =
          h.reason === 'source-moved'
            ? t('handedOverSourceMoved', { name, time: clockTime(h.updatedAt) })
            : t('handedOverNotVisible', { name, time: clockTime(h.receivedAt) });
        return (
          <p key={h.id} className={styles.handover} data-testid="incident-handover" data-incident-id={h.id} data-reason={h.reason}>
            <span aria-hidden="true">↪ </span>
            {text}
          </p>
        );
      })}
    </div>
  );
}
