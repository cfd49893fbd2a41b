'use client';

import type { LiveStore } from '../../live/live-store.ts';
import type { HubConnection } from '../../live/use-hub-socket.ts';
import { formatAge } from '../../live/format.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { connectionMessages } from '../../i18n/messages/connection.ts';

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
  const t = useT(connectionMessages);
  // Read on each 1 Hz tick; batches themselves do not re-render the banner.
  const lastBatchAtMs = store.lastBatchAtMs;
  const { status, detail, sinceMs, hubUrl } = connection;

  if (status === 'lost') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="lost">
        <strong>{t('lostTitle')}</strong>
        <span className="banner__detail">
          {t('lostDetail', { hub: hubUrl ?? t('theHub') })}
          {now > sinceMs ? t('downFor', { age: formatAge(now - sinceMs) }) : ''}
          {detail ? ` · ${detail}` : ''}
        </span>
      </div>
    );
  }
  if (status === 'refused') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="refused">
        <strong>{t('refusedTitle')}</strong>
        <span className="banner__detail">
          {detail ?? t('notAllowed')} · <a href="/session-expired">{t('logInAgain')}</a>
        </span>
      </div>
    );
  }
  if (status === 'connecting' && sinceMs > 0 && now - sinceMs >= SLOW_CONNECT_MS) {
    return (
      <div className="banner banner--warning" role="status" data-banner="connecting">
        <strong>{t('connectingTitle')}</strong>
        <span className="banner__detail">{hubUrl}</span>
      </div>
    );
  }
  if (status === 'live' && lastBatchAtMs !== null && now - lastBatchAtMs > quietAfterMs) {
    return (
      <div className="banner banner--warning" role="status" data-banner="quiet">
        <strong>{t('quietTitle', { age: formatAge(now - lastBatchAtMs) })}</strong>
        <span className="banner__detail">{t('quietDetail')}</span>
      </div>
    );
  }
  return null;
}
