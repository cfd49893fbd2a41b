'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { kpiMessages } from '../../i18n/messages/kpi.ts';
import type { SensorCounts } from '../../kpi/sensor-counts.ts';
import { rgbCss } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { PeopleKpi } from './PeopleKpi.tsx';
import { useKpiSnapshot } from './use-kpi-snapshot.ts';
import { WeatherKpi } from './WeatherKpi.tsx';
import styles from './KpiPanel.module.css';

type Key = keyof (typeof kpiMessages)['en'];

/**
 * The wall's situation panel: sensors online / in alarm / stale / no data (the wall's one visual
 * state rule), readings per second, people on site by zone, and the weather with a wind arrow and
 * the Pasquill stability class. Recomputed once a second, never per reading.
 */
export function KpiPanel() {
  const t = useT(kpiMessages);
  const snapshot = useKpiSnapshot();
  if (!snapshot) return <div className={styles.panel} data-testid="kpi-panel" />;
  const { sensors, readingsPerS, people, weather } = snapshot;
  return (
    <div className={styles.panel} data-testid="kpi-panel">
      <section className={styles.card} aria-labelledby="kpi-sensors">
        <h2 id="kpi-sensors" className={styles.title}>
          {t('sensorsTitle')} <span className={styles.sub}>{t('ofTotal', { n: sensors.total })}</span>
        </h2>
        <SensorCountGrid counts={sensors} t={t} />
      </section>
      <section className={styles.card} aria-labelledby="kpi-rate">
        <h2 id="kpi-rate" className={styles.title}>
          {t('rateTitle')} <span className={styles.sub}>{t('rateWindow')}</span>
        </h2>
        <p className={styles.big} data-testid="kpi-rate">
          {readingsPerS === null ? (
            <span className={styles.muted}>{t('rateWaiting')}</span>
          ) : (
            <>
              {Math.round(readingsPerS).toLocaleString()}
              <span className={styles.unit}>{t('rateUnit')}</span>
            </>
          )}
        </p>
      </section>
      <PeopleKpi people={people} />
      <WeatherKpi weather={weather} />
    </div>
  );
}

/** One count with the glyph and colour of its visual state. */
function Count({ state, n, label, testId }: { state: SensorVisualState; n: number; label: string; testId: string }) {
  const style = SENSOR_VISUAL_STYLES[state];
  return (
    <div className={styles.count} data-testid={testId} data-zero={n === 0}>
      <span className={styles.countGlyph} style={{ color: rgbCss(style.rgb) }} aria-hidden="true">
        {style.glyph}
      </span>
      <span className={styles.countN}>{n.toLocaleString()}</span>
      <span className={styles.countLabel}>{label}</span>
    </div>
  );
}

function SensorCountGrid({ counts, t }: { counts: SensorCounts; t: (k: Key) => string }) {
  return (
    <div className={styles.counts}>
      <Count state="normal" n={counts.online} label={t('online')} testId="kpi-online" />
      <Count state={counts.worstAlarm ?? 'alarm'} n={counts.inAlarm} label={t('inAlarm')} testId="kpi-in-alarm" />
      <Count state="stale" n={counts.stale} label={t('stale')} testId="kpi-stale" />
      <Count state="no-data" n={counts.noData} label={t('noData')} testId="kpi-no-data" />
      {counts.offline > 0 ? <Count state="offline" n={counts.offline} label={t('offline')} testId="kpi-offline" /> : null}
    </div>
  );
}
