'use client';

import Link from 'next/link';
import type { IncidentView } from '@safetwin/protocol';
import { useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import { useIncidents } from './IncidentProvider.tsx';
import { ActionError } from './ActionError.tsx';
import styles from './Incident.module.css';

/** The fire brigade: notified at (or not yet), the Notify button for those allowed, and the printable brief. */
export function IncidentBrigade({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const wall = useIncidents();
  const at = incident.milestones.fireBrigadeNotifiedAt;
  const busy = wall?.action?.phase === 'running';
  return (
    <section className={styles.section} data-testid="incident-brigade">
      <h3 className={styles.sectionTitle}>{t('brigadeTitle')}</h3>
      <div className={styles.brigadeRow}>
        <span className={at ? styles.brigadeDone : styles.brigadeNot} data-testid="incident-brigade-state" data-notified={at ? 'yes' : 'no'}>
          {at ? t('brigadeNotified', { at: clockTime(at) }) : t('brigadeNot')}
        </span>
        {!at && wall?.permissions?.notifyFireBrigade ? (
          <button type="button" className={styles.primaryButton} disabled={busy} onClick={() => wall.act('notify', { kind: 'notify-fire-brigade' })} data-testid="incident-notify">
            {t('notifyBrigade')}
          </button>
        ) : null}
        <Link className={styles.briefLink} href={`/incidents/${encodeURIComponent(incident.id)}/brief`} target="_blank" data-testid="incident-brief-link">
          {t('brief')}
        </Link>
      </div>
      <ActionError actionKey="notify" />
    </section>
  );
}
