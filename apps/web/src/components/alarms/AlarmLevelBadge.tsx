'use client';

import type { AlarmView } from '@safetwin/protocol';
import { LEVEL_STYLES, alarmKindText } from '../../live/alarm-format.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmKindMessages, alarmMessages } from '../../i18n/messages/alarms.ts';
import styles from './AlarmWall.module.css';

/**
 * An alarm's level as colour + shape + words ("L2 ▲ HIGH" on orange), so it reads without colour
 * too. `blink`: the shape flashes while the alarm waits for an acknowledgement (ISA-101), slowly
 * and not at all under prefers-reduced-motion.
 */
export function AlarmLevelBadge({ level, kind, compact = false, blink = false }: { level: AlarmView['level']; kind: string; compact?: boolean; blink?: boolean }) {
  const style = LEVEL_STYLES[level];
  const t = useT(alarmMessages);
  const tKind = useT(alarmKindMessages);
  return (
    <span
      className={`alarm-level alarm-level--${style.colour}${compact ? ' alarm-level--compact' : ''}`}
      title={t('levelTitle', { level, colour: style.colour, meaning: t(`meaning${level}`) })}
      data-alarm-level={level}
    >
      {/* One inline box: in the badge's flex box, bare text runs would lose the spaces at their edges. */}
      <span>
        L{level} <span className={blink ? styles.blink : undefined}>{style.shape}</span> {alarmKindText(kind, tKind)}
      </span>
    </span>
  );
}
