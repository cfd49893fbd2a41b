'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { formatClock } from '../../live/alarm-format.ts';
import type { AlarmLoadStore } from '../../live/alarm-load-store.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import styles from './AlarmWall.module.css';

/**
 * The flood banner (EEMUA 191: more than 10 alarms in 10 minutes for one operator), shown while the
 * hub's `alarm-load` says `flooding`: how many notifications the operator got out of how many raw
 * activations, and since when.
 */
export function FloodBanner({ load: store }: { load: AlarmLoadStore }) {
  const t = useT(alarmWallMessages);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const load = useSyncExternalStore(
    subscribe,
    () => store.load,
    () => null,
  );
  if (!load?.flooding) return null;
  return (
    <p className={styles.flood} role="alert" data-testid="flood-banner" data-notifications={load.notificationsLast10Min} data-activations={load.activationsLast10Min}>
      <span className={styles.floodTitle}>
        <span aria-hidden="true">▲▲ </span>
        {t('floodTitle')}
      </span>
      <span>{t('floodText', { notified: load.notificationsLast10Min, activations: load.activationsLast10Min })}</span>
      {load.floodSince !== null ? <span className={styles.floodSince}>{t('floodSince', { time: formatClock(load.floodSince) })}</span> : null}
    </p>
  );
}
