// One REST call from the browser to the hub with the token the wall holds: JSON in and out, a
// time limit, and failures as HubError carrying the hub's own code and message (shown verbatim).
import { HubError } from '../lib/hub-error.ts';

/** How long one call may take before it is given up, ms. */
export const HUB_CALL_TIMEOUT_MS = 10_000;

/** Where and as whom to call the hub. */
export interface HubCaller {
  hubUrl: string;
  token: string;
  /** Injectable for tests; the browser's fetch by default. */
  fetchImpl?: typeof fetch;
}

/** Calls `/api/v1${path}` and answers the parsed JSON body; throws HubError on a transport failure or a non-2xx answer. */
export async function hubCall(caller: HubCaller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const url = `${caller.hubUrl.replace(/\/+$/, '')}/api/v1${path}`;
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${caller.token}` };
  if (method === 'POST') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await (caller.fetchImpl ?? fetch)(url, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      cache: 'no-store',
      signal: AbortSignal.timeout(HUB_CALL_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw new HubError(timedOut ? 'hub:timeout' : 'hub:unreachable', timedOut ? `the hub at ${caller.hubUrl} did not answer in time` : `cannot reach the hub at ${caller.hubUrl}`, 0);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new HubError(typeof error?.code === 'string' ? error.code : `http:${response.status}`, typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`, response.status);
  }
  return parsed;
}

/** The `key` field of a hub answer, or HubError('hub:bad-response') naming what is missing. */
export function answerField<T>(answer: unknown, key: string, path: string): T {
  const value = (answer as Record<string, unknown> | null | undefined)?.[key];
  if (value === undefined || value === null || typeof value !== 'object') throw new HubError('hub:bad-response', `the hub's answer to ${path} has no ${key}`, 200);
  return value as T;
}
