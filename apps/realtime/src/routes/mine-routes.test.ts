// The mine's routes on a real hub (demo sites, no simulator, PGlite): people and power of the
// mine, who may read them, withdrawal orders (roles, a bad roadway named) and what they page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoalMine } from '@safetwin/twin-models';
import { call, login, startTestHub, storeVariants } from '../test-support/test-hub.ts';
import type { Hub } from '../create-hub.ts';
import { mineOf, postReadings } from '../mine/mine-test-support.ts';

describe('mine routes', () => {
  let hub: Hub & { dispose: () => Promise<void> };
  let mine: CoalMine;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!);
    mine = mineOf(hub);
    for (const u of ['commander', 'mine-manager', 'park-manager', 'drill-planner']) tokens[u] = await login(hub, u);
  }, 180_000);
  afterAll(async () => hub?.dispose(), 180_000);

  it('lists every miner and every remotely powered machine of the mine', async () => {
    const people = await call(hub, 'GET', `/sites/${mine.id}/people`, { token: tokens['mine-manager'] });
    expect(people.status).toBe(200);
    expect(people.body.people).toHaveLength(mine.miners.length);
    expect(people.body.stillInside).toBe(0);
    const power = await call(hub, 'GET', `/sites/${mine.id}/power`, { token: tokens.commander });
    expect(power.status).toBe(200);
    expect(JSON.stringify(power.body)).toContain(mine.equipment[0]!.id);
  });

  it('answers 404 for a park, an unknown site and a manager of another site', async () => {
    expect((await call(hub, 'GET', '/sites/cp-nanjing/people', { token: tokens.commander })).status).toBe(404);
    expect((await call(hub, 'GET', '/sites/nowhere/power', { token: tokens.commander })).status).toBe(404);
    expect((await call(hub, 'GET', `/sites/${mine.id}/people`, { token: tokens['park-manager'] })).status).toBe(404);
    expect((await call(hub, 'GET', `/sites/${mine.id}/people`)).status).toBe(401);
  });

  it('orders a withdrawal: 403 for a drill planner, 400 naming an unknown roadway, 201 paging the people in the area', async () => {
    const face = mine.roadways.edges.find((e) => e.kind === 'longwall-face')!;
    const body = { sourceRoadwayIds: [face.id], reason: 'drill: smoke at the face' };
    expect((await call(hub, 'POST', `/sites/${mine.id}/withdrawals`, { token: tokens['drill-planner'], body })).status).toBe(403);
    const bad = await call(hub, 'POST', `/sites/${mine.id}/withdrawals`, { token: tokens.commander, body: { ...body, extraRoadwayIds: ['NO-SUCH'] } });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'request:bad-body' } } });
    expect(bad.body.error.message).toMatch(/^extraRoadwayIds: .*NO-SUCH/);
    // One miner reports a position on the face: they are inside the area.
    const miner = mine.miners[0]!;
    const a = mine.roadways.nodes.find((n) => n.id === face.from)!.position;
    const b = mine.roadways.nodes.find((n) => n.id === face.to)!.position;
    await postReadings(hub, [{ deviceId: miner.tagDeviceId, values: { east_m: (a.eastM + b.eastM) / 2, north_m: (a.northM + b.northM) / 2, up_m: (a.upM + b.upM) / 2 } }]);
    const ordered = await call(hub, 'POST', `/sites/${mine.id}/withdrawals`, { token: tokens['mine-manager'], body });
    expect(ordered.status).toBe(201);
    expect(ordered.body).toMatchObject({ orderedBy: 'mine-manager', sourceRoadwayIds: [face.id] });
    expect(ordered.body.personIds).toContain(miner.id);
    const people = await call(hub, 'GET', `/sites/${mine.id}/people`, { token: tokens.commander });
    const person = people.body.people.find((p: { personId: string }) => p.personId === miner.id);
    expect(person.order).not.toBeNull();
    expect(people.body.stillInside).toBeGreaterThanOrEqual(1);
  });
});
