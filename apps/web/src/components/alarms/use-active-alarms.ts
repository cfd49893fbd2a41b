'use client';

import { useEffect, useState } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import { pollHub } from '../../live/poll-hub.ts';
import { resolveHubUrl } from '../../live/resolve-hub-url.ts';

/** How often the region wall asks for the alarms, ms (level-1 cards must not wait long; the answer is small). */
export const ACTIVE_ALARMS_POLL_MS = 3_000;

/**
 * Polls `GET /alarms?state=active` (every alarm the user may see, all sites) from the browser with
 * the user's token; keeps the last good list through failures (the region wall's status line
 * already says when the hub is not current).
 */
export function useActiveAlarms(hubUrl: string | null, token: string, pollMs = ACTIVE_ALARMS_POLL_MS): readonly AlarmView[] {
  const [alarms, setAlarms] = useState<readonly AlarmView[]>([]);
  useEffect(() => {
    const url = `${resolveHubUrl(hubUrl, window.location)}/api/v1/alarms?state=active`;
    return pollHub(url, token, pollMs, (status, body) => {
      const list = (body as { alarms?: unknown } | null)?.alarms;
      if (status === 200 && Array.isArray(list)) setAlarms(list as AlarmView[]);
    });
  }, [hubUrl, token, pollMs]);
  return alarms;
}
