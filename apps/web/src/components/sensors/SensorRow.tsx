'use client';

import { memo, useCallback, useSyncExternalStore } from 'react';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import { deviceState, sampleAgeMs, type LinkState } from '../../live/device-state.ts';
import { FLAG_UNIT, formatAge, formatMetricValue } from '../../live/format.ts';
import { kindLabel, metricLabel } from '../../live/labels.ts';
import type { LiveStore } from '../../live/live-store.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { DeviceAlarmBadge } from '../alarms/DeviceAlarmBadge.tsx';
import { StateBadge } from './StateBadge.tsx';

/** Props of one sensor row. */
export interface SensorRowProps {
  device: DeviceInfo;
  store: LiveStore;
  /** Standing alarms: the row shows its device's worst one next to the state. */
  alarms: AlarmStore;
  /** The hub link: rows without data show WAITING until the first subscribe answer; recent values are LIVE only while it is up. */
  link: LinkState;
}

/** One device: id, kind, owner, each metric with its unit, age and state; re-renders only for its own readings, its own alarms and the 1 Hz clock. */
export const SensorRow = memo(function SensorRow({ device, store, alarms, link }: SensorRowProps) {
  const { deviceId } = device;
  const subscribe = useCallback((onChange: () => void) => store.subscribeDevice(deviceId, onChange), [store, deviceId]);
  const sample = useSyncExternalStore(
    subscribe,
    () => store.get(deviceId),
    () => undefined,
  );
  const now = useNow();
  const state = deviceState(sample, device.intervalMs, now, link);
  const age = sample ? formatAge(sampleAgeMs(sample, now)) : '—';

  return (
    <tr className={`sensor-row sensor-row--${state}`} data-device-id={deviceId} data-state={state} data-enterprise={device.enterpriseId ?? 'site-wide'}>
      <td className="sensor-row__id">
        <span className="mono">{deviceId}</span>
        {device.label ? <span className="sensor-row__label">{device.label}</span> : null}
      </td>
      <td className="sensor-row__kind">{kindLabel(device.kind)}</td>
      <td className="sensor-row__owner">{device.enterpriseId ?? 'Site-wide'}</td>
      <td className="sensor-row__values">
        <div className="metric-list">
          {Object.entries(device.metrics).map(([metric, info]) => {
            const value = sample?.reading.values[metric];
            return (
              <span className="metric" key={metric} data-metric={metric}>
                <span className="metric__name">{metricLabel(metric, info.unit)}</span>
                <span className="metric__value">{value === undefined ? '—' : formatMetricValue(value, info.unit)}</span>
                {value === undefined || info.unit === FLAG_UNIT ? null : <span className="metric__unit">{info.unit}</span>}
              </span>
            );
          })}
        </div>
      </td>
      <td className="sensor-row__age" title={sample ? new Date(sample.reading.ts).toISOString() : undefined}>
        {state === 'stale' || state === 'offline' ? `${age} ago` : state === 'live' ? age : '—'}
      </td>
      <td className="sensor-row__state">
        <div className="sensor-row__badges">
          <StateBadge state={state} />
          <DeviceAlarmBadge deviceId={deviceId} alarms={alarms} />
        </div>
      </td>
    </tr>
  );
});
