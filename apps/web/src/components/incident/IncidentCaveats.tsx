'use client';

import type { IncidentView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { assessmentCaveats } from '../../live/incident-format.ts';
import styles from './Incident.module.css';

/**
 * What the latest assessment could not do or is unsure of — no wind (so no zones), a rate the readings do not pin, a
 * source no valve cuts off, no tagged people — where the commander sees it before acting on the answers below it; the
 * plume engine's notes on its modelling folded away under them. Nothing when there is nothing to say.
 */
export function IncidentCaveats({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  if (!incident.assessment) return null;
  const { caveats, modelNotes } = assessmentCaveats(incident.assessment, locale);
  if (caveats.length === 0 && modelNotes.length === 0) return null;
  return (
    <section className={styles.section} data-testid="incident-caveats">
      <h3 className={styles.sectionTitle}>{t('caveatsTitle')}</h3>
      {caveats.length > 0 ? (
        <ul className={styles.caveats}>
          {caveats.map((c) => (
            <li key={c} className={styles.caveat}>{c}</li>
          ))}
        </ul>
      ) : null}
      {modelNotes.length > 0 ? (
        <details className={styles.modelNotes} data-testid="incident-model-notes">
          <summary>{t('modelNotes', { n: modelNotes.length })}</summary>
          <ul className={styles.caveats}>
            {modelNotes.map((c) => (
              <li key={c} className={styles.muted}>{c}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
