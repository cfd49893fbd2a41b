// /incidents on a real hub (demo park, no simulator, PGlite): declaring (validation, roles,
// drills, a chemical different from the item's), state changes (409 naming both states, 403),
// notes, 404s for unknown or invisible incidents, the response's actions refused on a closed
// incident (409) and an isolation confirmed by someone who may not command its valves (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestHub, storeVariants } from '../test-support/test-hub.ts';
import type { IncidentAssessmentView } from '@safetwin/protocol';
import type { ChemicalPark } from '@safetwin/twin-models';
import type { Hub } from '../create-hub.ts';
import { sitePlace } from '../incidents/site-places.ts';

const PARK = 'cp-nanjing';
const TANK = 'CP-E1-TK-01';

describe('incident routes', () => {
  let hub: Hub & { dispose: () => Promise<void> };
  const tokens: Record<string, string> = {};
  const declare = (who: string, body: Record<string, unknown>) => call(hub, 'POST', '/incidents', { token: tokens[who], body });

  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, { incidentReassessMs: 600_000 });
    for (const u of ['commander', 'drill-planner', 'officer-CP-E1', 'officer-CP-E2', 'park-manager']) tokens[u] = await login(hub, u);
  }, 180_000);
  afterAll(async () => hub?.dispose(), 180_000);

  it('refuses declarations naming what is wrong: 404 site, 400 field, 403 role or plant', async () => {
    expect((await declare('commander', { siteId: 'nowhere', equipmentId: TANK, chemical: 'Cl2' })).status).toBe(404);
    const mine = hub.registry.all().find((s) => s.kind === 'coal-mine')!;
    const onMine = await declare('commander', { siteId: mine.id, position: { eastM: 0, northM: 0 }, chemical: 'CH4' });
    expect(onMine).toMatchObject({ status: 400, body: { error: { code: 'request:bad-body' } } });
    expect(onMine.body.error.message).toMatch(/^siteId/);
    const unknownItem = await declare('commander', { siteId: PARK, equipmentId: 'NO-SUCH-TANK', chemical: 'Cl2' });
    expect(unknownItem.status).toBe(400);
    expect(unknownItem.body.error.message).toMatch(/^equipmentId: .*NO-SUCH-TANK/);
    const unknownChemical = await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'XYZ' });
    expect(unknownChemical.status).toBe(400);
    expect(unknownChemical.body.error.message).toMatch(/^chemical: .*XYZ.*Cl2/);
    const outside = await declare('commander', { siteId: PARK, position: { eastM: 1e6, northM: 0 }, chemical: 'Cl2' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/^position/);
    expect((await declare('commander', { siteId: PARK, chemical: 'Cl2' })).status).toBe(400);
    expect((await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2', rateKgS: -1 })).status).toBe(400);
    const otherPlant = await declare('officer-CP-E2', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    expect(otherPlant).toMatchObject({ status: 403, body: { error: { code: 'auth:forbidden' } } });
    expect((await declare('park-manager', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' })).status).toBe(403);
  });

  it('declares: the item placed on the map, a different chemical accepted with a warning, a drill planner’s as a drill', async () => {
    const res = await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'ammonia', rateKgS: 3, note: 'operator reports a smell of ammonia' });
    expect(res.status).toBe(201);
    const incident = res.body.incident;
    expect(incident).toMatchObject({ origin: 'declared', chemical: 'NH3', enterpriseId: 'CP-E1', createdBy: 'commander', declared: { equipmentId: TANK, rateKgS: 3 } });
    expect(incident.declared.place.lonLat).toHaveLength(2);
    const detail = await call(hub, 'GET', `/incidents/${incident.id}`, { token: tokens.commander });
    const kinds = detail.body.incident.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(['created', 'warning', 'note']);
    expect(detail.body.incident.timeline[1].message).toMatch(/holds Cl2, not NH3/);
    const own = await declare('officer-CP-E1', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    expect(own).toMatchObject({ status: 201, body: { incident: { origin: 'declared' } } });
    const drill = await declare('drill-planner', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    expect(drill).toMatchObject({ status: 201, body: { incident: { origin: 'drill' } } });
    expect(drill.body.incident.title).toMatch(/^Drill: /);
  });

  it('changes state with 409 naming both states, 403 for a drill planner on a real incident, and records notes', async () => {
    const { body } = await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    const id = body.incident.id as string;
    const state = (who: string, to: string, reason = 'checked on site') => call(hub, 'POST', `/incidents/${id}/state`, { token: tokens[who], body: { state: to, reason } });
    expect((await state('drill-planner', 'contained')).status).toBe(403);
    expect((await state('commander', 'contained')).body.incident).toMatchObject({ state: 'contained' });
    const again = await state('commander', 'contained');
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'incident:invalid-transition' } } });
    expect((await state('commander', 'closed', 'all clear')).body.incident.state).toBe('closed');
    const reopened = await state('commander', 'contained');
    expect(reopened.status).toBe(409);
    expect(reopened.body.error.message).toMatch(/closed.*contained/);
    expect((await call(hub, 'POST', `/incidents/${id}/state`, { token: tokens.commander, body: { state: 'responding', reason: 'no' } })).status).toBe(400);
    const note = await call(hub, 'POST', `/incidents/${id}/notes`, { token: tokens.commander, body: { text: 'debrief at 14:00' } });
    expect(note.status).toBe(201);
    expect(note.body.incident.timeline.at(-1)).toMatchObject({ kind: 'note', actor: 'commander', message: 'debrief at 14:00' });
    expect((await call(hub, 'GET', `/incidents?siteId=${PARK}&state=closed`, { token: tokens.commander })).body.incidents.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('answers 404 for unknown incidents, and for those of another plant', async () => {
    expect((await call(hub, 'GET', '/incidents/00000000-0000-4000-8000-000000000000', { token: tokens.commander })).status).toBe(404);
    expect((await call(hub, 'GET', '/incidents/not-an-id', { token: tokens.commander })).status).toBe(404);
    expect((await call(hub, 'POST', '/incidents/not-an-id/notes', { token: tokens.commander, body: { text: 'x' } })).status).toBe(404);
    const { body } = await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    expect((await call(hub, 'GET', `/incidents/${body.incident.id}`, { token: tokens['officer-CP-E2'] })).status).toBe(404);
    expect((await call(hub, 'POST', `/incidents/${body.incident.id}/state`, { token: tokens['officer-CP-E2'], body: { state: 'closed', reason: 'not mine' } })).status).toBe(404);
    expect((await call(hub, 'GET', `/incidents/${body.incident.id}`, { token: tokens['officer-CP-E1'] })).status).toBe(200);
    expect((await call(hub, 'GET', '/incidents?siteId=nowhere', { token: tokens.commander })).status).toBe(404);
  });

  it('refuses confirm, field-done and fire-brigade on a closed incident with 409', async () => {
    const { body } = await declare('commander', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    const id = body.incident.id as string;
    expect((await call(hub, 'POST', `/incidents/${id}/state`, { token: tokens.commander, body: { state: 'closed', reason: 'false alarm' } })).status).toBe(200);
    for (const path of [`/incidents/${id}/isolation/confirm`, `/incidents/${id}/valves/CP-E1-XV-001/field-done`, `/incidents/${id}/fire-brigade`]) {
      const res = await call(hub, 'POST', path, { token: tokens.commander, body: path.endsWith('confirm') ? { rank: 1 } : undefined });
      expect(res, path).toMatchObject({ status: 409, body: { error: { code: 'incident:invalid-transition' } } });
      expect(res.body.error.message).toMatch(/is closed/);
    }
    expect((await hub.incidents.detail(id)).timeline.some((e) => ['notification', 'valve-commanded', 'field-task'].includes(e.kind)), 'nothing was carried out').toBe(false);
  });

  it('refuses (403, naming the valve) an officer confirming a set with a valve of another plant', async () => {
    const { body } = await declare('officer-CP-E1', { siteId: PARK, equipmentId: TANK, chemical: 'Cl2' });
    const id = body.incident.id as string;
    const park = hub.registry.site(PARK) as ChemicalPark;
    const valve = (valveId: string) => ({ valveId, deviceId: valveId, actuation: 'remote' as const, function: 'esd', place: sitePlace(park, { eastM: 0, northM: 0 }), closeTimeS: 5 });
    const at = Date.now();
    const crafted: IncidentAssessmentView = {
      ...((await hub.incidents.get(id)).assessment ?? {
        computedAt: at, dataUntil: at, computeMs: 1, weather: { windSpeedMS: 3, windFromDeg: 270, stability: 'D', observedAt: at },
        source: { discriminating: false, reason: null, hitDetectorIds: [], detectorsUsed: 0, candidates: [], chosen: { id: TANK, kind: 'equipment', place: sitePlace(park, { eastM: 0, northM: 0 }), from: 'declared' } },
        release: { rateKgS: 1, startedAt: at, endsAt: null, totalKg: 0 }, zones: [], evacuation: null, doses: [], warnings: [],
      }),
      seq: 1000,
      isolation: { targets: [{ kind: 'equipment', id: TANK }], isolable: true, reason: '', unisolableFeeds: [], alternatives: [
        { rank: 1, minimal: true, timeToIsolateS: 5, releasedBeforeIsolationKg: 5, trappedInventoryKg: 0, totalReleaseKg: 5, sideEffects: [], valves: [valve('CP-E1-XV-001'), valve('CP-E2-XV-001')] },
      ] },
    };
    await hub.incidents.recordAssessment(id, crafted);
    const res = await call(hub, 'POST', `/incidents/${id}/isolation/confirm`, { token: tokens['officer-CP-E1'], body: { rank: 1 } });
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'auth:forbidden' } } });
    expect(res.body.error.message).toMatch(/CP-E2-XV-001/);
    expect((await hub.incidents.get(id)).valves.filter((v) => v.state === 'commanded'), 'nothing commanded').toEqual([]);
  });
});
