'use client';

import { useMemo } from 'react';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { undergroundCount, zoneCounts } from '../../live/mine-zones-count.ts';
import { useMine } from './MineProvider.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

/** People by personnel zone against each zone's limit (over the limit in red with the word), and the count underground. */
export function ZonesPanel() {
  const mine = useMine();
  const t = useT(mineMessages);
  const locale = useLocale();
  const people = mine?.people?.people;
  const zones = useMemo(() => (mine && people ? zoneCounts(mine.mine.personnelZones ?? [], people) : []), [mine, people]);
  if (!mine || !people) return null;
  const anyOver = zones.some((z) => z.over);
  return (
    <section className={`${kpi.card} ${anyOver ? styles.cardAlert : ''}`} data-testid="mine-zones" aria-label={t('zonesTitle')}>
      <h2 className={`${kpi.title} ${styles.titleRow}`}>
        <span>{t('zonesTitle')}</span>
        <span data-testid="mine-underground">{t('attendanceUnderground', { n: undergroundCount(people) })}</span>
      </h2>
      <ul className={styles.list}>
        {zones.map((z) => (
          <li key={z.zoneId} className={styles.zoneRow} data-zone-id={z.zoneId} data-over={z.over}>
            <span>
              {locale === 'zh-CN' ? z.name.zh : z.name.en}
              {z.restricted ? <span className={kpi.muted}> · ⛔ {t('zonesRestricted')}</span> : null}
            </span>
            <span className={z.over ? styles.over : styles.name}>
              {z.over ? `▲ ${t('zonesOver')} ` : ''}
              {z.limit === null ? t('zonesNoLimit', { n: z.headcount }) : t('zonesCount', { n: z.headcount, limit: z.limit })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
