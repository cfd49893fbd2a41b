'use client';

import { useEffect, useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { minutesSeconds } from '../twin/plume-field-timing.ts';
import { useRelease } from './ReleaseProvider.tsx';
import styles from './Release.module.css';

/** Play/pause and the time slider of a transient release's cloud in the twin; "steady state" for a steady plume. */
export function ReleaseTimeline() {
  const release = useRelease();
  const t = useT(releaseMessages);
  const playback = release?.shown?.playback ?? null;
  const [, setTick] = useState(0);
  useEffect(() => playback?.subscribe(() => setTick((n) => n + 1)), [playback]);
  if (!playback) return null;
  if (!playback.animated) {
    return (
      <div className={`${styles.timeline} ${styles.timelineSteady}`} data-testid="release-timeline" data-animated="false">
        <span className={styles.timeLabel}>{t('steadyState')}</span>
        <span className={styles.timeNote}>{t('legendTrace')}</span>
      </div>
    );
  }
  const { min, s } = minutesSeconds(playback.tS);
  return (
    <div className={styles.timeline} data-testid="release-timeline" data-animated="true" data-t-s={Math.round(playback.tS)}>
      <button type="button" className={styles.button} onClick={() => playback.setPlaying(!playback.playing)} data-testid="release-play">
        {playback.playing ? t('pause') : t('play')}
      </button>
      <input
        type="range"
        className={styles.slider}
        min={playback.startS}
        max={playback.endS}
        step={(playback.endS - playback.startS) / 200}
        value={playback.tS}
        aria-label={t('timeSlider')}
        onChange={(e) => {
          playback.setPlaying(false);
          playback.seek(Number(e.target.value));
        }}
        data-testid="release-slider"
      />
      <span className={styles.timeLabel}>{t('timeAfter', { min, s })}</span>
      <span className={styles.timeNote}>{t('legendTrace')}</span>
    </div>
  );
}
