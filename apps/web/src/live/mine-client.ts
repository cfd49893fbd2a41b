// The browser's calls for a mine, with the token the wall already holds (the hub's routes in
// apps/realtime/src/routes/mine-routes.ts): the people and their withdrawal orders, the machines'
// power, and a commander's withdrawal order. A refusal is a HubError with the hub's own message,
// which the wall shows verbatim.
import { HubError } from '../lib/hub-error.ts';
import { hubCall, type HubCaller } from './hub-call.ts';
import type { SitePeopleView, SitePowerView, WithdrawalView } from './mine-types.ts';

const sitePath = (siteId: string, rest: string) => `/sites/${encodeURIComponent(siteId)}/${rest}`;

/** The answer when it carries an array `key`, else HubError('hub:bad-response') naming it. */
function withArray<T>(answer: unknown, key: string, path: string): T {
  if (!Array.isArray((answer as Record<string, unknown> | null | undefined)?.[key])) throw new HubError('hub:bad-response', `the hub's answer to ${path} has no ${key} list`, 200);
  return answer as T;
}

/** `GET /sites/:id/people`: each tagged person with position, state and order, and the withdrawals. */
export async function fetchPeople(caller: HubCaller, siteId: string): Promise<SitePeopleView> {
  const path = sitePath(siteId, 'people');
  return withArray<SitePeopleView>(await hubCall(caller, 'GET', path), 'people', path);
}

/** `GET /sites/:id/power`: each machine powered or cut, by which sensor and reading. */
export async function fetchPower(caller: HubCaller, siteId: string): Promise<SitePowerView> {
  const path = sitePath(siteId, 'power');
  return withArray<SitePowerView>(await hubCall(caller, 'GET', path), 'machines', path);
}

/** What a commander orders: the roadway(s) where the hazard is, and why. */
export interface WithdrawalOrder {
  sourceRoadwayIds: string[];
  reason: string;
}

/** `POST /sites/:id/withdrawals`: everyone in the area and downstream in the air flow is paged out; null when nobody was inside. */
export async function orderWithdrawal(caller: HubCaller, siteId: string, order: WithdrawalOrder): Promise<WithdrawalView | null> {
  const answer = await hubCall(caller, 'POST', sitePath(siteId, 'withdrawals'), order);
  return answer && typeof answer === 'object' && 'id' in answer ? (answer as WithdrawalView) : null;
}
