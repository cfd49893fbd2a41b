'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { deviceState, type DeviceState, type LinkState } from '../../live/device-state.ts';
import type { LiveStore } from '../../live/live-store.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { StateBadge } from './StateBadge.tsx';

/** Counts of devices per state over the whole site (not just the filtered rows). */
export function LiveSummary({ devices, store, link }: { devices: readonly DeviceInfo[]; store: LiveStore; link: LinkState }) {
  const subscribe = useCallback((onChange: () => void) => store.subscribeAny(onChange), [store]);
  useSyncExternalStore(subscribe, () => store.version, () => 0);
  const now = useNow();
  const counts: Record<DeviceState, number> = { live: 0, stale: 0, offline: 0, 'no-data': 0, waiting: 0 };
  for (const device of devices) counts[deviceState(store.get(device.deviceId), device.intervalMs, now, link)]++;
  const shown = (['live', 'offline', 'stale', 'no-data', 'waiting'] as const).filter((state) => counts[state] > 0 || state === 'live');
  return (
    <ul className="live-summary" aria-label="Sensor states">
      {shown.map((state) => (
        <li key={state} data-summary={state}>
          <span className="live-summary__count">{counts[state]}</span> <StateBadge state={state} />
        </li>
      ))}
    </ul>
  );
}
