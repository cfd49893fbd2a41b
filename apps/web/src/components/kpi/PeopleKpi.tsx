'use client';

import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { kpiMessages } from '../../i18n/messages/kpi.ts';
import { MINE_ZONES, type MineZone } from '../../kpi/mine-zones.ts';
import { useWall } from '../../wall/WallContext.tsx';
import type { PeopleNow } from './use-kpi-snapshot.ts';
import styles from './KpiPanel.module.css';

type Key = keyof (typeof kpiMessages)['en'];
const ZONE_KEY: Readonly<Record<MineZone, Key>> = {
  'longwall-face': 'zoneLongwallFace',
  heading: 'zoneHeading',
  haulage: 'zoneHaulage',
  'intake-airway': 'zoneIntakeAirway',
  'return-airway': 'zoneReturnAirway',
  shaft: 'zoneShaft',
  surface: 'zoneSurface',
  unlocated: 'zoneUnlocated',
};

/** People on site: miners by roadway zone from live tags (silent tags said apart), or a park's planned occupancy by enterprise. */
export function PeopleKpi({ people }: { people: PeopleNow }) {
  const t = useT(kpiMessages);
  const locale = useLocale();
  const { site } = useWall();
  if (people.kind === 'mine') {
    const max = Math.max(1, ...MINE_ZONES.map((z) => people.zones[z]));
    return (
      <section className={styles.card} aria-labelledby="kpi-people" data-testid="kpi-people">
        <h2 id="kpi-people" className={styles.title}>{t('peopleTitle')}</h2>
        <p className={styles.lead}>{t('peopleUnderground', { n: people.located })}</p>
        <ul className={styles.rows}>
          {MINE_ZONES.filter((z) => people.zones[z] > 0 || (z !== 'surface' && z !== 'unlocated')).map((z) => (
            <li key={z} className={styles.row} data-zone={z}>
              <span className={styles.rowName}>{t(ZONE_KEY[z])}</span>
              <span className={styles.rowBar} style={{ width: `${(people.zones[z] / max) * 100}%` }} aria-hidden="true" />
              <span className={styles.rowN}>{people.zones[z]}</span>
            </li>
          ))}
        </ul>
        {people.silent > 0 ? <p className={styles.warn}>○ {t('tagsSilent', { n: people.silent })}</p> : null}
        {people.neverHeard > 0 ? <p className={styles.muted}>✕ {t('tagsNoData', { n: people.neverHeard })}</p> : null}
      </section>
    );
  }
  const names = new Map(site.enterprises.map((e) => [e.id, locale === 'zh-CN' ? e.name.zh : e.name.en]));
  const max = Math.max(1, ...people.rows.map((r) => r.persons));
  return (
    <section className={styles.card} aria-labelledby="kpi-people" data-testid="kpi-people">
      <h2 id="kpi-people" className={styles.title}>{t('peopleTitle')}</h2>
      <p className={styles.lead}>{t('plannedTitle', { shift: t(people.shift === 'day' ? 'shiftDay' : 'shiftNight') })}</p>
      <ul className={styles.rows}>
        {people.rows.map((r) => (
          <li key={r.enterpriseId ?? 'park'} className={styles.row} title={t('placesN', { n: r.places })}>
            <span className={styles.rowName}>{r.enterpriseId === null ? t('parkShared') : (names.get(r.enterpriseId) ?? r.enterpriseId)}</span>
            <span className={styles.rowBar} style={{ width: `${(r.persons / max) * 100}%` }} aria-hidden="true" />
            <span className={styles.rowN}>{r.persons.toLocaleString()}</span>
          </li>
        ))}
      </ul>
      <p className={styles.muted}>{t('totalPlanned', { n: people.total })}</p>
    </section>
  );
}
