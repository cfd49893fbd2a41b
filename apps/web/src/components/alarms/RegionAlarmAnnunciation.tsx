'use client';

import { useCallback, useMemo } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import type { SiteSummary } from '../../lib/hub-types.ts';
import { siteNameParts } from '../../lib/site-name.ts';
import { redCardAlarms } from '../../live/alarm-stack.ts';
import { metricLabel } from '../../live/labels.ts';
import { useLocale } from '../../i18n/I18nProvider.tsx';
import { RedAlarmCards } from './RedAlarmCards.tsx';
import { SoundToggle } from './SoundToggle.tsx';
import { useActiveAlarms } from './use-active-alarms.ts';
import { useAlarmSound } from './use-alarm-sound.ts';
import styles from './AlarmWall.module.css';

/**
 * The region wall's share of level-1 alarms (reported directly to the command center): a red
 * card per alarm over the globe, and the urgent sound, muteable for this wall. Lower levels stay
 * with the sites (their colour is on the site's card).
 */
export function RegionAlarmAnnunciation({ sites, hubUrl, token }: { sites: readonly SiteSummary[]; hubUrl: string | null; token: string }) {
  const locale = useLocale();
  const active = useActiveAlarms(hubUrl, token);
  const red = useMemo(() => redCardAlarms(active), [active]);
  const sound = useAlarmSound('region', red);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const site of sites) {
      const { primary, secondary } = siteNameParts(site.name);
      map.set(site.id, locale === 'zh-CN' && secondary ? secondary : primary);
    }
    return map;
  }, [sites, locale]);
  // The region wall holds no device catalogue: the metric names what is measured; the unit stays off.
  const placeOf = useCallback((alarm: AlarmView) => ({ siteName: names.get(alarm.siteId) ?? alarm.siteId, equipment: metricLabel(alarm.metric, ''), unit: undefined }), [names]);
  return (
    <>
      <RedAlarmCards alarms={red} placeOf={placeOf} wall="region" />
      <div className={styles.regionSound}>
        <SoundToggle sound={sound} />
      </div>
    </>
  );
}
