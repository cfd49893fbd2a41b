'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import type { Role } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { siteNameParts } from '../../lib/site-name.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { wallMessages } from '../../i18n/messages/wall.ts';
import { AlarmStore } from '../../live/alarm-store.ts';
import { AlarmLoadStore } from '../../live/alarm-load-store.ts';
import { IncidentStore } from '../../live/incident-store.ts';
import { IncidentSync } from '../../live/incident-sync.ts';
import { linkStateOf, quietAfterMs } from '../../live/device-state.ts';
import { LiveStore } from '../../live/live-store.ts';
import { useStationWind } from './use-station-wind.ts';
import { NowProvider } from '../../live/NowProvider.tsx';
import { resolveHubUrl } from '../../live/resolve-hub-url.ts';
import { SimRunFeed } from '../../live/sim-run-feed.ts';
import { useHubSocket } from '../../live/use-hub-socket.ts';
import { WallProvider, type WallFocus, type WallState } from '../../wall/WallContext.tsx';
import { AlarmPanel } from '../alarms/AlarmPanel.tsx';
import { FloodBanner } from '../alarms/FloodBanner.tsx';
import { SiteAlarmSound, SiteRedCards } from '../alarms/SiteAlarmAnnunciation.tsx';
import { AlarmKpiPanel } from '../kpi/AlarmKpiPanel.tsx';
import { ConnectionBanner } from '../sensors/ConnectionBanner.tsx';
import { IncidentCard, IncidentNotices } from '../incident/IncidentCard.tsx';
import { IncidentProvider } from '../incident/IncidentProvider.tsx';
import { KpiPanel } from '../kpi/KpiPanel.tsx';
import { MineColumn, MineLegend } from '../mine/MineColumn.tsx';
import { MineProvider } from '../mine/MineProvider.tsx';
import { TrajectoryButton, TrajectoryPanel } from '../mine/TrajectoryPanel.tsx';
import { ReleaseMapPick } from '../release/ReleaseMapPick.tsx';
import { ReleaseButton, ReleasePanel } from '../release/ReleasePanel.tsx';
import { ReleaseProvider } from '../release/ReleaseProvider.tsx';
import { ReleaseTimeline } from '../release/ReleaseTimeline.tsx';
import { ThreatZoneLegend } from '../release/ThreatZoneLegend.tsx';
import { SensorDetail } from '../detail/SensorDetail.tsx';
import { WallClock } from './WallClock.tsx';
import { WallLink } from './WallLink.tsx';
import styles from './SiteWall.module.css';

// WebGL panels render only in the browser.
const TwinPanel = dynamic(() => import('../twin/TwinPanel.tsx').then((m) => m.TwinPanel), { ssr: false, loading: () => <PanelLoading which="loading3d" /> });
const MapPanel = dynamic(() => import('../map/MapPanel.tsx').then((m) => m.MapPanel), { ssr: false, loading: () => <PanelLoading which="loadingMap" /> });

function PanelLoading({ which }: { which: 'loading3d' | 'loadingMap' }) {
  const t = useT(wallMessages);
  return <p className={styles.loading}>{t(which)}</p>;
}

/** What the server page hands the wall: the site as the user may see it, and how to reach the hub. */
export interface SiteWallProps {
  site: Site;
  devices: DeviceInfo[];
  token: string;
  /** Public hub URL from the server's config; null: this page's host on port 4000. */
  hubUrl: string | null;
  role: Role;
  /** A device to select on opening (from `?device=`); null for none. */
  initialDeviceId?: string | null;
}

/** The live site wall: 3D twin in the middle, situation on the left, site plan and alarm stack on the right. */
export function SiteWall(props: SiteWallProps) {
  return (
    <NowProvider>
      <SiteWallInner {...props} />
    </NowProvider>
  );
}

