'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { regionMessages } from '../../i18n/messages/region.ts';
import type { SiteSummary } from '../../lib/hub-types.ts';
import type { StatusFailureKind } from '../../lib/fetch-region-status.ts';
import { formatAge } from '../../live/format.ts';
import { NowProvider, useNow } from '../../live/NowProvider.tsx';
import { framingRectangle } from './framing.ts';
import type { GlobeHandle, GlobeMarker } from './RegionGlobe.tsx';
import { regionSites } from './region-sites.ts';
import { RegionLegend } from './RegionLegend.tsx';
import { RegionAlarmAnnunciation } from '../alarms/RegionAlarmAnnunciation.tsx';
import { RISK_WORD_KEYS, siteMarkerStyle } from './risk-style.ts';
import { localName, SiteStatusCard } from './SiteStatusCard.tsx';
import { statusCurrency } from './status-currency.ts';
import { useRegionStatus } from './use-region-status.ts';
import styles from './RegionWall.module.css';

// Cesium is WebGL and ~4.7 MB: the browser loads it, after the cards.
const RegionGlobe = dynamic(() => import('./RegionGlobe.tsx').then((m) => m.RegionGlobe), { ssr: false, loading: () => <GlobeLoading /> });

function GlobeLoading() {
  const t = useT(regionMessages);
  return <p className={styles.globeLoading}>{t('globeLoading')}</p>;
}

/** Longest the wall waits for the camera before opening a site's wall, ms (a slow GPU must not hold the operator up). */
const OPEN_AFTER_MAX_MS = 3_000;

/** The i18n key of each kind of failed status request. */
const FAILURE_KEYS: Record<StatusFailureKind, 'failUnreachable' | 'failTimeout' | 'failHttp' | 'failBadResponse' | 'failAuth'> = {
  unreachable: 'failUnreachable',
  timeout: 'failTimeout',
  http: 'failHttp',
  'bad-response': 'failBadResponse',
  auth: 'failAuth',
};

/** What the server page hands the region wall. */
export interface RegionWallProps {
  /** The sites the user may see (GET /sites), for names and places before the first status. */
  sites: readonly SiteSummary[];
  token: string;
  /** Public hub URL from the server's config; null: this page's host on port 4000. */
  hubUrl: string | null;
}

/** The region wall: a globe of every visible site coloured by risk, and a card per site, refreshed from the hub every few seconds. */
export function RegionWall(props: RegionWallProps) {
  return (
    <NowProvider>
      <RegionWallInner {...props} />
    </NowProvider>
  );
}

function RegionWallInner({ sites, token, hubUrl }: RegionWallProps) {
  const t = useT(regionMessages);
  const locale = useLocale();
  const router = useRouter();
  const now = useNow();
  const status = useRegionStatus(hubUrl, token);
  const currency = statusCurrency(status.receivedAtMs, status.error !== null, now);
  const current = currency === 'current';
  const ageMs = status.receivedAtMs !== null && now > 0 ? Math.max(0, now - status.receivedAtMs) : null;
  const list = useMemo(() => regionSites(sites, status.list), [sites, status.list]);
  const frame = useMemo(() => framingRectangle(sites.map((s) => s.origin)), [sites]);

  const markers = useMemo<GlobeMarker[]>(
    () =>
      list.map((site) => {
        const style = siteMarkerStyle(site.status?.risk ?? null, current);
        const word = current && site.status ? `${style.glyph} ${t(RISK_WORD_KEYS[site.status.risk])}` : `? ${t('notCurrent')}`;
        return { id: site.id, latDeg: site.origin.latDeg, lonDeg: site.origin.lonDeg, label: `${localName(site.name, locale)[0]}\n${word}`, style };
      }),
    [list, current, t, locale],
  );

  const globe = useRef<GlobeHandle | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const open = useCallback(
    (siteId: string) => {
      if (opening) return;
      setOpening(siteId);
      const flight = globe.current?.flyTo(siteId) ?? Promise.resolve();
      const cap = new Promise<void>((resolve) => setTimeout(resolve, OPEN_AFTER_MAX_MS));
      void Promise.race([flight, cap]).then(() => router.push(`/sites/${encodeURIComponent(siteId)}`));
    },
    [opening, router],
  );

  const age = ageMs === null ? null : formatAge(ageMs);
  const failure = status.error ? t(FAILURE_KEYS[status.error.kind]) : null;

  return (
    <div className={styles.region} data-testid="region-wall" data-status={currency}>
      <section className={styles.globeArea}>
        <RegionGlobe
          markers={markers}
          frame={frame}
          onPick={open}
          handleRef={globe}
          ariaLabel={t('globeLabel')}
          loadingText={t('globeLoading')}
          unavailableText={(reason) => t('globeUnavailable', { reason })}
        />
        <RegionAlarmAnnunciation sites={sites} hubUrl={hubUrl} token={token} />
        <header className={styles.titleBlock}>
          <h1 className={styles.title}>{t('title')}</h1>
          <p className={styles.count}>{t(sites.length === 1 ? 'siteCountOne' : 'siteCountMany', { n: sites.length })}</p>
        </header>
      </section>
      <aside className={styles.side} aria-label={t('title')}>
        <p className={`${styles.statusLine} ${styles[`status_${currency}`]}`} role="status" title={status.error?.message}>
          {currency === 'current' && age !== null ? (
            <>
              <span aria-hidden="true">● </span>
              {t('statusAsOf', { age })}
            </>
          ) : currency === 'waiting' ? (
            t('statusNever')
          ) : (
            <>
              <span aria-hidden="true">⚠ </span>
              <strong>{t('notCurrent')}</strong>
              {failure ? ` — ${failure}` : ''}
              {age !== null ? ` · ${t('statusLastAge', { age })}` : ''}
            </>
          )}
        </p>
        <ul className={styles.cards}>
          {list.map((site) => (
            <li key={site.id}>
              <SiteStatusCard site={site} currency={currency} ageMs={ageMs} opening={opening === site.id} onOpen={open} />
            </li>
          ))}
        </ul>
        <RegionLegend />
      </aside>
    </div>
  );
}
