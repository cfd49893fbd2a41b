'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { useIncidents } from './IncidentProvider.tsx';
import styles from './Incident.module.css';

/** Next to a button: "Working…" while its action runs, the hub's refusal verbatim when it said no. */
export function ActionError({ actionKey }: { actionKey: string }) {
  const t = useT(incidentMessages);
  const action = useIncidents()?.action;
  if (!action || action.key !== actionKey) return null;
  if (action.phase === 'running') return <span className={styles.muted}>{t('working')}</span>;
  return (
    <p className={styles.actionError} role="alert" data-testid="incident-action-error">
      {action.message}
    </p>
  );
}
