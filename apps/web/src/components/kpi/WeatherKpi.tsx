'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { kpiMessages } from '../../i18n/messages/kpi.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import type { StabilityInputUsed } from '../../kpi/site-stability.ts';
import type { WeatherNow } from '../../kpi/weather-now.ts';
import type { CompassPoint } from '../../kpi/wind.ts';
import styles from './KpiPanel.module.css';

type Key = keyof (typeof kpiMessages)['en'];
type T = (key: Key, values?: Record<string, string | number>) => string;
const DIR_KEY: Readonly<Record<CompassPoint, Key>> = { N: 'dirN', NE: 'dirNE', E: 'dirE', SE: 'dirSE', S: 'dirS', SW: 'dirSW', W: 'dirW', NW: 'dirNW' };
const INSOLATION_KEY = { strong: 'insolationStrong', moderate: 'insolationModerate', slight: 'insolationSlight', weak: 'insolationWeak' } as const satisfies Record<string, Key>;

/** Weather: a wind arrow pointing where the wind blows, "from NE, 3.2 m/s", temperature, and the stability class with the inputs it used; stale weather is greyed and says since when. */
export function WeatherKpi({ weather }: { weather: WeatherNow }) {
  const t = useT(kpiMessages);
  const head = <h2 id="kpi-weather" className={styles.title}>{t('weatherTitle')}</h2>;
  if (weather.status === 'no-station' || weather.status === 'no-data') {
    return (
      <section className={styles.card} aria-labelledby="kpi-weather" data-testid="kpi-weather" data-state={weather.status}>
        {head}
        <p className={styles.muted}>{weather.status === 'no-station' ? t('noStation') : `✕ ${t('weatherNoData', { id: weather.deviceId })}`}</p>
      </section>
    );
  }
  const live = weather.status === 'live';
  return (
    <section className={`${styles.card} ${live ? '' : styles.notLive}`} aria-labelledby="kpi-weather" data-testid="kpi-weather" data-state={weather.status}>
      {head}
      {live ? null : (
        <p className={styles.staleBadge} role="status">
          ○ {t(weather.status === 'stale' ? 'staleWeather' : 'offlineWeather', { time: clockTime(weather.observedAtMs) })}
        </p>
      )}
      <div className={styles.wind}>
        {weather.windToDeg === null ? null : (
          <svg className={styles.windArrow} viewBox="-20 -20 40 40" role="img" aria-label={t('windArrow', { deg: Math.round(weather.windToDeg) })}>
            <circle r="18" className={styles.windRing} />
            <g transform={`rotate(${weather.windToDeg.toFixed(1)})`}>
              <path d="M0 -15 L7 -3 L2 -4 L2 14 L-2 14 L-2 -4 L-7 -3 Z" className={styles.windPath} />
            </g>
            <text y="-19.5" className={styles.windNorth}>N</text>
          </svg>
        )}
        <div>
          <p className={styles.windText} data-testid="kpi-wind">
            {weather.windFrom !== null && weather.windSpeedMS !== null
              ? t('windFrom', { dir: t(DIR_KEY[weather.windFrom]), speed: weather.windSpeedMS.toFixed(1) })
              : t('windUnknown')}
          </p>
          {weather.airTempC === null ? null : <p className={styles.temp}>{t('airTemp', { t: weather.airTempC.toFixed(1) })}</p>}
        </div>
      </div>
      <div className={styles.stability} data-testid="kpi-stability">
        <span className={styles.stabilityLabel}>{t('stabilityTitle')}</span>
        {weather.stability ? (
          <>
            <span className={styles.stabilityClass}>
              {t('stabilityClass', { c: weather.stability.stabilityClass })}
              {weather.stability.table.length > 1 ? <span className={styles.sub}> ({t('stabilityTable', { t: weather.stability.table })})</span> : null}
            </span>
            <ul className={styles.inputs} title={weather.stability.explanation}>
              {weather.stability.inputs.map((input) => (
                <li key={input.kind}>{inputText(input, t)}</li>
              ))}
            </ul>
          </>
        ) : (
          <span className={styles.muted}>{t('stabilityNone')}</span>
        )}
      </div>
      <p className={styles.source}>{t('station', { id: weather.deviceId, h: weather.stationHeightM, time: clockTime(weather.observedAtMs) })}</p>
    </section>
  );
}

/** One input of the stability class, in words. */
function inputText(input: StabilityInputUsed, t: T): string {
  switch (input.kind) {
    case 'wind': {
      const wind = { speed: input.windSpeedMS.toFixed(1), h: input.anemometerHeightM ?? '?' };
      if (input.averagedOverMs === null) return t('usedWind', wind);
      // Under a minute in seconds: two readings a second apart are no "1-min mean".
      return input.averagedOverMs < 60_000
        ? t('usedWindMeanS', { ...wind, s: Math.round(input.averagedOverMs / 1000) })
        : t('usedWindMean', { ...wind, min: Math.round(input.averagedOverMs / 60_000) });
    }
    case 'time':
      return t(input.period === 'day' ? 'usedDay' : 'usedNight', { el: Math.round(input.solarElevationDeg) });
    case 'insolation':
      return input.from === 'radiation'
        ? t('usedRadiation', { rad: Math.round(input.solarRadWM2), cat: t(INSOLATION_KEY[input.category]) })
        : t('usedSunElevation', { el: Math.round(input.solarElevationDeg), cat: t(INSOLATION_KEY[input.category]) });
    case 'cloud':
      return t('usedCloud');
  }
}
