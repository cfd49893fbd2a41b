'use client';

import { useEffect, useState } from 'react';
import { fetchRegionStatus, StatusFetchError } from '../../lib/fetch-region-status.ts';
import type { SiteStatusList } from '../../lib/region-status.ts';
import { resolveHubUrl } from '../../live/resolve-hub-url.ts';
import { STATUS_POLL_MS } from './status-currency.ts';

/** The latest status answer, when it arrived (browser clock), and the latest failure (null once a request succeeds). */
export interface RegionStatusState {
  list: SiteStatusList | null;
  receivedAtMs: number | null;
  error: StatusFetchError | null;
}

/**
 * Polls the hub's `/sites/status` every `pollMs` after each answer (never two requests at once).
 * Keeps the last good answer through failures, so the wall can show it as last known; a refused
 * session goes to /session-expired, as a page load would.
 */
export function useRegionStatus(hubUrl: string | null, token: string, pollMs = STATUS_POLL_MS): RegionStatusState {
  const [state, setState] = useState<RegionStatusState>({ list: null, receivedAtMs: null, error: null });

  useEffect(() => {
    const url = resolveHubUrl(hubUrl, window.location);
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const list = await fetchRegionStatus(url, token, abort.signal);
        setState({ list, receivedAtMs: Date.now(), error: null });
      } catch (err) {
        if (abort.signal.aborted) return;
        const error = err instanceof StatusFetchError ? err : new StatusFetchError('unreachable', err instanceof Error ? err.message : String(err));
        if (error.kind === 'auth') {
          window.location.assign('/session-expired');
          return;
        }
        setState((prev) => ({ ...prev, error }));
      }
      if (!abort.signal.aborted) timer = setTimeout(poll, pollMs);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [hubUrl, token, pollMs]);

  return state;
}
