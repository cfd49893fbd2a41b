'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import type { Role } from '@safetwin/protocol';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { AlarmStore } from '../../live/alarm-store.ts';
import { groupDevices, kindCounts, type EnterpriseNames, type GroupBy } from '../../live/device-filter.ts';
import { linkStateOf, quietAfterMs, type LinkState } from '../../live/device-state.ts';
import { LiveStore } from '../../live/live-store.ts';
import { NowProvider } from '../../live/NowProvider.tsx';
import { useHubSocket } from '../../live/use-hub-socket.ts';
import { AlarmPanel } from '../alarms/AlarmPanel.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { LiveSummary } from './LiveSummary.tsx';
import { SensorFilters } from './SensorFilters.tsx';
import { SensorTable } from './SensorTable.tsx';

/** What the server page hands the live list: the site, its devices, and how to reach the hub as this user. */
export interface LiveSensorListProps {
  siteId: string;
  devices: DeviceInfo[];
  /** Enterprise id → name, for group titles and search. */
  enterpriseNames: EnterpriseNames;
  /** The user's hub token, for the socket.io handshake. */
  token: string;
  /** Public hub URL from the server's config; null: this page's host on port 4000. */
  hubUrl: string | null;
  /** The user's role: decides which alarm actions the panel offers (the hub checks again). */
  role: Role;
}

/** The live sensor list of one site: socket link, banner, state summary, alarm panel, filters and the grouped table. */
export function LiveSensorList(props: LiveSensorListProps) {
  return (
    <NowProvider>
      <LiveSensorListInner {...props} />
    </NowProvider>
  );
}

function LiveSensorListInner({ siteId, devices, enterpriseNames, token, hubUrl, role }: LiveSensorListProps) {
  const [store] = useState(() => new LiveStore());
  const [alarms] = useState(() => new AlarmStore());
  const connection = useHubSocket({ hubUrl, token, siteId, store, alarms });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('kind');
  const deferredText = useDeferredValue(text);

  const kinds = useMemo(() => kindCounts(devices), [devices]);
  const devicesById = useMemo(() => new Map(devices.map((d) => [d.deviceId, d])), [devices]);
  const groups = useMemo(
    () => groupDevices(devices, { text: deferredText, kind }, groupBy, enterpriseNames),
    [devices, deferredText, kind, groupBy, enterpriseNames],
  );
  const shown = useMemo(() => groups.reduce((n, g) => n + g.devices.length, 0), [groups]);
  const quietMs = useMemo(() => quietAfterMs(devices), [devices]);
  // Rows read LIVE only while subscribed; before the first answer they wait, after a loss they are not live.
  const link: LinkState = linkStateOf(connection.status, store.primed);

  return (
    <section className="live-list" aria-label="Live sensors">
      <ConnectionBanner connection={connection} store={store} quietAfterMs={quietMs} />
      <div className="live-list__bar">
        <ConnectionIndicator status={connection.status} />
        <LiveSummary devices={devices} store={store} link={link} />
      </div>
      <AlarmPanel alarms={alarms} devices={devicesById} role={role} link={link} />
      <SensorFilters
        text={text}
        kind={kind}
        groupBy={groupBy}
        kinds={kinds}
        shown={shown}
        total={devices.length}
        onText={setText}
        onKind={setKind}
        onGroupBy={setGroupBy}
      />
      {devices.length === 0 ? (
        <p className="empty-note">This site has no devices you may see.</p>
      ) : (
        <SensorTable groups={groups} store={store} alarms={alarms} link={link} />
      )}
    </section>
  );
}
