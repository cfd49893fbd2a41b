// The browser's calls for incidents, with the token the wall already holds (the hub's routes in
// apps/realtime/src/routes/incident-routes.ts): the site's list, one incident with its timeline,
// the printable brief, and the commander's actions. A refusal is a HubError with the hub's own
// message, which the card shows verbatim.
import type { FireBrigadeBrief, IncidentDetailView, IncidentView } from '@safetwin/protocol';
import { HubError } from '../lib/hub-error.ts';
import { answerField, hubCall, type HubCaller } from './hub-call.ts';

/** `GET /incidents?siteId=`: the site's incidents the user may see. */
export async function fetchIncidents(caller: HubCaller, siteId: string): Promise<IncidentView[]> {
  const path = `/incidents?siteId=${encodeURIComponent(siteId)}`;
  return answerField<IncidentView[]>(await hubCall(caller, 'GET', path), 'incidents', path);
}

/** `GET /incidents/:id`: the incident and its timeline. */
export async function fetchIncidentDetail(caller: HubCaller, incidentId: string): Promise<IncidentDetailView> {
  const path = `/incidents/${encodeURIComponent(incidentId)}`;
  return answerField<IncidentDetailView>(await hubCall(caller, 'GET', path), 'incident', path);
}

/**
 * `GET /incidents/:id` without its timeline, to check an incident the list lacks: null when the hub
 * answers 404 (it does not show this user that incident, or no longer); any other failure throws.
 */
export async function fetchVisibleIncident(caller: HubCaller, incidentId: string): Promise<IncidentView | null> {
  try {
    const { timeline: _timeline, ...incident } = await fetchIncidentDetail(caller, incidentId);
    return incident;
  } catch (err) {
    if (err instanceof HubError && err.status === 404) return null;
    throw err;
  }
}

/** `GET /incidents/:id/brief`: what the fire brigade needs, with the access route for fire engines. */
export async function fetchIncidentBrief(caller: HubCaller, incidentId: string): Promise<FireBrigadeBrief> {
  const path = `/incidents/${encodeURIComponent(incidentId)}/brief`;
  return answerField<FireBrigadeBrief>(await hubCall(caller, 'GET', path), 'brief', path);
}

/** The actions on an incident the wall offers, with the body each sends. */
export type IncidentAction =
  | { kind: 'confirm-isolation'; rank?: number }
  | { kind: 'field-done'; valveId: string }
  | { kind: 'notify-fire-brigade' }
  | { kind: 'note'; text: string }
  | { kind: 'state'; state: 'contained' | 'closed'; reason: string };

/** The path and body of an action. */
export function actionRequest(incidentId: string, action: IncidentAction): { path: string; body: unknown } {
  const base = `/incidents/${encodeURIComponent(incidentId)}`;
  switch (action.kind) {
    case 'confirm-isolation':
      return { path: `${base}/isolation/confirm`, body: action.rank === undefined ? {} : { rank: action.rank } };
    case 'field-done':
      return { path: `${base}/valves/${encodeURIComponent(action.valveId)}/field-done`, body: {} };
    case 'notify-fire-brigade':
      return { path: `${base}/fire-brigade`, body: {} };
    case 'note':
      return { path: `${base}/notes`, body: { text: action.text } };
    case 'state':
      return { path: `${base}/state`, body: { state: action.state, reason: action.reason } };
  }
}

/** Runs an action; answers the incident after it when the hub sends it back (the socket brings it anyway). */
export async function runIncidentAction(caller: HubCaller, incidentId: string, action: IncidentAction): Promise<IncidentView | null> {
  const { path, body } = actionRequest(incidentId, action);
  const answer = await hubCall(caller, 'POST', path, body);
  const incident = (answer as { incident?: unknown } | undefined)?.incident;
  return incident && typeof incident === 'object' ? (incident as IncidentView) : null;
}
