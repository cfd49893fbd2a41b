'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import type { AlarmStore } from '../../live/alarm-store.ts';

/** The store's standing list, re-rendering on each change (the same array until something changes). */
export function useAlarmList(alarms: AlarmStore): readonly AlarmView[] {
  const subscribe = useCallback((onChange: () => void) => alarms.subscribe(onChange), [alarms]);
  return useSyncExternalStore(
    subscribe,
    () => alarms.alarms,
    () => alarms.alarms,
  );
}