function SiteWallInner({ site, devices, token, hubUrl, role, initialDeviceId = null }: SiteWallProps) {
  const [live] = useState(() => new LiveStore());
  const [alarms] = useState(() => new AlarmStore());
  const [simRuns] = useState(() => new SimRunFeed());
  const [alarmLoad] = useState(() => new AlarmLoadStore());
  // Incidents are a chemical park's (the hub opens none for a mine).
  const [incidents] = useState(() => (site.kind === 'chemical-park' ? new IncidentSync(new IncidentStore()) : undefined));
  const connection = useHubSocket({ hubUrl, token, siteId: site.id, store: live, alarms, simRuns, alarmLoad, incidents });
  const [selectedDeviceId, selectDevice] = useState<string | null>(initialDeviceId);
  const [focus, setFocus] = useState<WallFocus | null>(initialDeviceId ? { kind: 'device', id: initialDeviceId } : null);
  const [browserHubUrl, setBrowserHubUrl] = useState<string | null>(null);
  useEffect(() => setBrowserHubUrl(resolveHubUrl(hubUrl, window.location)), [hubUrl]);

  const devicesById = useMemo(() => new Map(devices.map((d) => [d.deviceId, d])), [devices]);
  const stationIds = useMemo(() => site.sensors.filter((s) => s.kind === 'weather' && devicesById.has(s.id)).map((s) => s.id), [site, devicesById]);
  const link = linkStateOf(connection.status, live.primed);
  const stationWind = useStationWind(live, stationIds, browserHubUrl, token, link === 'up');
  const wall = useMemo<WallState>(
    () => ({ site, devices: devicesById, live, stationWind, alarms, connection, link, role, token, hubUrl: browserHubUrl, selectedDeviceId, selectDevice, focus, setFocus }),
    [site, devicesById, live, stationWind, alarms, connection, link, role, token, browserHubUrl, selectedDeviceId, focus],
  );
  return <SiteWallView wall={wall} simRuns={simRuns} alarmLoad={alarmLoad} incidents={incidents ?? null} />;
}

/**
 * The wall's layout for a given state: used by the live wall above and by the wall benchmark,
 * which feeds a synthetic site through the same stores (bench/wall).
 */
export function SiteWallView({ wall, simRuns = null, alarmLoad = null, incidents = null }: { wall: WallState; simRuns?: SimRunFeed | null; alarmLoad?: AlarmLoadStore | null; incidents?: IncidentSync | null }) {
  const t = useT(wallMessages);
  const locale = useLocale();
  const { site, live, alarms, connection, link, role, devices, selectedDeviceId } = wall;
  const quietMs = useMemo(() => quietAfterMs([...devices.values()]), [devices]);
  const name = siteNameParts(site.name);
  const [primary, secondary] = locale === 'zh-CN' && name.secondary ? [name.secondary, name.primary] : [name.primary, name.secondary];

  return (
    <WallProvider value={wall}>
      <ReleaseProvider feed={simRuns}>
        <IncidentProvider sync={incidents}>
        <MineProvider>
        <div className={styles.wall} data-site-kind={site.kind} data-testid="site-wall">
          <ConnectionBanner connection={connection} store={live} quietAfterMs={quietMs} />
          {alarmLoad ? <FloodBanner load={alarmLoad} /> : null}
          <header className={styles.head}>
            <h1 className={styles.title}>
              <span aria-hidden="true" className={styles.kindGlyph}>
                {site.kind === 'chemical-park' ? '⬢' : '▼'}
              </span>
              {primary}
              {secondary ? <span className={styles.altName}>{secondary}</span> : null}
              <span className={styles.kind}>{t(site.kind === 'chemical-park' ? 'chemicalPark' : 'coalMine')}</span>
            </h1>
            <nav className={styles.nav}>
              <Link href="/">{t('region')}</Link>
              <Link href={`/sites/${encodeURIComponent(site.id)}/sensors`}>{t('sensorList')}</Link>
            </nav>
            <ReleaseButton className={styles.releaseButton} />
            <TrajectoryButton />
            <SiteAlarmSound />
            <WallLink status={connection.status} />
            <WallClock />
          </header>
          <div className={styles.grid}>
            <aside className={styles.left} aria-label={t('kpiTitle')}>
              <IncidentNotices />
              <KpiPanel />
              <MineColumn />
              <AlarmKpiPanel alarmLoad={alarmLoad} />
            </aside>
            <IncidentCard />
            <div className={styles.release}>
              <ReleasePanel />
            </div>
            <TrajectoryPanel />
            <section className={styles.twin} aria-label={t('twinTitle')}>
              <TwinPanel />
              <SiteRedCards />
              <ReleaseTimeline />
              {selectedDeviceId ? (
                <div className={styles.detail}>
                  <SensorDetail />
                </div>
              ) : null}
            </section>
            <aside className={styles.right}>
              <section className={styles.map} aria-label={t('mapTitle')}>
                <MapPanel />
                <ThreatZoneLegend />
                <MineLegend />
                <ReleaseMapPick />
              </section>
              <div className={styles.alarms}>
                <AlarmPanel alarms={alarms} devices={devices} role={role} link={link} />
              </div>
            </aside>
          </div>
        </div>
        </MineProvider>
        </IncidentProvider>
      </ReleaseProvider>
    </WallProvider>
  );
}
