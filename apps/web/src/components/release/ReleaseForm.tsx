'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { kpiMessages } from '../../i18n/messages/kpi.ts';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { weatherNow, type WeatherNow } from '../../kpi/weather-now.ts';
import { buildReleaseRequest, ENGINE_CHEMICALS, sourcePosition, STABILITY_CLASSES, type FieldProblem, type ReleaseField, type ReleaseFormValues, type Stability } from '../../live/sim-run.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { formatInventory } from './release-format.ts';
import type { ReleaseState } from './ReleaseProvider.tsx';
import styles from './Release.module.css';

type T = ReturnType<typeof useT<keyof (typeof releaseMessages)['en']>>;

/** How often the form re-reads the live weather while open, ms. */
const WEATHER_REFRESH_MS = 2_000;

/** The wall's live weather (the KPI's rule: chosen station, class only from live data), refreshed while mounted. */
function useLiveWeather(): WeatherNow | null {
  const wall = useWall();
  const { site, devices } = wall;
  const stations = useMemo(() => site.sensors.filter((s) => s.kind === 'weather' && devices.has(s.id)), [site, devices]);
  const [now, setNow] = useState<WeatherNow | null>(null);
  useEffect(() => {
    const read = () => setNow(weatherNow({ stations, get: (id) => wall.live.get(id), origin: site.origin, nowMs: Date.now(), link: wall.link, means: wall.stationWind }));
    read();
    const timer = setInterval(read, WEATHER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [stations, wall.live, wall.link, wall.stationWind, site.origin]);
  return now;
}

/** The class the live weather gives, or null when the wall has no live weather. */
function liveStabilityOf(w: WeatherNow | null): Stability | null {
  return w && w.status === 'live' && w.stability ? w.stability.stabilityClass : null;
}

function Field({ label, problem, hint, t, children, htmlFor }: { label: string; problem?: FieldProblem; hint?: string; t: T; children: ReactNode; htmlFor?: string }) {
  return (
    <div className={styles.field} data-invalid={problem ? true : undefined}>
      <label className={styles.label} htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {problem ? (
        <p className={styles.problem} role="alert" data-testid="release-field-error">
          {t(problem.key, problem.values)}
        </p>
      ) : hint ? (
        <p className={styles.hint}>{hint}</p>
      ) : null}
    </div>
  );
}

function Segmented<V extends string>({ value, options, onChange, name }: { value: V; options: { value: V; label: string }[]; onChange(v: V): void; name: string }) {
  return (
    <div className={styles.segmented} role="radiogroup" aria-label={name}>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className={value === o.value ? styles.segOn : styles.seg} onClick={() => onChange(o.value)} data-value={o.value}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** The release form: source, chemical, rate or hole, duration, weather; validation next to each field. */
export function ReleaseForm({ release }: { release: ReleaseState }) {
  const t = useT(releaseMessages);
  const tKpi = useT(kpiMessages);
  const locale = useLocale();
  const { site } = useWall();
  const { form, setForm, equipment, picking, setPicking, run } = release;
  const weather = useLiveWeather();
  const liveStability = liveStabilityOf(weather);
  const [problems, setProblems] = useState<Partial<Record<ReleaseField, FieldProblem>>>({});
  const busy = run.phase === 'submitting' || run.phase === 'running';
  const [mode, setMode] = useState<'equipment' | 'point'>(form.source?.kind ?? 'equipment');

  const set = <K extends keyof ReleaseFormValues>(key: K, value: ReleaseFormValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
  };
  const selected = form.source?.kind === 'equipment' ? equipment.find((e) => e.id === (form.source as { equipmentId: string }).equipmentId) : undefined;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const boundary = site.kind === 'chemical-park' ? site.boundary : [];
    const built = buildReleaseRequest(site.id, { ...form, liveStability }, { boundary, sourceAt: sourcePosition(form.source, equipment) });
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems({});
    release.submit(built.request);
  };

  const live =
    weather && weather.status === 'live' && weather.windSpeedMS !== null && weather.windFromDeg !== null && liveStability
      ? t('liveNow', { dir: tKpi(`dir${weather.windFrom!}`), deg: Math.round(weather.windFromDeg), speed: weather.windSpeedMS.toFixed(1), c: liveStability })
      : null;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate data-testid="release-form">
      <Field label={t('source')} problem={problems.source} t={t}>
        <Segmented
          name={t('source')}
          value={mode}
          options={[
            { value: 'equipment', label: t('sourceEquipment') },
            { value: 'point', label: t('sourcePoint') },
          ]}
          onChange={(kind) => {
            setMode(kind);
            set('source', null);
            setPicking(kind === 'point' ? 'point' : null);
          }}
        />
        {mode === 'equipment' ? (
          <select
            className={styles.input}
            value={selected?.id ?? ''}
            data-testid="release-equipment"
            onChange={(e) => {
              const eq = equipment.find((x) => x.id === e.target.value);
              setForm((f) => ({ ...f, source: eq ? { kind: 'equipment', equipmentId: eq.id } : null, chemical: eq?.modellable ? eq.chemical : f.chemical }));
              setProblems((p) => ({ ...p, source: undefined, chemical: undefined }));
            }}
          >
            <option value="">{t('equipmentPlaceholder')}</option>
            {equipment.map((e) => (
              <option key={e.id} value={e.id}>
                {t('equipmentOption', { name: locale === 'zh-CN' ? e.name.zh : e.name.en, chemical: e.chemical, inventory: formatInventory(e.inventoryKg) })}
              </option>
            ))}
          </select>
        ) : (
          <p className={styles.value} data-testid="release-point">
            {form.source?.kind === 'point' ? t('pointAt', { east: Math.abs(form.source.eastM), ew: t(form.source.eastM < 0 ? 'west' : 'east'), north: Math.abs(form.source.northM), ns: t(form.source.northM < 0 ? 'south' : 'north') }) : t('noPoint')}
          </p>
        )}
        <button
          type="button"
          className={picking ? styles.buttonOn : styles.button}
          aria-pressed={picking !== null}
          onClick={() => setPicking(picking ? null : mode)}
          data-testid="release-pick"
          title={mode === 'equipment' ? t('pickEquipmentHint') : undefined}
        >
          {mode === 'equipment' ? t(picking ? 'pickingEquipment' : 'pickEquipmentOnPlan') : t(picking ? 'picking' : 'pickOnPlan')}
        </button>
      </Field>

      <Field label={t('chemical')} problem={problems.chemical} hint={selected ? t('chemicalHeld', { chemical: selected.chemical }) : undefined} t={t}>
        <select className={styles.input} value={form.chemical} onChange={(e) => set('chemical', e.target.value)} data-testid="release-chemical">
          <option value="">—</option>
          {ENGINE_CHEMICALS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>

      <Field label={t('sizing')} problem={form.sizing === 'rate' ? problems.rateKgS : problems.holeDiameterMm} hint={form.sizing === 'hole' ? t('holeHint') : undefined} t={t}>
        <div className={styles.row}>
          <Segmented
            name={t('sizing')}
            value={form.sizing}
            options={[
              { value: 'rate', label: t('sizingRate') },
              { value: 'hole', label: t('sizingHole') },
            ]}
            onChange={(v) => set('sizing', v)}
          />
          {form.sizing === 'rate' ? (
            <input className={styles.number} inputMode="decimal" aria-label={t('rateKgS')} placeholder={t('rateKgS')} value={form.rateKgS} onChange={(e) => set('rateKgS', e.target.value)} data-testid="release-rate" />
          ) : (
            <input className={styles.number} inputMode="decimal" aria-label={t('holeMm')} placeholder={t('holeMm')} value={form.holeDiameterMm} onChange={(e) => set('holeDiameterMm', e.target.value)} data-testid="release-hole" />
          )}
        </div>
      </Field>
      {form.sizing === 'hole' ? (
        <Field label={t('holeIn')} t={t}>
          <Segmented
            name={t('holeIn')}
            value={form.holePhase}
            options={[
              { value: 'liquid', label: t('holeInLiquid') },
              { value: 'gas', label: t('holeInVapour') },
              { value: 'auto', label: t('holeInAuto') },
            ]}
            onChange={(v) => set('holePhase', v)}
          />
        </Field>
      ) : null}

      <Field label={t('durationMin')} problem={problems.durationMin} hint={t('durationHint')} t={t} htmlFor="release-duration">
        <input id="release-duration" className={styles.number} inputMode="decimal" value={form.durationMin} onChange={(e) => set('durationMin', e.target.value)} data-testid="release-duration" />
      </Field>

      <Field label={t('weather')} problem={problems.weather} t={t}>
        <Segmented
          name={t('weather')}
          value={form.weather}
          options={[
            { value: 'live', label: t('weatherLive') },
            { value: 'manual', label: t('weatherManual') },
          ]}
          onChange={(v) => set('weather', v)}
        />
        {form.weather === 'live' ? (
          <p className={live ? styles.value : styles.hint} data-testid="release-live-weather">
            {live ?? t('liveNone')}
          </p>
        ) : (
          <div className={styles.manual}>
            <Field label={t('windSpeed')} problem={problems.windSpeedMS} t={t} htmlFor="release-wind-speed">
              <input id="release-wind-speed" className={styles.number} inputMode="decimal" value={form.windSpeedMS} onChange={(e) => set('windSpeedMS', e.target.value)} data-testid="release-wind-speed" />
            </Field>
            <Field label={t('windFrom')} problem={problems.windFromDeg} t={t} htmlFor="release-wind-from">
              <input id="release-wind-from" className={styles.number} inputMode="decimal" value={form.windFromDeg} onChange={(e) => set('windFromDeg', e.target.value)} data-testid="release-wind-from" />
            </Field>
            <Field label={t('stability')} problem={problems.stability} t={t} htmlFor="release-stability">
              <select id="release-stability" className={styles.input} value={form.stability} onChange={(e) => set('stability', e.target.value as Stability | '')} data-testid="release-stability">
                <option value="">{t('stabilityPick')}</option>
                {STABILITY_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </Field>

      <button type="submit" className={styles.run} disabled={busy} data-testid="release-run">
        {t('run')}
      </button>
    </form>
  );
}
