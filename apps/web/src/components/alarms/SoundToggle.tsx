'use client';

import type { AlarmSound } from './use-alarm-sound.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import styles from './AlarmWall.module.css';

const LABELS = {
  on: ['soundOn', 'soundOnTitle'],
  muted: ['soundMuted', 'soundMutedTitle'],
  blocked: ['soundBlocked', 'soundBlockedTitle'],
} as const;

/** The wall's alarm-sound button: on (click mutes), muted (click unmutes), or "click to enable sound" while the browser blocks audio. */
export function SoundToggle({ sound, className }: { sound: AlarmSound; className?: string }) {
  const t = useT(alarmWallMessages);
  if (sound.permission === 'unavailable') {
    return (
      <span className={`${styles.sound} ${className ?? ''}`} data-sound="unavailable">
        {t('soundUnavailable')}
      </span>
    );
  }
  const [label, title] = LABELS[sound.permission];
  return (
    <button
      type="button"
      className={`${styles.sound} ${className ?? ''}`}
      data-sound={sound.permission}
      data-testid="alarm-sound"
      aria-pressed={sound.permission === 'on'}
      title={t(title)}
      onClick={sound.toggle}
    >
      {t(label)}
    </button>
  );
}
