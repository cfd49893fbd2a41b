'use client';

import type { AlarmView, ResponseTier } from '@safetwin/protocol';
import { formatAlarmAge, formatClock } from '../../live/alarm-format.ts';
import { formatCountdown, responseClock } from '../../live/alarm-stack.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import styles from './AlarmWall.module.css';

/** The i18n key of each tier's name. */
export const TIER_KEYS = { enterprise: 'tierEnterprise', park: 'tierPark', government: 'tierGovernment' } as const satisfies Record<ResponseTier, string>;

/**
 * An alarm's graded response on one line: the live countdown to its deadline with who must act
 * (enterprise / park / government), OVERDUE with the time past (never a negative countdown), an
 * "escalated" mark after a missed deadline, or who confirmed and when.
 */
export function ResponseStatus({ response }: { response: AlarmView['response'] }) {
  const now = useNow();
  const t = useT(alarmWallMessages);
  if (!response) return null;
  if (response.kind === 'shutdown') {
    return (
      <p className={`${styles.response} ${styles.responseShutdown}`} data-response="shutdown">
        {t('shutdownResponse')}
        {response.note ? ` — ${response.note}` : ''}
      </p>
    );
  }
  const clock = responseClock(response, now > 0 ? now : Number.NaN);
  const tier = t(TIER_KEYS[response.tier]);
  const escalated =
    response.escalations > 0 ? (
      <span className={styles.escalated} title={t('escalatedTitle', { n: response.escalations, tier })} data-escalations={response.escalations}>
        {t('escalated', { n: response.escalations })}
      </span>
    ) : null;
  if (clock.kind === 'confirmed') {
    return (
      <p className={`${styles.response} ${styles.responseConfirmed}`} data-response="confirmed">
        ✓ {t('responseConfirmed', { time: formatClock(clock.atMs), by: clock.by ? t('responseConfirmedBy', { who: clock.by }) : '' })} {escalated}
      </p>
    );
  }
  if (clock.kind === 'none' || now === 0) return null;
  const overdue = clock.kind === 'overdue';
  const text = overdue
    ? t('planOverdue', { time: formatAlarmAge(clock.overdueMs), tier })
    : t(response.kind === 'emergency-plan' ? 'planDue' : 'rectificationDue', { time: formatCountdown(clock.remainingMs), tier });
  return (
    <p className={`${styles.response} ${overdue ? styles.responseOverdue : ''}`} data-response={overdue ? 'overdue' : 'due'} data-tier={response.tier}>
      <span aria-hidden="true">{overdue ? '⚠ ' : '◷ '}</span>
      <span className={styles.countdown}>{text}</span> {escalated}
    </p>
  );
}
