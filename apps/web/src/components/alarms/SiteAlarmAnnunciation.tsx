'use client';

import { useCallback, useMemo } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import { siteNameParts } from '../../lib/site-name.ts';
import { redCardAlarms } from '../../live/alarm-stack.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { useLocale } from '../../i18n/I18nProvider.tsx';
import { RedAlarmCards } from './RedAlarmCards.tsx';
import { SoundToggle } from './SoundToggle.tsx';
import { useAlarmList } from './use-alarm-list.ts';
import { useAlarmSound } from './use-alarm-sound.ts';

/** The site wall's alarm sound (all levels, by priority) and its mute toggle, for the wall's header. */
export function SiteAlarmSound({ className }: { className?: string }) {
  const { site, alarms } = useWall();
  const list = useAlarmList(alarms);
  const sound = useAlarmSound(`site:${site.id}`, list);
  return <SoundToggle sound={sound} className={className} />;
}

/** The site wall's level-1 red cards, over the twin. */
export function SiteRedCards() {
  const { site, alarms, devices } = useWall();
  const locale = useLocale();
  const list = useAlarmList(alarms);
  const red = useMemo(() => redCardAlarms(list), [list]);
  const name = siteNameParts(site.name);
  const siteName = locale === 'zh-CN' && name.secondary ? name.secondary : name.primary;
  const placeOf = useCallback(
    (alarm: AlarmView) => {
      const device = devices.get(alarm.deviceId);
      return { siteName, equipment: device?.label ?? null, unit: device?.metrics[alarm.metric]?.unit };
    },
    [devices, siteName],
  );
  return <RedAlarmCards alarms={red} placeOf={placeOf} wall="site" />;
}
