'use client';

import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { useMine } from './MineProvider.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

/**
 * People by personnel zone against each zone's limit, as the hub counts them (GET
 * /sites/:id/zones: limits changed through the API included) — over the limit in red with the
 * word — and the count underground from the attendance (GET /sites/:id/attendance).
 */
export function ZonesPanel() {
  const mine = useMine();
  const t = useT(mineMessages);
  const locale = useLocale();
  if (!mine?.zones) return null;
  const zones = mine.zones.zones;
  const anyOver = zones.some((z) => z.overcrowded);
  const overtime = mine.attendance?.underground.filter((p) => p.overtime).length ?? 0;
  return (
    <section className={`${kpi.card} ${anyOver ? styles.cardAlert : ''}`} data-testid="mine-zones" aria-label={t('zonesTitle')}>
      <h2 className={`${kpi.title} ${styles.titleRow}`}>
        <span>{t('zonesTitle')}</span>
        {mine.attendance ? <span data-testid="mine-underground">{t('attendanceUnderground', { n: mine.attendance.underground.length })}</span> : null}
      </h2>
      {overtime > 0 ? <p className={styles.over}>▲ {t('attendanceOvertime', { n: overtime })}</p> : null}
      <ul className={styles.list}>
        {zones.map((z) => (
          <li key={z.zoneId} className={styles.zoneRow} data-zone-id={z.zoneId} data-over={z.overcrowded}>
            <span>
              {locale === 'zh-CN' ? z.name.zh : z.name.en}
              {z.restricted ? <span className={kpi.muted}> · ⛔ {t('zonesRestricted')}</span> : null}
            </span>
            <span className={z.overcrowded ? styles.over : styles.name} data-testid={`mine-zone-count-${z.zoneId}`}>
              {z.overcrowded ? `▲ ${t('zonesOver')} ` : ''}
              {z.headcountLimit === null ? t('zonesNoLimit', { n: z.headcount }) : t('zonesCount', { n: z.headcount, limit: z.headcountLimit })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
