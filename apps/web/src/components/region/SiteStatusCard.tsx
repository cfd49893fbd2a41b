'use client';

import type { CSSProperties } from 'react';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { regionMessages } from '../../i18n/messages/region.ts';
import { wallMessages } from '../../i18n/messages/wall.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { SiteName } from '../../lib/hub-types.ts';
import type { SiteStatus } from '../../lib/region-status.ts';
import { siteNameParts } from '../../lib/site-name.ts';
import { formatAge } from '../../live/format.ts';
import { rgbCss } from '../../wall/palette.ts';
import type { RegionSite } from './region-sites.ts';
import { RISK_STYLES, RISK_WORD_KEYS, siteMarkerStyle } from './risk-style.ts';
import type { StatusCurrency } from './status-currency.ts';
import styles from './SiteStatusCard.module.css';

/** A site name with the UI language's form first: [primary, secondary or null]. */
export function localName(name: SiteName, locale: Locale): [string, string | null] {
  const { primary, secondary } = siteNameParts(name);
  return locale === 'zh-CN' && secondary ? [secondary, primary] : [primary, secondary];
}

/** Colour of a grade as a CSS custom property for the module's rules. */
const gradeVar = (rgb: readonly [number, number, number]) => ({ '--grade': rgbCss(rgb) }) as CSSProperties;

/** Alarm levels as the four grades: level 1 red ◆ … level 4 blue ●. */
const LEVELS = [
  { key: 'level1', style: RISK_STYLES.red },
  { key: 'level2', style: RISK_STYLES.orange },
  { key: 'level3', style: RISK_STYLES.yellow },
  { key: 'level4', style: RISK_STYLES.blue },
] as const;

/** Props of {@link SiteStatusCard}. */
export interface SiteStatusCardProps {
  site: RegionSite;
  currency: StatusCurrency;
  /** Age of the status shown, ms; null before any arrived. */
  ageMs: number | null;
  /** This card's site is being opened (camera flying). */
  opening: boolean;
  onOpen: (siteId: string) => void;
}

/**
 * One site on the region wall: risk grade (colour, shape and words), alarms by level, sensors
 * online / stale, people on site, and the status's age. A status that is not current greys the
 * grade out and dims the figures, labelled as last known: old figures never look live.
 */
export function SiteStatusCard({ site, currency, ageMs, opening, onOpen }: SiteStatusCardProps) {
  const t = useT(regionMessages);
  const tw = useT(wallMessages);
  const locale = useLocale();
  const [primary, secondary] = localName(site.name, locale);
  const status = site.status;
  const current = currency === 'current' && status !== null;
  const badge = siteMarkerStyle(status?.risk ?? null, current);
  const age = ageMs === null ? null : formatAge(ageMs);

  return (
    <button
      type="button"
      className={`${styles.card} ${current ? '' : styles.notCurrent}`}
      onClick={() => onOpen(site.id)}
      aria-busy={opening}
      data-site-id={site.id}
      data-risk={status?.risk ?? 'none'}
      data-current={current}
      style={gradeVar(badge.rgb)}
    >
      <span className={styles.head}>
        <span aria-hidden="true" className={styles.kindGlyph}>
          {site.kind === 'chemical-park' ? '⬢' : '▼'}
        </span>
        <span className={styles.name}>{primary}</span>
        <span className={styles.kind}>{tw(site.kind === 'chemical-park' ? 'chemicalPark' : 'coalMine')}</span>
      </span>
      {secondary ? <span className={styles.altName}>{secondary}</span> : null}

      <span className={styles.badge} data-testid="risk-badge">
        <span aria-hidden="true" className={styles.badgeGlyph}>
          {current ? badge.glyph : '?'}
        </span>
        {current ? t(RISK_WORD_KEYS[status.risk]) : status === null && currency !== 'not-current' ? t('waiting') : t('notCurrent')}
      </span>

      {status ? <Figures status={status} /> : null}

      <span className={styles.foot}>
        <span className={styles.age}>{age === null ? t('statusNever') : current ? t('statusAsOf', { age }) : t('statusLastKnown', { age })}</span>
        <span className={styles.open}>
          {opening ? t('opening') : t('openWall')} <span aria-hidden="true">→</span>
        </span>
      </span>
    </button>
  );
}

/** Alarms by level, sensors, people: the figures of one status. */
function Figures({ status }: { status: SiteStatus }) {
  const t = useT(regionMessages);
  const { alarms, sensors, people } = status;
  return (
    <span className={styles.figures}>
      <span className={styles.row}>
        <span className={styles.label}>{t('alarmsLabel')}</span>
        <span className={styles.levels}>
          {LEVELS.map(({ key, style }, i) => (
            <span key={key} className={`${styles.level} ${alarms[key] === 0 ? styles.levelZero : ''}`} style={gradeVar(style.rgb)} data-level={i + 1}>
              <span aria-hidden="true">{style.glyph}</span> L{i + 1} <strong>{alarms[key]}</strong>
            </span>
          ))}
        </span>
        {alarms.unacknowledged > 0 ? <span className={styles.unack}>{t('unacknowledged', { n: alarms.unacknowledged })}</span> : null}
      </span>
      <span className={styles.row}>
        <span className={styles.sensors}>{t('sensorsOnline', { online: sensors.online, total: sensors.total })}</span>
        {sensors.stale > 0 ? <span className={styles.stale}>○ {t('sensorsStale', { n: sensors.stale })}</span> : null}
        {sensors.noData > 0 ? <span className={styles.stale}>✕ {t('sensorsNoData', { n: sensors.noData })}</span> : null}
      </span>
      <span className={styles.row}>
        <span className={styles.people}>
          {people.source === 'tags'
            ? t('peopleTags', { n: people.count, total: people.tagsTotal })
            : people.source === 'planned-occupancy'
              ? t('peoplePlanned', { n: people.count, shift: t(people.shift === 'day' ? 'shiftDay' : 'shiftNight') })
              : t('peopleNone')}
        </span>
      </span>
    </span>
  );
}
