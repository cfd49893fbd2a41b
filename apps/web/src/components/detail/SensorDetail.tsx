'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { detailMessages, kindMessages } from '../../i18n/messages/detail.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import { FLAG_UNIT, formatMetricValue } from '../../live/format.ts';
import { metricLabel } from '../../live/labels.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { rgbCss } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES, showsLiveValue } from '../../wall/sensor-visual.ts';
import { deviceVisual, useWall, type WallState } from '../../wall/WallContext.tsx';
import { DetailFacts } from './DetailFacts.tsx';
import { describeDevice, setpointLines, type DeviceDescription } from './device-description.ts';
import { kindName } from './kind-name.ts';
import { SetpointsAndAlarm } from './SetpointsAndAlarm.tsx';
import { TrendChart } from './TrendChart.tsx';
import styles from './SensorDetail.module.css';

/**
 * The selected device: what and where it is, its live values with units (a stale value is shown
 * as "stale — last value X at HH:MM:SS", never as live), its set-points and worst standing alarm,
 * and the last hour's trend from the hub's history API, extended live. Escape or ✕ closes it.
 */
export function SensorDetail() {
  const wall = useWall();
  const { site, devices, selectedDeviceId, selectDevice } = wall;
  const t = useT(detailMessages);
  const tKind = useT(kindMessages);
  const close = useCallback(() => selectDevice(null), [selectDevice]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  const desc = useMemo(
    () => (selectedDeviceId ? describeDevice(site, devices.get(selectedDeviceId), selectedDeviceId) : null),
    [site, devices, selectedDeviceId],
  );
  if (!selectedDeviceId) return null;
  const closeButton = (
    <button type="button" className={styles.close} onClick={close} aria-label={t('closeLabel')} title={t('close')}>
      ✕
    </button>
  );
  if (!desc) {
    return (
      <section className={styles.panel} data-testid="sensor-detail" role="alert">
        <header className={styles.head}>
          <h2 className={styles.id}>{selectedDeviceId}</h2>
          {closeButton}
        </header>
        <p className={styles.muted}>{t('unknownDevice', { id: selectedDeviceId })}</p>
      </section>
    );
  }
  return (
    <section className={styles.panel} data-testid="sensor-detail" data-device-id={desc.deviceId} aria-label={t('title')}>
      <header className={styles.head}>
        <h2 className={styles.id}>
          <span className="mono">{desc.deviceId}</span>
          <span className={styles.kind}>{kindName(tKind, desc.kind)}</span>
        </h2>
        {closeButton}
      </header>
      <DetailFacts desc={desc} />
      <LiveValues key={desc.deviceId} wall={wall} desc={desc} />
    </section>
  );
}

/** Values, set-points, alarm and trend of one device; keyed by device so its state starts afresh. */
function LiveValues({ wall, desc }: { wall: WallState; desc: DeviceDescription }) {
  const t = useT(detailMessages);
  const { live, alarms } = wall;
  const { deviceId } = desc;
  const subscribe = useCallback((onChange: () => void) => live.subscribeDevice(deviceId, onChange), [live, deviceId]);
  const sample = useSyncExternalStore(subscribe, () => live.get(deviceId), () => undefined);
  const now = useNow();
  const state = deviceVisual(wall, deviceId, now || Date.now());
  const isLive = showsLiveValue(state);
  const style = SENSOR_VISUAL_STYLES[state];
  const metrics = Object.entries(desc.metrics);
  const [metric, setMetric] = useState(desc.primaryMetric);
  const unit = metric ? (desc.metrics[metric]?.unit ?? '') : '';
  const lines = useMemo(() => (metric ? setpointLines(desc.sensor, metric) : []), [desc.sensor, metric]);
  const valueText = (name: string, u: string) => {
    const v = sample?.reading.values[name];
    if (v === undefined) return '—';
    const text = u === FLAG_UNIT ? t(v !== 0 ? 'on' : 'off') : formatMetricValue(v, u);
    return u && u !== FLAG_UNIT ? `${text} ${u}` : text;
  };
  const badge = isLive ? t('stateLive') : state === 'stale' ? t('stateStale') : state === 'offline' ? t('stateOffline') : t('stateNoData');
  const primary = desc.primaryMetric;
  const notLiveLine =
    !isLive && sample && primary
      ? t(state === 'offline' ? 'offlineLine' : 'staleLine', { value: valueText(primary, desc.metrics[primary]?.unit ?? ''), time: clockTime(sample.reading.ts) })
      : !sample
        ? t('noDataLine')
        : null;

  return (
    <>
      <div className={`${styles.values} ${isLive ? '' : styles.notLive}`} data-state={state} data-testid="detail-values">
        <div className={styles.stateRow}>
          <span className={styles.badge} style={{ color: rgbCss(style.rgb), borderColor: rgbCss(style.rgb) }}>
            <span aria-hidden="true">{style.glyph}</span> {badge}
          </span>
          {notLiveLine ? <span className={styles.notLiveLine} data-testid="detail-not-live">{notLiveLine}</span> : null}
        </div>
        <dl className={styles.metricGrid}>
          {metrics.map(([name, info]) => (
            <div key={name} className={styles.metric} data-metric={name}>
              <dt>{metricLabel(name, info.unit)}</dt>
              <dd className={isLive ? styles.valueLive : styles.valueOld}>{valueText(name, info.unit)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <SetpointsAndAlarm desc={desc} alarms={alarms} />
      {metrics.length > 1 ? (
        <div className={styles.tabs} role="tablist">
          {metrics.map(([name, info]) => (
            <button key={name} type="button" role="tab" aria-selected={name === metric} className={styles.tab} onClick={() => setMetric(name)}>
              {metricLabel(name, info.unit)}
            </button>
          ))}
        </div>
      ) : null}
      {metric ? <TrendChart wall={wall} deviceId={deviceId} metric={metric} unit={unit} intervalMs={desc.intervalMs} lines={lines} /> : null}
    </>
  );
}
