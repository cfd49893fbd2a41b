// The browser's calls for simulation runs, with the token the wall already holds:
// `POST /api/v1/sim/runs`, `GET /api/v1/sim/runs/:id`, `POST /api/v1/sim/runs/:id/cancel`
// (apps/realtime/src/routes/sim-run-routes.ts). A refusal carries the hub's own message, shown
// to the user verbatim.
import type { SimRunView } from '@safetwin/protocol';
import { HubError } from '../lib/hub-error.ts';
import type { AssessmentRequest } from './sim-run.ts';

/** How long one call may take before it is given up, ms. */
export const SIM_CALL_TIMEOUT_MS = 10_000;

/** Where and as whom to call the hub. */
export interface SimRunCaller {
  hubUrl: string;
  token: string;
  /** Injectable for tests; the browser's fetch by default. */
  fetchImpl?: typeof fetch;
}

async function call(caller: SimRunCaller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
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
      signal: AbortSignal.timeout(SIM_CALL_TIMEOUT_MS),
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
  const run = (parsed as { run?: unknown } | undefined)?.run;
  if (!run || typeof run !== 'object') throw new HubError('hub:bad-response', `the hub's answer to ${path} has no run`, response.status);
  return run;
}

/** Queues an assessment; the hub answers 202 with the run (state `queued`). */
export async function submitSimRun(caller: SimRunCaller, request: AssessmentRequest): Promise<SimRunView> {
  return (await call(caller, 'POST', '/sim/runs', request)) as SimRunView;
}

/** A run with its full result. */
export async function fetchSimRun(caller: SimRunCaller, runId: string): Promise<SimRunView> {
  return (await call(caller, 'GET', `/sim/runs/${encodeURIComponent(runId)}`)) as SimRunView;
}

/** Cancels a queued or running run. */
export async function cancelSimRun(caller: SimRunCaller, runId: string): Promise<SimRunView> {
  return (await call(caller, 'POST', `/sim/runs/${encodeURIComponent(runId)}/cancel`)) as SimRunView;
}
