'use client';

import type { AlarmView } from '@safetwin/protocol';
import { alarmReadingText, formatAlarmAge, formatClock } from '../../live/alarm-format.ts';
import { activatedAtMs } from '../../live/alarm-list.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import { alarmMessages } from '../../i18n/messages/alarms.ts';
import styles from './AlarmWall.module.css';

/** What a red card says about where an alarm is, beyond its ids. */
export interface RedCardPlace {
  siteName: string;
  /** Unit / equipment the sensor sits on (the device's label), if known. */
  equipment: string | null;
  unit: string | undefined;
}

/** Cards shown at once; the rest are counted. */
const MAX_CARDS = 2;

/**
 * Level-1 red cards (explosion precursor, DESIGN.md §5): site, unit/equipment, value against its
 * set-point, when it was raised, and the ESD response the hub took. Over the twin on the site
 * wall and over the globe on the region wall; sound is the wall's (use-alarm-sound.ts).
 */
export function RedAlarmCards({ alarms, placeOf, wall }: { alarms: readonly AlarmView[]; placeOf: (alarm: AlarmView) => RedCardPlace; wall: 'site' | 'region' }) {
  const now = useNow();
  const t = useT(alarmWallMessages);
  const tAlarm = useT(alarmMessages);
  if (alarms.length === 0) return null;
  const more = alarms.length - MAX_CARDS;
  return (
    <div className={`${styles.redCards} ${wall === 'region' ? styles.redCardsRegion : ''}`} data-testid="red-cards" data-count={alarms.length}>
      {alarms.slice(0, MAX_CARDS).map((alarm) => {
        const place = placeOf(alarm);
        const raisedAt = activatedAtMs(alarm);
        const esd = alarm.response?.kind === 'shutdown' ? (alarm.response.note ?? t('shutdownResponse')) : null;
        return (
          <article key={alarm.id} className={styles.redCard} role="alert" data-red-card={alarm.id} data-alarm-state={alarm.state}>
            <span className={`${styles.redGlyph} ${alarm.state === 'unacknowledged' ? styles.blink : ''}`} aria-hidden="true">
              ◆
            </span>
            <p className={styles.redTitle}>{t('redCardTitle')}</p>
            <p className={styles.redWhere}>
              {place.siteName} · {place.equipment ? `${place.equipment} · ` : ''}
              <span className="mono">{alarm.deviceId}</span>
            </p>
            <p className={styles.redValue}>{t('redCardValue', { reading: alarmReadingText(alarm, place.unit, tAlarm) })}</p>
            <p className={styles.redMeta}>
              {t('redCardRaised', { time: formatClock(raisedAt), age: now > 0 ? formatAlarmAge(Math.max(0, now - raisedAt)) : '—' })}
              {esd ? ` · ${esd}` : ''}
            </p>
          </article>
        );
      })}
      {more > 0 ? <p className={styles.redMore}>{t('redCardMore', { n: more })}</p> : null}
    </div>
  );
}
