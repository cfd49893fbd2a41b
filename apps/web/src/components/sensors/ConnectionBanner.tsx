'use client';

import type { LiveStore } from '../../live/live-store.ts';
import type { HubConnection } from '../../live/use-hub-socket.ts';
import { formatAge } from '../../live/format.ts';
import { useNow } from '../../live/NowProvider.tsx';

/** How long the first connection may take before we say so, ms. */
const SLOW_CONNECT_MS = 2_000;

/** Props: the link state, the store (for when the last batch arrived), and how long a silent hub is normal. */
export interface ConnectionBannerProps {
  connection: HubConnection;
  store: LiveStore;
  /** Silence longer than this while "live" is reported as a quiet hub, ms. */
  quietAfterMs: number;
}

/** A full-width banner whenever the data on screen is not live: link lost, refused, slow to connect, or silent. */
export function ConnectionBanner({ connection, store, quietAfterMs }: ConnectionBannerProps) {
  const now = useNow();
  // Read on each 1 Hz tick; batches themselves do not re-render the banner.
  const lastBatchAtMs = store.lastBatchAtMs;
  const { status, detail, sinceMs, hubUrl } = connection;

  if (status === 'lost') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="lost">
        <strong>Connection to hub lost — data not live</strong>
        <span className="banner__detail">
          Reconnecting to {hubUrl ?? 'the hub'}
          {now > sinceMs ? ` · down for ${formatAge(now - sinceMs)}` : ''}
          {detail ? ` · ${detail}` : ''}
        </span>
      </div>
    );
  }
  if (status === 'refused') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="refused">
        <strong>The hub refused the live connection — data not live</strong>
        <span className="banner__detail">
          {detail ?? 'not allowed'} · <a href="/session-expired">Log in again</a>
        </span>
      </div>
    );
  }
  if (status === 'connecting' && sinceMs > 0 && now - sinceMs >= SLOW_CONNECT_MS) {
    return (
      <div className="banner banner--warning" role="status" data-banner="connecting">
        <strong>Connecting to hub — data not live yet</strong>
        <span className="banner__detail">{hubUrl}</span>
      </div>
    );
  }
  if (status === 'live' && lastBatchAtMs !== null && now - lastBatchAtMs > quietAfterMs) {
    return (
      <div className="banner banner--warning" role="status" data-banner="quiet">
        <strong>No readings from the hub for {formatAge(now - lastBatchAtMs)}</strong>
        <span className="banner__detail">The link is up but nothing arrives; sensors show STALE as they age.</span>
      </div>
    );
  }
  return null;
}
