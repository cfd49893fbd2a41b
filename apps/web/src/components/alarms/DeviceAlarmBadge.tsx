'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { alarmStateText } from '../../live/alarm-format.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import { AlarmLevelBadge } from './AlarmLevelBadge.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmMessages } from '../../i18n/messages/alarms.ts';

/** A table row's alarm marker: the device's worst standing alarm; re-renders only when that alarm changes. */
export function DeviceAlarmBadge({ deviceId, alarms }: { deviceId: string; alarms: AlarmStore }) {
  const t = useT(alarmMessages);
  const subscribe = useCallback((onChange: () => void) => alarms.subscribeDevice(deviceId, onChange), [alarms, deviceId]);
  const alarm = useSyncExternalStore(
    subscribe,
    () => alarms.forDevice(deviceId),
    () => undefined,
  );
  if (!alarm) return null;
  // Shelved, suppressed or out of service: outlined and muted, as in the panel (the title says which).
  const muted = alarm.state === 'shelved' || alarm.state === 'suppressed' || alarm.state === 'out-of-service';
  return (
    <span className={muted ? 'device-alarm device-alarm--muted' : 'device-alarm'} data-alarm-badge={alarm.state} title={`${alarm.metric}: ${alarmStateText(alarm, t)}`}>
      <AlarmLevelBadge level={alarm.level} kind={alarm.kind} compact />
    </span>
  );
}
