// People underground on a real hub (demo sites, no simulator): attendance across a restart,
// zone alarms raised and cleared, pages to a zone acknowledged by page_ack readings, trajectory
// windows, the roof rate alarm from posted readings, and the routes' 4xx answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@safetwin/db';
import type { CoalMine, Enu } from '@safetwin/twin-models';
import { createHub, type Hub } from '../../create-hub.ts';
import { call, login, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY, TEST_PASSWORD } from '../../test-support/test-hub.ts';
import { mineOf, postReadings } from '../mine-test-support.ts';

const MIN_MS = 60_000;
const H_MS = 3_600_000;

/** A point `chainageM` along a roadway of the mine. */
function at(mine: CoalMine, roadwayId: string, chainageM: number): Enu {
  const e = mine.roadways.edges.find((x) => x.id === roadwayId)!;
  const a = mine.roadways.nodes.find((n) => n.id === e.from)!.position;
  const b = mine.roadways.nodes.find((n) => n.id === e.to)!.position;
  const f = chainageM / e.lengthM;
  return { eastM: a.eastM + f * (b.eastM - a.eastM), northM: a.northM + f * (b.northM - a.northM), upM: a.upM + f * (b.upM - a.upM) };
}
const pos = (p: Enu) => ({ east_m: p.eastM, north_m: p.northM, up_m: p.upM });
const active = (hub: Hub, siteId: string, deviceId: string, kind: string) =>
  hub.alarmEngine.list(siteId, true).find((a) => a.deviceId === deviceId && a.kind === kind && a.processActive);

