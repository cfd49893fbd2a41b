'use client';

import type { AlarmView } from '@safetwin/protocol';
import { LEVEL_STYLES, alarmLevelText } from '../../live/alarm-format.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmKindMessages, alarmMessages } from '../../i18n/messages/alarms.ts';

/** An alarm's level as colour + shape + words ("L2 ▲ HIGH" on orange), so it reads without colour too. */
export function AlarmLevelBadge({ level, kind, compact = false }: { level: AlarmView['level']; kind: string; compact?: boolean }) {
  const style = LEVEL_STYLES[level];
  const t = useT(alarmMessages);
  const tKind = useT(alarmKindMessages);
  return (
    <span
      className={`alarm-level alarm-level--${style.colour}${compact ? ' alarm-level--compact' : ''}`}
      title={t('levelTitle', { level, colour: style.colour, meaning: t(`meaning${level}`) })}
      data-alarm-level={level}
    >
      {alarmLevelText(level, kind, tKind)}
    </span>
  );
}
