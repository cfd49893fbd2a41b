'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { detailMessages } from '../../i18n/messages/detail.ts';
import { clockTime } from '../../kpi/clock-time.ts';
import { activatedAtMs } from '../../live/alarm-list.ts';
import { alarmReadingText, alarmStateText } from '../../live/alarm-format.ts';
import { alarmMessages } from '../../i18n/messages/alarms.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import { formatValue } from '../../live/format.ts';
import { AlarmLevelBadge } from '../alarms/AlarmLevelBadge.tsx';
import { setpointLines, type DeviceDescription, type SetpointKey } from './device-description.ts';
import styles from './SensorDetail.module.css';

type Key = keyof (typeof detailMessages)['en'];
const SP_KEY: Readonly<Record<SetpointKey, Key>> = {
  lowLow: 'spLowLow',
  low: 'spLow',
  high: 'spHigh',
  highHigh: 'spHighHigh',
  powerCut: 'spPowerCut',
  powerRestore: 'spPowerRestore',
};

/** The device's set-points (with their basis) and its worst standing alarm, live from the alarm store. */
export function SetpointsAndAlarm({ desc, alarms }: { desc: DeviceDescription; alarms: AlarmStore }) {
  const t = useT(detailMessages);
  const tAlarm = useT(alarmMessages);
  const { deviceId, sensor } = desc;
  const subscribe = useCallback((onChange: () => void) => alarms.subscribeDevice(deviceId, onChange), [alarms, deviceId]);
  const alarm = useSyncExternalStore(subscribe, () => alarms.forDevice(deviceId), () => undefined);
  const metric = sensor?.setpoints?.metric ?? null;
  const unit = metric ? (desc.metrics[metric]?.unit ?? '') : '';
  const rows = metric ? setpointLines(sensor, metric).flatMap((l) => l.keys.map((k) => ({ key: k, value: l.value }))) : [];
  const order: SetpointKey[] = ['highHigh', 'powerCut', 'high', 'powerRestore', 'low', 'lowLow'];
  rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return (
    <div className={styles.twoCol}>
      <section aria-label={t('setpointsTitle')} data-testid="detail-setpoints">
        <h3 className={styles.sectionTitle}>{t('setpointsTitle')}</h3>
        {rows.length === 0 ? (
          <p className={styles.muted}>{t('noSetpoints')}</p>
        ) : (
          <>
            <table className={styles.setpoints}>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-setpoint={r.key}>
                    <th scope="row">{t(SP_KEY[r.key])}</th>
                    <td>
                      {formatValue(r.value)} {unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {sensor?.setpoints?.basis ? <p className={styles.basis}>{t('spBasis', { basis: sensor.setpoints.basis })}</p> : null}
          </>
        )}
      </section>
      <section aria-label={t('alarmTitle')} data-testid="detail-alarm">
        <h3 className={styles.sectionTitle}>{t('alarmTitle')}</h3>
        {alarm ? (
          <div className={styles.alarm}>
            <AlarmLevelBadge level={alarm.level} kind={alarm.kind} />
            <span className={styles.alarmState}>{alarmStateText(alarm, tAlarm)}</span>
            <span className={styles.alarmReading}>{alarmReadingText(alarm, desc.metrics[alarm.metric]?.unit, tAlarm)}</span>
            <span className={styles.muted}>{t('alarmSince', { time: clockTime(activatedAtMs(alarm)), count: alarm.count })}</span>
          </div>
        ) : (
          <p className={styles.muted}>{t('noAlarm')}</p>
        )}
      </section>
    </div>
  );
}
