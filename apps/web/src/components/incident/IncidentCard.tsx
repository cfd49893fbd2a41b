'use client';

import type { IncidentView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { reasonIn } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { LEVEL_STYLES } from '../../live/alarm-format.ts';
import { useIncidents } from './IncidentProvider.tsx';
import { IncidentBrigade } from './IncidentBrigade.tsx';
import { IncidentCaveats } from './IncidentCaveats.tsx';
import { IncidentCountdowns } from './IncidentCountdowns.tsx';
import { IncidentHandovers } from './IncidentHandovers.tsx';
import { IncidentPeople } from './IncidentPeople.tsx';
import { IncidentSource } from './IncidentSource.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import { IncidentValves } from './IncidentValves.tsx';
import styles from './Incident.module.css';

/**
 * The incident card: while an incident is open (or lately closed) it takes the wall's situation
 * column, where the most important thing goes — title, state, chemical and level; the countdowns
 * from the first alarm against the pilot's targets; what the assessment cannot yet tell; where the leak is; which valves; who goes
 * where; the fire brigade; the timeline. Without an incident it renders nothing ({@link IncidentNotices}
 * says what there is to say then).
 */
export function IncidentCard() {
  const state = useIncidents();
  const t = useT(incidentMessages);
  if (!state?.shown) return null;
  const { incidents, shown, select, syncError, handedOver } = state;
  const open = incidents.filter((i) => i.state !== 'closed');
  return (
    <section className={styles.slot} aria-label={t('cardLabel')}>
      <article className={styles.card} data-testid="incident-card" data-incident-id={shown.id} data-incident-state={shown.state} data-level={shown.level ?? undefined}>
        <SyncFailed error={syncError} />
        <IncidentHandovers handedOver={handedOver} />
        {incidents.length > 1 ? (
          <nav className={styles.switcher} aria-label={t('ofOpen', { n: open.length })}>
            {incidents.map((i, k) => (
              <button key={i.id} type="button" className={styles.switch} aria-pressed={i.id === shown.id} onClick={() => select(i.id)}>
                {k + 1}
                {i.state === 'closed' ? ' ✓' : ''}
              </button>
            ))}
          </nav>
        ) : null}
        <IncidentHead incident={shown} />
        <IncidentCountdowns incident={shown} />
        <IncidentCaveats incident={shown} />
        <IncidentSource incident={shown} />
        <IncidentValves incident={shown} />
        <IncidentBrigade incident={shown} />
        <IncidentPeople incident={shown} />
        <IncidentTimeline incident={shown} />
      </article>
    </section>
  );
}

/**
 * Without an incident on the card: a failed fetch and the notices of incidents that just left this
 * wall (no longer this plant's), at the top of the situation column and in its flow — they push its
 * panels down instead of covering them.
 */
export function IncidentNotices() {
  const state = useIncidents();
  const t = useT(incidentMessages);
  if (!state || state.shown || (!state.syncError && state.handedOver.length === 0)) return null;
  return (
    <section className={styles.notices} aria-label={t('cardLabel')}>
      <SyncFailed error={state.syncError} />
      <IncidentHandovers handedOver={state.handedOver} />
    </section>
  );
}

/** A failed incident fetch (the sync retries), or nothing. */
function SyncFailed({ error }: { error: string | null }) {
  const t = useT(incidentMessages);
  return error ? <p className={styles.syncError} role="alert">{t('syncFailed', { error })}</p> : null;
}

function IncidentHead({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const level = incident.level ? LEVEL_STYLES[incident.level] : null;
  return (
    <header className={styles.head}>
      <div className={styles.badges}>
        {level ? (
          <span className={`alarm-level alarm-level--${level.colour}`} data-testid="incident-level">
            <span>
              {t('levelWord', { level: incident.level! })} {level.shape}
            </span>
          </span>
        ) : null}
        <span className={`${styles.state} ${styles[`state_${incident.state}`] ?? ''}`} data-testid="incident-state">
          {t(`state_${incident.state}`)}
        </span>
        {incident.origin === 'drill' ? <span className={styles.drill}>{t('drill')}</span> : null}
        {incident.chemical ? <span className={styles.chemical}>{incident.chemical}</span> : null}
      </div>
      <h2 className={styles.title} data-testid="incident-title">
        {reasonIn(incident.titleText, incident.title, locale)}
      </h2>
    </header>
  );
}
