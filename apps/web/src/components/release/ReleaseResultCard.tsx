'use client';

import type { SimRunView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { engineLines } from '../../i18n/engine-notes.ts';
import { kpiMessages } from '../../i18n/messages/kpi.ts';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { isMessageKey, type MessageKey, type Translate } from '../../i18n/messages-core.ts';
import { compassPoint } from '../../kpi/wind.ts';
import { releaseContextOf, worstFirst, type AssessmentView } from '../../live/sim-run.ts';
import { rgbCss } from '../../wall/palette.ts';
import { zoneRgb } from '../map/threat-zone-layers.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { pointNameIn } from './point-names.ts';
import { formatAfter, formatAgeS, formatKm, formatPpm } from './release-format.ts';
import styles from './Release.module.css';

/** Points listed in the card (worst first); the rest are summarised. */
const MAX_POINTS = 12;

/** The result of a run: what was modelled and how, the levels with their distances, warnings, weather origin, and the threat at points. */
export function ReleaseResultCard({ run, result, drill, onClear, onEdit }: { run: SimRunView; result: AssessmentView; drill: boolean; onClear(): void; onEdit(): void }) {
  const t = useT(releaseMessages);
  const tKpi = useT(kpiMessages);
  const locale = useLocale();
  const { site } = useWall();
  const release = releaseContextOf(run.context);
  const input = run.input as { release?: { rateKgS?: number; durationS?: number } };
  const durationS = release?.durationS ?? input.release?.durationS ?? null;
  const weather = run.context.weather;
  const points = worstFirst(result.points);
  const threatened = points.filter((p) => p.worstLevel !== null);
  const dir = (deg: number) => tKpi(`dir${compassPoint(deg)}`);
  const sorted = [...result.zones.metadata.zones].sort((a, b) => b.ppm - a.ppm);
  const warnings = [...engineLines(result.warnings, result.warningNotes, locale), ...(release ? engineLines(release.warnings, release.warningNotes, locale) : [])];
  const explanations = [...engineLines(result.explanations, result.explanationNotes, locale), ...(release ? engineLines(release.explanations, release.explanationNotes, locale) : [])];

  return (
    <section className={styles.card} data-testid="release-result" data-model={result.model} data-sigma={result.sigma}>
      <header className={styles.cardHead}>
        <h2 className={styles.cardTitle}>
          {drill ? <span className={styles.drillTag}>{t('resultDrill')}</span> : null}
          {t('resultTitle', { chemical: result.chemical.id })}
        </h2>
        <div className={styles.cardActions}>
          <button type="button" className={styles.button} onClick={onEdit} data-testid="release-edit">
            {t('edit')}
          </button>
          <button type="button" className={styles.button} onClick={onClear} title={t('clearHint')} data-testid="release-clear">
            {t('clear')}
          </button>
        </div>
      </header>

      <ul className={styles.levels} aria-label={t('levels')}>
        {sorted.map((z) => (
          <li key={z.label} data-color={z.color}>
            <span className={styles.swatch} style={{ background: rgbCss(zoneRgb(z.color)) }} aria-hidden="true" />
            <span className={styles.levelLabel}>{z.label}</span>
            <span className={styles.levelPpm}>{formatPpm(z.ppm)} ppm</span>
            <span className={styles.levelDist}>{z.distanceM > 1 ? t('levelDistance', { km: formatKm(z.distanceM) }) : t('levelNone')}</span>
          </li>
        ))}
      </ul>

      <h3 className={styles.subTitle}>{t('points')}</h3>
      {threatened.length === 0 ? <p className={styles.hint}>{t('pointsNone', { n: points.length })}</p> : null}
      <ol className={styles.points} data-testid="release-points">
        {threatened.slice(0, MAX_POINTS).map((p) => {
          const level = p.worstLevel ? sorted.find((z) => z.ppm === p.worstLevel!.ppm) : undefined;
          return (
            <li key={p.id} data-level={level?.color ?? 'none'}>
              <span className={styles.swatch} style={{ background: level ? rgbCss(zoneRgb(level.color)) : 'transparent' }} aria-hidden="true" />
              <span className={styles.pointName} data-testid="release-point-name">{pointNameIn(p.id, site, locale, t) ?? p.label ?? p.id}</span>
              <span className={styles.pointFacts}>
                {p.worstLevel ? `${p.worstLevel.label} · ` : ''}
                {t('pointPeak', { ppm: formatPpm(p.peakPpm) })}
                {p.arrivalS !== null ? ` · ${t('pointArrival', { t: formatAfter(p.arrivalS) })}` : p.worstLevel && p.peakAtS === null ? ` · ${t('pointSteady')}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      {threatened.length > 0 && points.length > Math.min(threatened.length, MAX_POINTS) ? (
        <p className={styles.hint}>{t('pointsMore', { n: points.length - Math.min(threatened.length, MAX_POINTS) })}</p>
      ) : null}

      <dl className={styles.facts}>
        <dt>{t('model')}</dt>
        <dd data-testid="release-model" data-model={result.model}>{named(t, 'model_', result.model)}</dd>
        <dt>{t('sigma')}</dt>
        <dd data-testid="release-sigma" data-sigma={result.sigma}>{named(t, 'sigma_', result.sigma)}</dd>
        <dt>{t('stabilityClass')}</dt>
        <dd>{result.stability}</dd>
        <dt>{t('wind')}</dt>
        <dd>{t('windValue', { dir: dir(result.windFromDeg), deg: Math.round(result.windFromDeg), speed: result.windSpeedMS.toFixed(1) })}</dd>
        <dt>{t('releaseRate')}</dt>
        <dd data-testid="release-rate-text">
          {release
            ? t('holeValue', {
                mm: Math.round(release.holeDiameterM * 1000),
                kpa: Math.round((release.pressurePa - 101_325) / 1000),
                tc: Math.round(release.temperatureK - 273.15),
                rate: formatPpm(release.rateKgS),
                phase: t(release.phase === 'gas' ? 'phaseGas' : 'phaseLiquid') + (release.choked ? `, ${t('choked')}` : '') + (release.flashFraction !== undefined ? `, ${t('flash', { pct: Math.round(release.flashFraction * 100) })}` : ''),
                air: formatPpm(release.airborneRateKgS),
              })
            : t('rateValue', { rate: formatPpm(input.release?.rateKgS ?? 0) })}
          {release?.maxDurationS ? <span className={styles.sub}> · {t('inventoryLasts', { min: Math.round(release.maxDurationS / 60) })}</span> : null}
        </dd>
        <dt>{t('duration')}</dt>
        <dd>{durationS ? t('durationValue', { min: Number((durationS / 60).toFixed(1)) }) : t('steady')}</dd>
        <dt>{t('weatherOrigin')}</dt>
        <dd>
          {weather.from === 'live'
            ? t('weatherLiveOrigin', { device: weather.deviceId, age: formatAgeS(((run.startedAt ?? run.createdAt) - weather.observedAt) / 1000) })
            : t('weatherManualOrigin')}
        </dd>
        <dt>{t('engine')}</dt>
        <dd>
          {result.engine.name} {result.engine.version}
        </dd>
        <dt>{t('runId')}</dt>
        <dd className={styles.mono} data-testid="release-run-id">{run.id}</dd>
      </dl>

      {explanations.length > 0 ? (
        <details className={styles.details} data-testid="release-why">
          <summary>{t('why')}</summary>
          <ul>
            {explanations.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {warnings.length > 0 ? (
        <details className={`${styles.details} ${styles.warnings}`} open data-testid="release-warnings">
          <summary>⚠ {t('warnings')}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}

    </section>
  );
}

type ReleaseKey = MessageKey<typeof releaseMessages>;

/** An engine id (a model, a σ set) by its name in the UI language; an id the wall has no name for as it is. */
function named(t: Translate<ReleaseKey>, prefix: 'model_' | 'sigma_', id: string): string {
  const key = `${prefix}${id}`;
  return isMessageKey(releaseMessages, key) ? t(key) : id;
}
