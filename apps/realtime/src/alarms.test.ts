import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { call, connect, login, pickDevices, startTestHub, storeVariants, TEST_GATEWAY_KEY, type TestSocket } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

const waitFor = <T>(socket: TestSocket, predicate: (a: AlarmView) => boolean, timeoutMs = 5000) =>
  new Promise<AlarmView>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching alarm event')), timeoutMs);
    const on = (a: AlarmView) => {
      if (!predicate(a)) return;
      clearTimeout(timer);
      socket.off('alarm', on);
      resolve(a);
    };
    socket.on('alarm', on);
  });

describe.each(storeVariants())('set-point alarms on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  let metric: string;
  let high: number;
  let alarmId: string;
  let seq = 0;
  const t0 = Date.now() - 60_000;
  const send = (value: number, ts: number) =>
    call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: devices.gas.deviceId, ts, seq: ++seq, values: { [metric]: value } }] } });

  beforeAll(async () => {
    hub = await startTestHub(variant);
    devices = pickDevices(hub);
    const sensor = devices.park.sensors.find((s) => s.id === devices.gas.deviceId)!;
    metric = sensor.setpoints!.metric;
    high = sensor.setpoints!.high!;
    alarmId = `${devices.park.id}/${devices.gas.deviceId}/${metric}/high`;
  });
  afterAll(() => hub.dispose());

  it('raises an alarm at once when a gas detector crosses its level-1 set-point, and pushes it to the wall', async () => {
    const wall = await connect(hub, { token: await login(hub, 'commander') });
    try {
      const ack = await wall.emitWithAck('subscribe', { siteId: devices.park.id });
      expect(ack.ok && ack.alarms).toEqual([]);
      const raised = waitFor(wall, (a) => a.id === alarmId);
      await send(high * 0.5, t0);
      await send(high * 1.2, t0 + 1000);
      const alarm = await raised;
      expect(alarm).toMatchObject({ state: 'unacknowledged', kind: 'high', level: 2, processActive: true, setpoint: high, count: 1, enterpriseId: devices.gas.enterpriseId });
    } finally {
      wall.disconnect();
    }
  });

  it('counts a repeat instead of duplicating, lists it, and lets an operator acknowledge it', async () => {
    const token = await login(hub, 'commander');
    await send(high * 0.1, t0 + 2000);
    await send(high * 0.1, t0 + 8000); // below the deadband for longer than the off-delay: returns
    await send(high * 1.5, t0 + 9000); // raised again before anyone acknowledged
    const list = await call(hub, 'GET', `/alarms?siteId=${devices.park.id}&state=active`, { token });
    const mine = list.body.alarms.filter((a: AlarmView) => a.deviceId === devices.gas.deviceId && a.kind === 'high');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ state: 'unacknowledged', count: 2 });
    const acked = await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/ack`, { token });
    expect(acked.status).toBe(200);
    expect(acked.body.alarm.state).toBe('acknowledged');
    const again = await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/ack`, { token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('alarm:invalid-transition');
  });

  it('records every transition with who and when', async () => {
    const token = await login(hub, 'commander');
    await new Promise((r) => setTimeout(r, 200)); // the audit trail is written just after the change is published
    const res = await call(hub, 'GET', `/alarms/${encodeURIComponent(alarmId)}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.history.map((t: { event: string; toState: string; actor: string }) => `${t.event}:${t.toState}:${t.actor}`)).toEqual([
      'activate:unacknowledged:system',
      'response:unacknowledged:system', // level 2: the emergency plan falls due (graded response)
      'clear:rtn-unacknowledged:system',
      'activate:unacknowledged:system',
      'response:unacknowledged:system', // raised again: its still-running deadline carried over
      'ack:acknowledged:commander',
    ]);
  });

  it('shelves with a reason and refuses bad requests clearly', async () => {
    const token = await login(hub, 'park-manager');
    const bad = await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/shelve`, { token, body: { minutes: 30 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('reason');
    const shelved = await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/shelve`, { token, body: { minutes: 30, reason: 'detector calibration' } });
    expect(shelved.body.alarm).toMatchObject({ state: 'shelved' });
    expect(shelved.body.alarm.shelvedUntil).toBeGreaterThan(Date.now() + 29 * 60_000);
    const unshelved = await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/unshelve`, { token });
    expect(unshelved.body.alarm).toMatchObject({ state: 'unacknowledged', processActive: true });
    const planner = await login(hub, 'drill-planner');
    expect((await call(hub, 'POST', `/alarms/${encodeURIComponent(alarmId)}/ack`, { token: planner })).status).toBe(403);
    expect((await call(hub, 'GET', '/alarms/nope', { token })).status).toBe(404);
  });

  it("hides another enterprise's alarms from a safety officer", async () => {
    const other = await login(hub, `officer-${devices.otherEnterprise.enterpriseId}`);
    const list = await call(hub, 'GET', `/alarms?siteId=${devices.park.id}`, { token: other });
    expect(list.body.alarms.some((a: AlarmView) => a.deviceId === devices.gas.deviceId)).toBe(false);
    expect((await call(hub, 'GET', `/alarms/${encodeURIComponent(alarmId)}`, { token: other })).status).toBe(404);
    const own = await login(hub, `officer-${devices.gas.enterpriseId}`);
    expect((await call(hub, 'GET', `/alarms/${encodeURIComponent(alarmId)}`, { token: own })).status).toBe(200);
  });

  it('raises sensor-health alarms: a refused out-of-range value, and a device gone silent', async () => {
    const token = await login(hub, 'commander');
    const other = devices.otherEnterprise;
    const [m, spec] = Object.entries(other.metrics)[0]!;
    const refused = await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: other.deviceId, ts: Date.now(), seq: 1, values: { [m]: spec.minValue - 1 } }] } }); // below the range: impossible (above it, a gas detector is saturated and alarms)
    expect(refused.status).toBe(422);
    const alarmsOf = async () => (await call(hub, 'GET', `/alarms?siteId=${devices.park.id}&state=active`, { token })).body.alarms.filter((a: AlarmView) => a.deviceId === other.deviceId);
    expect((await alarmsOf()).map((a: AlarmView) => a.kind)).toEqual(['out-of-range']);
    await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: other.deviceId, ts: Date.now(), seq: 2, values: { [m]: spec.minValue } }] } });
    const silentForMs = 3 * other.intervalMs + 1500;
    await new Promise((r) => setTimeout(r, silentForMs));
    const after = await alarmsOf();
    expect(after.find((a: AlarmView) => a.kind === 'stale')).toMatchObject({ state: 'unacknowledged', metric: '*', level: 3 });
    expect(after.find((a: AlarmView) => a.kind === 'out-of-range')).toMatchObject({ state: 'rtn-unacknowledged', processActive: false });
  });

  it('lets a safety officer see but not act on a park-level alarm (the weather station)', async () => {
    const w = devices.weather;
    const [m, spec] = Object.entries(w.metrics)[0]!;
    await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: w.deviceId, ts: Date.now(), seq: 1, values: { [m]: spec.maxValue + 1000 } }] } });
    const id = encodeURIComponent(`${devices.park.id}/${w.deviceId}/${m}/out-of-range`);
    const officer = await login(hub, `officer-${devices.gas.enterpriseId}`);
    expect((await call(hub, 'GET', `/alarms/${id}`, { token: officer })).status).toBe(200);
    const act = await call(hub, 'POST', `/alarms/${id}/out-of-service`, { token: officer, body: { reason: 'hide it' } });
    expect(act.status).toBe(403);
    const manager = await login(hub, 'park-manager');
    expect((await call(hub, 'POST', `/alarms/${id}/ack`, { token: manager })).status).toBe(200);
  });
});
