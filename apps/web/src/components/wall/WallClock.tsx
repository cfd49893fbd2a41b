'use client';

import { useLocale } from '../../i18n/I18nProvider.tsx';
import { useNow } from '../../live/NowProvider.tsx';
import styles from './SiteWall.module.css';

/** The wall's clock (local time, seconds), so anyone can see at a glance that the screen is alive. */
export function WallClock() {
  const now = useNow();
  const locale = useLocale();
  if (now === 0) return <time className={styles.clock}>--:--:--</time>;
  const date = new Date(now);
  return (
    <time className={styles.clock} dateTime={date.toISOString()}>
      {date.toLocaleTimeString(locale, { hour12: false })}
    </time>
  );
}
