import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, pickDevices, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY } from '../../test-support/test-hub.ts';
import type { Hub } from '../../create-hub.ts';
import { monthOf } from './kpi-window.ts';

describe.each(storeVariants())('GET /alarms/kpis and classified acknowledgements on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  let commander: string;
  let officer: string;
  let enterpriseId: string;
  /** Two flammable gas detectors of the park: one of the officer's enterprise, one of another. */
  let own: { deviceId: string; metric: string; high: number; alarmId: string };
  let other: typeof own;
  const seqs = new Map<string, number>();
  let sensorMs = Date.now() - 10 * 60_000;

  const send = (d: typeof own, value: number) => {
    const seq = (seqs.get(d.deviceId) ?? 0) + 1;
    seqs.set(d.deviceId, seq);
    return call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: d.deviceId, ts: (sensorMs += 1000), seq, values: { [d.metric]: value } }] } });
  };
  /** Over the high limit, then back below the deadband past the 5 s off-delay (sensor time). */
  const activateAndReturn = async (d: typeof own) => {
    await send(d, d.high * 1.2);
    await send(d, 0.5);
    sensorMs += 5000;
    await send(d, 0.5);
  };
  const kpis = (token: string, query = '') => call(hub, 'GET', `/alarms/kpis${query}`, { token });

  beforeAll(async () => {
    hub = await startTestHub(variant);
    devices = pickDevices(hub);
    const flammable = devices.park.sensors.filter((x) => x.kind === 'gas-flammable' && x.setpoints?.high != null && x.enterpriseId !== null);
    const detector = (s: (typeof flammable)[number]) => ({ deviceId: s.id, metric: s.setpoints!.metric, high: s.setpoints!.high!, alarmId: `${devices.park.id}/${s.id}/${s.setpoints!.metric}/high` });
    enterpriseId = flammable[0]!.enterpriseId!;
    own = detector(flammable[0]!);
    other = detector(flammable.find((x) => x.enterpriseId !== enterpriseId)!);
    commander = await login(hub, 'commander');
    officer = await login(hub, `officer-${enterpriseId}`);
    for (let i = 0; i < 3; i++) await activateAndReturn(own);
    await activateAndReturn(other);
  });
  afterAll(() => hub.dispose());

  it('acknowledges with a classification, records it in the transition, and refuses a bad body naming the field', async () => {
    const bad = await call(hub, 'POST', `/alarms/${encodeURIComponent(own.alarmId)}/ack`, { token: commander, body: { classification: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/classification/);
    const reasonOnly = await call(hub, 'POST', `/alarms/${encodeURIComponent(own.alarmId)}/ack`, { token: commander, body: { reason: 'test gas' } });
    expect(reasonOnly.status).toBe(400);
    expect(reasonOnly.body.error.message).toMatch(/classification/);
    const acked = await call(hub, 'POST', `/alarms/${encodeURIComponent(own.alarmId)}/ack`, { token: officer, body: { classification: 'false', reason: 'test gas during calibration' } });
    expect(acked.status).toBe(200);
    expect(acked.body.alarm.state).toBe('normal'); // it had returned: rtn-unacknowledged → normal
    const history = await pollUntil(async () => {
      const res = await call(hub, 'GET', `/alarms/${encodeURIComponent(own.alarmId)}`, { token: commander });
      return res.body.history.find((t: { event: string }) => t.event === 'ack');
    });
    expect(history).toMatchObject({ actor: `officer-${enterpriseId}`, reason: 'classified false alarm: test gas during calibration', toState: 'normal' });
    const plain = await call(hub, 'POST', `/alarms/${encodeURIComponent(other.alarmId)}/ack`, { token: commander });
    expect(plain.status).toBe(200);
  });

  it('gives the commander every alarm point, with chattering, bad actors and the month false-alarm rate', async () => {
    const res = await pollUntil(async () => {
      const r = await kpis(commander, `?siteId=${devices.park.id}`);
      return r.body.falseAlarmRatePct?.falseCount === 1 && r;
    });
    expect(res).toBeTruthy();
    const k = res!.body;
    expect(k.siteId).toBe(devices.park.id);
    expect(k.activationsLast10Min).toBeGreaterThanOrEqual(4);
    expect(k.chattering).toContainEqual({ alarmId: own.alarmId, deviceId: own.deviceId, activations: 3 });
    expect(k.badActors[0]).toEqual({ alarmId: own.alarmId, deviceId: own.deviceId, activations: 3 });
    expect(k.badActors).toContainEqual({ alarmId: other.alarmId, deviceId: other.deviceId, activations: 1 });
    expect(k.falseAlarmRatePct).toMatchObject({ month: monthOf(Date.now()), falseCount: 1 });
    expect(k.falseAlarmRatePct.total).toBeGreaterThanOrEqual(4);
    expect(typeof k.standing).toBe('number');
    expect(Array.isArray(k.stale)).toBe(true);
  });

  it("limits a safety officer to their own enterprise's alarm points", async () => {
    const res = await kpis(officer, `?siteId=${devices.park.id}`);
    expect(res.status).toBe(200);
    const ids = [...res.body.badActors, ...res.body.chattering].map((x: { deviceId: string }) => x.deviceId);
    expect(ids).toContain(own.deviceId);
    for (const deviceId of ids) expect(hub.registry.device(deviceId)?.enterpriseId).toBe(enterpriseId);
    expect(res.body.falseAlarmRatePct.falseCount).toBe(1);
    const mine = await kpis(officer, `?siteId=${devices.mine.id}`);
    expect(mine.status).toBe(404);
  });

  it('refuses bad input with 4xx naming the field, and is not taken for an alarm id', async () => {
    const badMonth = await kpis(commander, '?month=2026-13');
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error.message).toMatch(/month/);
    const unknownSite = await kpis(commander, '?siteId=nowhere');
    expect(unknownSite.status).toBe(404);
    expect((await call(hub, 'GET', '/alarms/kpis')).status).toBe(401);
    const march = await kpis(commander, '?month=2020-03');
    expect(march.body.falseAlarmRatePct).toEqual({ month: '2020-03', pct: null, falseCount: 0, total: 0, fleetingCount: 0, fleetingPct: null });
    expect(march.body).not.toHaveProperty('history');
  });
});
