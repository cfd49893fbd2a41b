import { describe, expect, it } from 'vitest';
import { HubError } from '../lib/hub-error.ts';
import { actionRequest, fetchIncidents, fetchVisibleIncident, runIncidentAction } from './incident-client.ts';
import { fixtureIncident } from './incident-fixture.ts';

/** A fetch that answers one JSON body with a status and records what was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, caller: { hubUrl: 'http://hub:4000/', token: 'tok', fetchImpl } };
}

describe('incident client', () => {
  it('builds each action’s path and body', () => {
    expect(actionRequest('i/1', { kind: 'confirm-isolation' })).toEqual({ path: '/incidents/i%2F1/isolation/confirm', body: {} });
    expect(actionRequest('i1', { kind: 'confirm-isolation', rank: 2 }).body).toEqual({ rank: 2 });
    expect(actionRequest('i1', { kind: 'field-done', valveId: 'V 1' }).path).toBe('/incidents/i1/valves/V%201/field-done');
    expect(actionRequest('i1', { kind: 'notify-fire-brigade' }).path).toBe('/incidents/i1/fire-brigade');
    expect(actionRequest('i1', { kind: 'note', text: 'hi' }).body).toEqual({ text: 'hi' });
    expect(actionRequest('i1', { kind: 'state', state: 'contained', reason: 'valves shut' }).body).toEqual({ state: 'contained', reason: 'valves shut' });
  });

  it('lists a site’s incidents with the bearer token', async () => {
    const incident = fixtureIncident(1_000);
    const { calls, caller } = answering(200, { incidents: [incident] });
    expect(await fetchIncidents(caller, 'cp-nanjing')).toEqual([incident]);
    expect(calls[0]!.url).toBe('http://hub:4000/api/v1/incidents?siteId=cp-nanjing');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('hands the hub’s refusal on verbatim, and an answer without the list as a bad response', async () => {
    const refused = await runIncidentAction(answering(403, { error: { code: 'auth:forbidden', message: 'drill planners command no valve' } }).caller, 'i1', { kind: 'confirm-isolation' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect(refused).toMatchObject({ code: 'auth:forbidden', message: 'drill planners command no valve', status: 403 });
    const bad = await fetchIncidents(answering(200, { nothing: true }).caller, 's').catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'hub:bad-response' });
  });

  it('checks one incident: the incident without its timeline, null on 404, and any other failure thrown', async () => {
    const incident = fixtureIncident(1_000);
    const { calls, caller } = answering(200, { incident: { ...incident, timeline: [] } });
    expect(await fetchVisibleIncident(caller, 'i/1')).toEqual(incident);
    expect(calls[0]!.url).toBe('http://hub:4000/api/v1/incidents/i%2F1');
    expect(await fetchVisibleIncident(answering(404, { error: { code: 'request:not-found', message: "no incident 'i1'" } }).caller, 'i1')).toBeNull();
    await expect(fetchVisibleIncident(answering(503, {}).caller, 'i1')).rejects.toMatchObject({ status: 503 });
    const unreachable = { hubUrl: 'http://hub:4000', token: 'tok', fetchImpl: (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch };
    await expect(fetchVisibleIncident(unreachable, 'i1')).rejects.toMatchObject({ code: 'hub:unreachable' });
  });
});
