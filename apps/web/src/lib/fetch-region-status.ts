// The browser's request for the region wall's figures. The browser asks the hub directly with
// the user's token (as it does for socket.io): one hop, and a hub that is down shows as down
// at once instead of behind a proxy's own timeout.
import { parseSiteStatusList, StatusShapeError, type SiteStatusList } from './region-status.ts';

/** How long one status request may take, ms. */
export const STATUS_TIMEOUT_MS = 5_000;

/** Why a status request failed: the token was refused, no answer, an error answer, or an answer of the wrong shape. */
export type StatusFailureKind = 'auth' | 'unreachable' | 'timeout' | 'http' | 'bad-response';

/** A failed status request, with a message for the wall. */
export class StatusFetchError extends Error {
  override name = 'StatusFetchError';
  constructor(
    readonly kind: StatusFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** `GET {hubUrl}/api/v1/sites/status` with the user's token; throws StatusFetchError on any failure. */
export async function fetchRegionStatus(hubUrl: string, token: string, signal?: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<SiteStatusList> {
  const timeout = AbortSignal.timeout(STATUS_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(`${hubUrl}/api/v1/sites/status`, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.aborted) throw new StatusFetchError('timeout', `no answer from ${hubUrl} within ${STATUS_TIMEOUT_MS / 1000} s`);
    throw new StatusFetchError('unreachable', `${hubUrl} cannot be reached`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) throw new StatusFetchError('auth', 'the hub no longer accepts this session');
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const detail = typeof error?.message === 'string' ? `${error.message} (${String(error.code)})` : response.statusText;
    throw new StatusFetchError('http', `the hub answered ${response.status}: ${detail}`);
  }
  try {
    return parseSiteStatusList(body);
  } catch (err) {
    if (err instanceof StatusShapeError) throw new StatusFetchError('bad-response', `unexpected answer from the hub: ${err.message}`);
    throw err;
  }
}
