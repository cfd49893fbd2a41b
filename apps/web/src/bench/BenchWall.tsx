'use client';

import { useEffect, useMemo, useState } from 'react';
import { deviceCatalogue } from '@safetwin/twin-models';
import { AlarmStore } from '../live/alarm-store.ts';
import { LiveStore } from '../live/live-store.ts';
import { NowProvider } from '../live/NowProvider.tsx';
import type { HubConnection } from '../live/use-hub-socket.ts';
import { SiteWallView } from '../components/wall/SiteWall.tsx';
import type { WallFocus, WallState } from '../wall/WallContext.tsx';
import { startBenchFeed } from './bench-feed.ts';
import { syntheticMine, type SyntheticSize } from './synthetic-mine.ts';

/** The whole site wall on a synthetic site, fed by the simulator in the page (no hub): what `npm run bench:wall` measures. */
export function BenchWall({ size }: { size: SyntheticSize }) {
  const [setup] = useState(() => {
    const site = syntheticMine(size);
    return { site, devices: new Map(deviceCatalogue(site)), live: new LiveStore(), alarms: new AlarmStore() };
  });
  const [connection, setConnection] = useState<HubConnection>({ status: 'connecting', detail: null, sinceMs: 0, hubUrl: null });
  const [selectedDeviceId, selectDevice] = useState<string | null>(null);
  const [focus, setFocus] = useState<WallFocus | null>(null);

  useEffect(
    () =>
      startBenchFeed(setup.site, setup.live, () => {
        setup.live.markPrimed();
        setup.alarms.replace([]);
        setConnection({ status: 'live', detail: 'synthetic feed', sinceMs: Date.now(), hubUrl: null });
      }),
    [setup],
  );

  const wall = useMemo<WallState>(
    () => ({
      ...setup,
      connection,
      link: connection.status === 'live' ? 'up' : 'waiting',
      role: 'commander',
      token: '',
      hubUrl: null,
      selectedDeviceId,
      selectDevice,
      focus,
      setFocus,
    }),
    [setup, connection, selectedDeviceId, focus],
  );
  return (
    <NowProvider>
      <SiteWallView wall={wall} />
    </NowProvider>
  );
}
