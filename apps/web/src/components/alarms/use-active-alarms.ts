'use client';

import { useEffect, useState } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import { resolveHubUrl } from '../../live/resolve-hub-url.ts';

/** How often the region wall asks for the alarms, ms (level-1 cards must not wait long; the answer is small). */
export const ACTIVE_ALARMS_POLL_MS = 3_000;

/**
 * Polls `GET /alarms?state=active` (every alarm the user may see, all sites) from the browser with
 * the user's token, one request at a time; keeps the last good list through failures (the region
 * wall's status line already says when the hub is not current).
 */
export function useActiveAlarms(hubUrl: string | null, token: string, pollMs = ACTIVE_ALARMS_POLL_MS): readonly AlarmView[] {
  const [alarms, setAlarms] = useState<readonly AlarmView[]>([]);
  useEffect(() => {
    const url = `${resolveHubUrl(hubUrl, window.location)}/api/v1/alarms?state=active`;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, cache: 'no-store', signal: abort.signal });
        const body = (await response.json().catch(() => null)) as { alarms?: unknown } | null;
        if (response.ok && Array.isArray(body?.alarms)) setAlarms(body.alarms as AlarmView[]);
      } catch {
        // Unreachable or aborted: keep the last list.
      }
      if (!abort.signal.aborted) timer = setTimeout(poll, pollMs);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [hubUrl, token, pollMs]);
  return alarms;
}
