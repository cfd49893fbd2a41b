// The browser's mine calls against the real hub (in-process, demo sites, simulator off, readings
// posted as the demo gateway): the people and power views in the shapes the wall reads, a
// commander's withdrawal order recorded and its people paged, a safety officer refused and a bad
// roadway named in the hub's own message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '@safetwin/realtime';
import { buildCoalMine } from '@safetwin/twin-models';
import { HubError } from '../lib/hub-error.ts';
import { fetchPeople, fetchPower, orderWithdrawal } from './mine-client.ts';
import { fetchTrajectory } from './mine-trajectory.ts';

const MINE = 'cm-yangquan';
const PASSWORD = 'mine-client-test';
const GATEWAY_KEY = 'mine-client-gateway-key';
let hub: Hub;

async function token(username: string): Promise<string> {
  const r = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return ((await r.json()) as { token: string }).token;
}

beforeAll(async () => {
  const { createHub } = await import('@safetwin/realtime');
  hub = await createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: PASSWORD, demoGatewayKey: GATEWAY_KEY, logLevel: 'silent' });
}, 240_000);
afterAll(async () => {
  await hub?.close();
});

describe('mine client against the hub', () => {
  it('reads people and power in the wall’s shapes, and a commander’s order pages the people of the area', async () => {
    const caller = { hubUrl: hub.url, token: await token('commander') };
    const power = await fetchPower(caller, MINE);
    expect(power.machines.length).toBeGreaterThan(0);
    expect(power.machines[0]).toMatchObject({ equipmentId: expect.any(String), name: { zh: expect.any(String), en: expect.any(String) }, heldBy: [] });
    expect(power.sensors.find((s) => s.placement === 'longwall-face')).toMatchObject({ alarmPct: 1, cutAtPct: 1.5, restoreBelowPct: 1 });

    const before = await fetchPeople(caller, MINE);
    expect(before.people.length).toBe(64);
    const miner = before.people[0]!;
    expect(miner).toMatchObject({ state: 'working', order: null, tagDeviceId: expect.any(String) });

    // Put one miner at the middle of the heading by a position reading, as a gateway would.
    const site = ((await (await fetch(`${hub.url}/api/v1/sites/${MINE}`, { headers: { authorization: `Bearer ${caller.token}` } })).json()) as { site: { roadways: { nodes: Array<{ id: string; position: { eastM: number; northM: number; upM: number } }>; edges: Array<{ id: string; from: string; to: string }> } } }).site;
    const heading = site.roadways.edges.find((e) => e.id === 'CM-R-17')!;
    const a = site.roadways.nodes.find((n) => n.id === heading.from)!.position, b = site.roadways.nodes.find((n) => n.id === heading.to)!.position;
    const ingest = await fetch(`${hub.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${GATEWAY_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ readings: [{ deviceId: miner.tagDeviceId, ts: Date.now(), seq: 1, values: { east_m: (a.eastM + b.eastM) / 2, north_m: (a.northM + b.northM) / 2, up_m: (a.upM + b.upM) / 2 } }] }),
    });
    expect(ingest.status, await ingest.clone().text()).toBe(202);
    let placed = await fetchPeople(caller, MINE);
    for (let i = 0; i < 40 && placed.people[0]!.roadwayId === null; i++) {
      await new Promise((r) => setTimeout(r, 250));
      placed = await fetchPeople(caller, MINE);
    }
    expect(placed.people.find((p) => p.personId === miner.personId)!.roadwayId).toBe('CM-R-17');
    // The same position read back as the person's trajectory (stored readings; the hub stores asynchronously).
    let trajectory = await fetchTrajectory(caller, MINE, miner.personId, Date.now() - 60_000, Date.now() + 1_000);
    for (let i = 0; i < 40 && trajectory.points.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      trajectory = await fetchTrajectory(caller, MINE, miner.personId, Date.now() - 60_000, Date.now() + 1_000);
    }
    expect(trajectory.points.at(-1)).toMatchObject({ roadwayId: 'CM-R-17', position: { upM: expect.any(Number) } });

    const order = await orderWithdrawal(caller, MINE, { sourceRoadwayIds: ['CM-R-17'], reason: 'mine client test' });
    expect(order).toMatchObject({ orderedBy: 'commander', sourceRoadwayIds: ['CM-R-17'] });
    expect(order!.personIds).toContain(miner.personId);
    const after = await fetchPeople(caller, MINE);
    const paged = after.people.find((p) => p.personId === miner.personId)!;
    expect(['paged', 'no-route']).toContain(paged.state);
    expect(paged.order).toMatchObject({ withdrawalId: order!.id });
    expect(after.withdrawals[0]!.id).toBe(order!.id);
    expect(after.stillInside).toBeGreaterThanOrEqual(1);
  });

  it('refuses what the hub refuses, with its message', async () => {
    const commander = { hubUrl: hub.url, token: await token('commander') };
    const bad = await orderWithdrawal(commander, MINE, { sourceRoadwayIds: ['NO-SUCH'], reason: 'bad roadway' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(HubError);
    expect((bad as HubError).status).toBe(400);
    expect((bad as HubError).message).toMatch(/NO-SUCH/);
    const officer = { hubUrl: hub.url, token: await token(`officer-${buildCoalMine().enterprises[0]!.id}`) };
    const refused = await orderWithdrawal(officer, MINE, { sourceRoadwayIds: ['CM-R-17'], reason: 'not mine to order' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).status).toBe(403);
  });
});
