import type { AlarmView } from '@safetwin/protocol';
import { LEVEL_STYLES, alarmLevelText } from '../../live/alarm-format.ts';

/** An alarm's level as colour + shape + words ("L2 ▲ HIGH" on orange), so it reads without colour too. */
export function AlarmLevelBadge({ level, kind, compact = false }: { level: AlarmView['level']; kind: string; compact?: boolean }) {
  const style = LEVEL_STYLES[level];
  return (
    <span
      className={`alarm-level alarm-level--${style.colour}${compact ? ' alarm-level--compact' : ''}`}
      title={`Level ${level} (${style.colour}): ${style.meaning}`}
      data-alarm-level={level}
    >
      {alarmLevelText(level, kind)}
    </span>
  );
}