describe('people underground on a real hub', () => {
  let hub: Hub & { dispose: () => Promise<void> };
  let mine: CoalMine;
  const tokens: Record<string, string> = {};
  const byTeam = (team: string, n = 0) => mine.miners.filter((m) => m.team === team)[n]!;

  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!);
    mine = mineOf(hub);
    for (const u of ['commander', 'mine-manager', 'drill-planner', 'park-manager']) tokens[u] = await login(hub, u);
  }, 180_000);
  afterAll(async () => hub?.dispose(), 180_000);

  it('raises SOS (level 1, with the name and place) and clears it when the tag stops calling', async () => {
    const m = byTeam('综采一队');
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: { ...pos(at(mine, 'CM-R-14', 120)), sos: 1 } }]);
    const alarm = active(hub, mine.id, m.tagDeviceId, 'sos');
    expect(alarm).toMatchObject({ level: 1, priority: 'high', metric: 'sos' });
    const history = await hub.alarmEngine.history(alarm!.id);
    expect(history.map((h) => h.reason).join(' ')).toMatch(new RegExp(`SOS: ${m.name} .*CM-R-14 longwall face @ 120 m`));
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: { ...pos(at(mine, 'CM-R-14', 121)), sos: 0 } }]);
    expect(active(hub, mine.id, m.tagDeviceId, 'sos')).toBeUndefined();
  });

  it('alarms on entry into the restricted main return after the dwell, not for its authorized teams, and clears on leaving', async () => {
    const intruder = byTeam('运输队');
    const patrol = byTeam('通风队');
    const inside = at(mine, 'CM-R-20', 150);
    const now = Date.now();
    await postReadings(hub, [
      { deviceId: intruder.tagDeviceId, values: pos(inside), ts: now - 15_000 },
      { deviceId: patrol.tagDeviceId, values: pos(inside), ts: now - 15_000 },
    ]);
    expect(active(hub, mine.id, intruder.tagDeviceId, 'restricted-zone'), 'not before the dwell').toBeUndefined();
    await postReadings(hub, [
      { deviceId: intruder.tagDeviceId, values: pos(inside), ts: now },
      { deviceId: patrol.tagDeviceId, values: pos(inside), ts: now },
    ]);
    expect(active(hub, mine.id, intruder.tagDeviceId, 'restricted-zone')).toMatchObject({ level: 2 });
    expect(active(hub, mine.id, patrol.tagDeviceId, 'restricted-zone')).toBeUndefined();
    await postReadings(hub, [{ deviceId: intruder.tagDeviceId, values: pos(at(mine, 'CM-R-06', 100)) }]);
    expect(active(hub, mine.id, intruder.tagDeviceId, 'restricted-zone')).toBeUndefined();
  });

  it('alarms on an abnormal route (out of the work area and way out for 5 min, level 4) and clears back at work', async () => {
    const m = byTeam('综采一队', 1);
    const now = Date.now();
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-17', 50)), ts: now - 6 * MIN_MS }]);
    expect(active(hub, mine.id, m.tagDeviceId, 'abnormal-route')).toBeUndefined();
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-17', 60)), ts: now }]);
    expect(active(hub, mine.id, m.tagDeviceId, 'abnormal-route')).toMatchObject({ level: 4 });
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-14', 60)), ts: now + 1000 }]);
    expect(active(hub, mine.id, m.tagDeviceId, 'abnormal-route')).toBeUndefined();
  });

  it('changes a zone limit (roles, 400 naming the field, 404), alarms overcrowding on the zone and clears it with a higher limit', async () => {
    const url = `/sites/${mine.id}/zones/CM-Z-HEADING`;
    expect((await call(hub, 'PATCH', url, { token: tokens['drill-planner'], body: { headcountLimit: 2 } })).status).toBe(403);
    const bad = await call(hub, 'PATCH', url, { token: tokens.commander, body: { headcountLimit: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/headcountLimit/);
    expect((await call(hub, 'PATCH', url, { token: tokens.commander, body: {} })).body.error.message).toMatch(/headcountLimit/);
    expect((await call(hub, 'PATCH', `/sites/${mine.id}/zones/NO-ZONE`, { token: tokens.commander, body: { headcountLimit: 3 } })).status).toBe(404);
    const crew = mine.miners.filter((m) => m.team === '掘进二队').slice(0, 3);
    await postReadings(hub, crew.map((m, i) => ({ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-17', 20 + 10 * i)) })));
    const patched = await call(hub, 'PATCH', url, { token: tokens['mine-manager'], body: { headcountLimit: 2 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ headcountLimit: 2, headcount: 3, overcrowded: true, updatedBy: 'mine-manager' });
    expect(active(hub, mine.id, 'CM-Z-HEADING', 'overcrowding')).toMatchObject({ level: 2, value: 3, setpoint: 2 });
    const zones = await call(hub, 'GET', `/sites/${mine.id}/zones`, { token: tokens['mine-manager'] });
    const heading = zones.body.zones.find((z: { zoneId: string }) => z.zoneId === 'CM-Z-HEADING');
    expect(heading.people.map((p: { personId: string }) => p.personId).sort()).toEqual(crew.map((m) => m.id).sort());
    await call(hub, 'PATCH', url, { token: tokens.commander, body: { headcountLimit: 18 } });
    expect(active(hub, mine.id, 'CM-Z-HEADING', 'overcrowding')).toBeUndefined();
  });

  it('restricts the heading for blasting: the people inside raise the entry alarm after the dwell', async () => {
    const m = mine.miners.filter((x) => x.team === '掘进二队')[5]!;
    const now = Date.now();
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-18', 30)), ts: now - 12_000 }]);
    expect((await call(hub, 'PATCH', `/sites/${mine.id}/zones/CM-Z-HEADING`, { token: tokens.commander, body: { restricted: true } })).body.restricted).toBe(true);
    await postReadings(hub, [{ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-18', 31)), ts: now }]);
    expect(active(hub, mine.id, m.tagDeviceId, 'restricted-zone')).toBeDefined();
    await call(hub, 'PATCH', `/sites/${mine.id}/zones/CM-Z-HEADING`, { token: tokens.commander, body: { restricted: false } });
    expect(active(hub, mine.id, m.tagDeviceId, 'restricted-zone')).toBeUndefined();
  });

  it('pages everyone in a zone and shows each acknowledgement from page_ack; 400/403/404 as usual', async () => {
    const pages = `/sites/${mine.id}/pages`;
    const crew = mine.miners.filter((m) => m.team === '综采一队').slice(5, 8);
    await postReadings(hub, crew.map((m, i) => ({ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-14', 30 + 5 * i)) })));
    expect((await call(hub, 'POST', pages, { token: tokens['drill-planner'], body: { to: { zoneId: 'CM-Z-FACE' }, text: 'x' } })).status).toBe(403);
    const noText = await call(hub, 'POST', pages, { token: tokens.commander, body: { to: { zoneId: 'CM-Z-FACE' } } });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toMatch(/text/);
    expect((await call(hub, 'POST', pages, { token: tokens.commander, body: { to: { personId: 'CM-P-999' }, text: 'hello' } })).status).toBe(404);
    const empty = await call(hub, 'POST', pages, { token: tokens.commander, body: { to: { zoneId: 'CM-Z-GATEWAYS' }, text: 'hello' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^to\.zoneId: no one/);
    const sent = await call(hub, 'POST', pages, { token: tokens.commander, body: { to: { zoneId: 'CM-Z-FACE' }, text: '班后会改到井口会议室' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const ids = sent.body.recipients.map((r: { personId: string }) => r.personId);
    for (const m of crew) expect(ids).toContain(m.id);
    expect(sent.body.recipients[0].commandState).not.toBe('sent');
    const [a, b] = crew;
    await postReadings(hub, [
      { deviceId: a!.tagDeviceId, values: { page_ack: 1 }, ts: sent.body.at - 5_000 }, // an old flag does not count
      { deviceId: b!.tagDeviceId, values: { page_ack: 1 }, ts: sent.body.at + 2_000 },
    ]);
    const list = await call(hub, 'GET', pages, { token: tokens['mine-manager'] });
    const page = list.body.pages.find((p: { id: string }) => p.id === sent.body.id);
    const ack = (id: string) => page.recipients.find((r: { personId: string }) => r.personId === id).ackedAt;
    expect(ack(a!.id)).toBeNull();
    expect(ack(b!.id)).toBe(sent.body.at + 2_000);
    expect(page.acknowledged).toBe(1);
  });

  it('returns a trajectory with roadway and chainage, thinned to 2000 points for a long window; 400 for a bad window, 404 for an unknown person', async () => {
    const m = byTeam('机电队');
    const t0 = Date.now() - 3 * H_MS;
    const n = 2400;
    for (let k = 0; k < n; k += 800) {
      await postReadings(hub, Array.from({ length: 800 }, (_, i) => ({ deviceId: m.tagDeviceId, values: pos(at(mine, 'CM-R-05', 10 + ((k + i) % 300))), ts: t0 + (k + i) * 1000 })));
    }
    const url = `/sites/${mine.id}/people/${m.id}/trajectory`;
    const short = await call(hub, 'GET', `${url}?from=${t0}&to=${t0 + 10_000}`, { token: tokens.commander });
    expect(short.status).toBe(200);
    expect(short.body.bucketMs).toBe(5);
    expect(short.body.points).toHaveLength(10);
    expect(short.body.points[3]).toMatchObject({ ts: t0 + 3000, roadwayId: 'CM-R-05' });
    expect(short.body.points[3].chainageM).toBeCloseTo(13, 0);
    const long = await call(hub, 'GET', `${url}?from=${t0}&to=${t0 + n * 1000}`, { token: tokens.commander });
    expect(long.body.bucketMs).toBe(1200);
    expect(long.body.points.length).toBeLessThanOrEqual(2000);
    expect(long.body.points.length).toBeGreaterThan(1900);
    expect(long.body.points[0].ts).toBe(t0);
    const bad = await call(hub, 'GET', `${url}?from=${t0}&to=${t0}`, { token: tokens.commander });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^from/);
    expect((await call(hub, 'GET', `${url}?from=${t0}&to=${t0 + 40 * 24 * H_MS}`, { token: tokens.commander })).status).toBe(400);
    expect((await call(hub, 'GET', `${url}?to=${t0}`, { token: tokens.commander })).status).toBe(400);
    expect((await call(hub, 'GET', `/sites/${mine.id}/people/CM-P-999/trajectory?from=${t0}&to=${t0 + 1000}`, { token: tokens.commander })).status).toBe(404);
  });

  it('raises the roof rate alarm from 40 min of readings rising 6 mm/h and shows the roadway rising on GET /roof', async () => {
    const sensor = mine.sensors.find((s) => s.kind === 'roof-displacement' && s.roadwayId === 'CM-R-15')!;
    const still = mine.sensors.find((s) => s.kind === 'roof-displacement' && s.roadwayId === 'CM-R-17')!;
    const t0 = Date.now() - 40 * MIN_MS;
    await postReadings(hub, Array.from({ length: 41 }, (_, i) => [
      { deviceId: sensor.id, values: { roof_disp_mm: 5 + 0.1 * i }, ts: t0 + i * MIN_MS },
      { deviceId: still.id, values: { roof_disp_mm: 5 + (i % 2) * 0.02 }, ts: t0 + i * MIN_MS },
    ]).flat());
    expect(active(hub, mine.id, sensor.id, 'rate')).toMatchObject({ metric: 'roof_disp_mm', level: 3 });
    expect(active(hub, mine.id, still.id, 'rate')).toBeUndefined();
    const roof = await call(hub, 'GET', `/sites/${mine.id}/roof`, { token: tokens.commander });
    expect(roof.status).toBe(200);
    const view = roof.body.sensors.find((s: { sensorId: string }) => s.sensorId === sensor.id);
    expect(view).toMatchObject({ roadwayId: 'CM-R-15', valueMm: 9, state: 'rising', warningMm: 25, dangerMm: 50 });
    expect(view.rateMmH).toBeCloseTo(6, 1);
    expect(roof.body.roadways.find((r: { roadwayId: string }) => r.roadwayId === 'CM-R-15').state).toBe('rising');
    expect(roof.body.roadways.find((r: { roadwayId: string }) => r.roadwayId === 'CM-R-17').state).toBe('normal');
  });

  it('answers 404 for the people routes of a park and 401 without a token', async () => {
    expect((await call(hub, 'GET', '/sites/cp-nanjing/zones', { token: tokens.commander })).status).toBe(404);
    expect((await call(hub, 'GET', `/sites/${mine.id}/roof`, { token: tokens['park-manager'] })).status).toBe(404);
    expect((await call(hub, 'GET', `/sites/${mine.id}/attendance`)).status).toBe(401);
  });
});

describe.each(storeVariants())('attendance across a restart ($name)', (variant) => {
  let dataDir = '';
  let drop: () => Promise<void> = async () => {};
  let options: Record<string, string> = {};
  beforeAll(async () => {
    if (variant.name === 'pglite') {
      dataDir = mkdtempSync(path.join(tmpdir(), 'safetwin-people-'));
      options = { dataDir };
    } else {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      options = { databaseUrl: scratch.url };
      drop = scratch.drop;
    }
  }, 60_000);
  afterAll(async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await drop();
  }, 60_000);
  const start = () => createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: TEST_PASSWORD, demoGatewayKey: TEST_GATEWAY_KEY, logLevel: 'silent', redisPrefix: `safetwin-test-${Date.now()}`, ...options });

  it('records the descent by the main shaft, keeps the person underground across a restart, raises overtime and closes the stay on the surface', async () => {
    const first = await start();
    const mine = mineOf(first);
    const [walker, late] = [mine.miners[10]!, mine.miners[11]!];
    const now = Date.now();
    const t = (first as Hub);
    await postReadings(t, [
      { deviceId: walker.tagDeviceId, values: { east_m: 1, north_m: 1, up_m: 0 }, ts: now - 60_000 },
      { deviceId: walker.tagDeviceId, values: pos(at(mine, 'CM-R-03', 5)), ts: now - 50_000 },
      { deviceId: late.tagDeviceId, values: { east_m: 61, north_m: 1, up_m: 0 }, ts: now - 11 * H_MS },
      { deviceId: late.tagDeviceId, values: pos(at(mine, 'CM-R-04', 5)), ts: now - 10.9 * H_MS },
    ]);
    const commander = await login(t, 'commander');
    const before = await call(t, 'GET', `/sites/${mine.id}/attendance?from=${now - 12 * H_MS}&to=${now + 1000}`, { token: commander });
    expect(before.status).toBe(200);
    expect(before.body.stays.find((s: { personId: string }) => s.personId === walker.id)).toMatchObject({ downAt: now - 50_000, downObserved: true, downShaftId: 'CM-R-01', upAt: null });
    expect(before.body.stays.find((s: { personId: string }) => s.personId === late.id)).toMatchObject({ downShaftId: 'CM-R-02' });
    expect(active(t, mine.id, late.tagDeviceId, 'overtime')).toMatchObject({ level: 3 });
    expect(active(t, mine.id, walker.tagDeviceId, 'overtime')).toBeUndefined();
    await first.close();

    const second = await start();
    try {
      const token = await login(second, 'commander');
      const after = await call(second, 'GET', `/sites/${mine.id}/attendance`, { token });
      const down = after.body.underground.find((u: { personId: string }) => u.personId === walker.id);
      expect(down).toMatchObject({ downAt: now - 50_000, roadwayId: 'CM-R-03', overtime: false });
      expect(after.body.underground.find((u: { personId: string }) => u.personId === late.id)).toMatchObject({ overtime: true });
      await postReadings(second, [
        { deviceId: walker.tagDeviceId, values: { east_m: 1, north_m: 1, up_m: 0 }, ts: now + 10_000 },
        { deviceId: late.tagDeviceId, values: pos(at(mine, 'CM-R-04', 2)), ts: now + 9_000 },
        { deviceId: late.tagDeviceId, values: { east_m: 60, north_m: 1, up_m: 0 }, ts: now + 10_000 },
      ]);
      expect(active(second, mine.id, late.tagDeviceId, 'overtime')).toBeUndefined();
      const closed = await pollUntil(async () => {
        const r = await call(second, 'GET', `/sites/${mine.id}/attendance?from=${now - 12 * H_MS}&to=${now + 20_000}`, { token });
        const s = r.body.stays.find((x: { personId: string }) => x.personId === walker.id);
        return s?.upAt ? r.body : undefined;
      }, 10_000);
      expect(closed.stays.find((s: { personId: string }) => s.personId === walker.id)).toMatchObject({ downAt: now - 50_000, upAt: now + 10_000, upShaftId: 'CM-R-01' });
      expect(closed.stays.find((s: { personId: string }) => s.personId === late.id)).toMatchObject({ upAt: now + 10_000, upShaftId: 'CM-R-02' });
      expect(closed.underground.map((u: { personId: string }) => u.personId)).not.toContain(walker.id);
    } finally {
      await second.close();
    }
  });
});
