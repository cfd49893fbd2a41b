'use client';

import type { IncidentView } from '@safetwin/protocol';
import { useT } from '../../i18n/I18nProvider.tsx';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { FIRE_BRIGADE_TARGET_MS, VALVES_CLOSED_TARGET_MS, formatElapsed, targetStatus, type TargetStatus } from '../../live/incident-format.ts';
import { useNow } from '../../live/NowProvider.tsx';
import styles from './Incident.module.css';

/** Elapsed time since the first alarm (frozen once the incident closed), and the pilot's two targets. */
export function IncidentCountdowns({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const ticking = useNow();
  const { milestones: m } = incident;
  // Before the first tick (server render) and after closing, time stands at the last known moment.
  const now = m.closedAt ?? (ticking > 0 ? ticking : incident.updatedAt);
  const start = m.firstAlarmAt;
  return (
    <section className={styles.countdowns} data-testid="incident-countdowns">
      <div className={styles.elapsed}>
        <span className={styles.elapsedLabel}>{start !== null ? t('since') : t('noFirstAlarm')}</span>
        <span className={styles.elapsedValue} data-testid="incident-elapsed">
          {start !== null ? `T+ ${formatElapsed(now - start)}` : '—'}
        </span>
      </div>
      <Target label={t('targetValves')} status={targetStatus(start, m.isolatedAt, VALVES_CLOSED_TARGET_MS, now)} testId="target-valves" />
      <Target label={t('targetBrigade')} status={targetStatus(start, m.fireBrigadeNotifiedAt, FIRE_BRIGADE_TARGET_MS, now)} testId="target-brigade" />
    </section>
  );
}

function Target({ label, status, testId }: { label: string; status: TargetStatus; testId: string }) {
  const t = useT(incidentMessages);
  const text =
    status.state === 'met'
      ? t('target_met', { t: formatElapsed(status.tookMs) })
      : status.state === 'running'
        ? t('target_running', { t: formatElapsed(status.leftMs) })
        : status.state === 'missed'
          ? status.tookMs !== null
            ? t('target_missedDone', { t: formatElapsed(status.tookMs) })
            : t('target_missed', { t: formatElapsed(status.overMs) })
          : t('target_noStart');
  return (
    <div className={`${styles.target} ${styles[`target_${status.state}`] ?? ''}`} data-testid={testId} data-target={status.state}>
      <span>{label}</span>
      <strong>{text}</strong>
    </div>
  );
}
