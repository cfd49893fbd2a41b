// The browser's calls for simulation runs, with the token the wall already holds:
// `POST /api/v1/sim/runs`, `GET /api/v1/sim/runs/:id`, `POST /api/v1/sim/runs/:id/cancel`
// (apps/realtime/src/routes/sim-run-routes.ts). A refusal carries the hub's own message, shown
// to the user verbatim.
import type { SimRunView } from '@safetwin/protocol';
import { answerField, hubCall, HUB_CALL_TIMEOUT_MS, type HubCaller } from './hub-call.ts';
import type { AssessmentRequest } from './sim-run.ts';

/** How long one call may take before it is given up, ms. */
export const SIM_CALL_TIMEOUT_MS = HUB_CALL_TIMEOUT_MS;

/** Where and as whom to call the hub. */
export type SimRunCaller = HubCaller;

async function call(caller: SimRunCaller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  return answerField<SimRunView>(await hubCall(caller, method, path, body), 'run', path);
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
