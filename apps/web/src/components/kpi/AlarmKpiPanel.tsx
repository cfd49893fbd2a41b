'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { pointKind, wallAlarmKpis, type AlarmKpis, type AlarmPointActivations } from '../../live/alarm-kpis.ts';
import { alarmKindText } from '../../live/alarm-format.ts';
import type { AlarmLoadStore } from '../../live/alarm-load-store.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { useWall } from '../../wall/WallContext.tsx';
import { useAlarmList } from '../alarms/use-alarm-list.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { MessageKey, Translate } from '../../i18n/messages-core.ts';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import { alarmKindMessages } from '../../i18n/messages/alarms.ts';
import { useHubAlarmKpis } from './use-alarm-kpis.ts';
import styles from './KpiPanel.module.css';
import own from './AlarmKpi.module.css';

type T = Translate<MessageKey<typeof alarmWallMessages>>;

const NO_LOAD = { subscribe: () => () => undefined, load: null };

/**
 * Alarm-system performance on the site wall (EEMUA 191): alarms per 10 min, standing alarms,
 * chattering points, stale sensors, the top five bad actors of 24 h and the month's false-alarm
 * rate. The hub computes them; the live counts (standing, per 10 min) come from the socket so they
 * move at once; without the hub's route the wall shows what it can work out itself, and says so.
 */
export function AlarmKpiPanel({ alarmLoad }: { alarmLoad?: AlarmLoadStore | null }) {
  const t = useT(alarmWallMessages);
  const now = useNow();
  const { site, alarms, token, hubUrl } = useWall();
  const list = useAlarmList(alarms);
  const loadStore = alarmLoad ?? NO_LOAD;
  const subscribe = useCallback((onChange: () => void) => loadStore.subscribe(onChange), [loadStore]);
  const load = useSyncExternalStore(
    subscribe,
    () => loadStore.load,
    () => null,
  );
  const hub = useHubAlarmKpis(hubUrl, token, site.id);
  const wall = useMemo(() => wallAlarmKpis(list, load, now), [list, load, now]);
  const kpis: AlarmKpis = hub ? { ...hub, standing: wall.standing, activationsLast10Min: wall.activationsLast10Min ?? hub.activationsLast10Min } : wall;
  const per10 = kpis.activationsLast10Min;

  return (
    <section className={styles.card} aria-labelledby="kpi-alarms" data-testid="alarm-kpis" data-source={kpis.source}>
      <h2 id="kpi-alarms" className={styles.title}>
        {t('kpiTitle')}
      </h2>
      <div className={`${styles.counts} ${own.counts}`}>
        <div className={styles.count} data-testid="kpi-alarms-10min" data-zero={per10 === 0}>
          <span className={styles.countN}>{per10 === null ? t('kpiUnknown') : per10.toLocaleString()}</span>
          <span className={styles.countLabel}>{t('kpiPer10Min')}</span>
        </div>
        <div className={styles.count} data-testid="kpi-alarms-standing" data-zero={kpis.standing === 0}>
          <span className={styles.countN}>{kpis.standing.toLocaleString()}</span>
          <span className={styles.countLabel}>{t('kpiStanding')}</span>
        </div>
      </div>
      <PointList title={t('kpiChattering')} points={kpis.chattering} t={t} testId="kpi-chattering" />
      <div className={own.block}>
        <h3 className={styles.title}>
          {t('kpiStale')} {kpis.stale.length > 0 ? <span className={styles.sub}>({kpis.stale.length})</span> : null}
        </h3>
        <p className={kpis.stale.length > 0 ? own.stale : styles.muted} data-testid="kpi-stale-sensors" data-count={kpis.stale.length}>
          {kpis.stale.length > 0 ? staleText(kpis.stale.map((s) => s.deviceId)) : t('kpiNone')}
        </p>
      </div>
      <PointList title={t('kpiBadActors')} points={kpis.badActors} t={t} testId="kpi-bad-actors" />
      <div className={own.block}>
      <h3 className={styles.title}>{t('kpiFalseRate', { month: kpis.falseAlarmRate?.month ?? '' })}</h3>
      <p className={styles.lead} data-testid="kpi-false-rate">
        {kpis.falseAlarmRate ? (
          <>
            {kpis.falseAlarmRate.pct.toFixed(1)} %{' '}
            <span className={styles.sub}>{t('kpiFalseDetail', { falseCount: kpis.falseAlarmRate.falseCount, total: kpis.falseAlarmRate.total })}</span>
          </>
        ) : (
          t('kpiUnknown')
        )}
      </p>
      </div>
      {kpis.source === 'wall' ? <p className={styles.source}>{t('kpiSourceWall')}</p> : null}
    </section>
  );
}

/** A short list of alarm points with their activations, a bar each (scaled to the first). */
function PointList({ title, points, t, testId }: { title: string; points: readonly AlarmPointActivations[]; t: T; testId: string }) {
  const top = points[0]?.activations ?? 1;
  const tKind = useT(alarmKindMessages);
  return (
    <div className={own.block}>
      <h3 className={styles.title}>{title}</h3>
      {points.length === 0 ? (
        <p className={styles.muted} data-testid={testId}>
          {t('kpiNone')}
        </p>
      ) : (
        <ol className={styles.rows} data-testid={testId}>
          {points.slice(0, 5).map((p) => (
            <li key={p.alarmId} className={styles.row} title={p.alarmId}>
              <span className={styles.rowName}>
                <span className="mono">{p.deviceId}</span>
                <span className={own.kind}>{alarmKindText(pointKind(p.alarmId), tKind)}</span>
              </span>
              <span className={styles.rowBar} style={{ width: `${Math.max(4, (p.activations / top) * 100)}%` }} />
              <span className={styles.rowN}>{t('kpiActivations', { n: p.activations })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Stale sensors shown by name; the rest counted, so a dead gateway does not fill the panel. */
const STALE_SHOWN = 6;
function staleText(deviceIds: readonly string[]): string {
  const shown = deviceIds.slice(0, STALE_SHOWN).join(', ');
  return deviceIds.length > STALE_SHOWN ? `${shown} +${deviceIds.length - STALE_SHOWN}` : shown;
}
