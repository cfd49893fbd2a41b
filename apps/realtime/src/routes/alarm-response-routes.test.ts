import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import type { Hub } from '../create-hub.ts';
import { alarmId } from '../alarms/alarm-engine.ts';
import { call, login, pickDevices, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY } from '../test-support/test-hub.ts';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe.each(storeVariants())('graded-response confirmations on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  /** A level-2 gas alarm (emergency plan due) and a level-3 stale alarm (rectification plan due), both of the gas detector's enterprise. */
  let gasAlarm: string;
  let staleAlarm: string;
  const path = (id: string, action: string) => `/alarms/${encodeURIComponent(id)}/${action}`;

  beforeAll(async () => {
    hub = await startTestHub(variant, { redisUrl: process.env.REDIS_URL });
    devices = pickDevices(hub);
    const sensor = devices.park.sensors.find((s) => s.id === devices.gas.deviceId)!;
    const metric = sensor.setpoints!.metric;
    const ts = Date.now();
    const high = sensor.setpoints!.high!;
    const ingest = await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId: sensor.id, ts, seq: 1, values: { [metric]: high * 1.2 } }] } });
    expect(ingest.status).toBe(202);
    gasAlarm = alarmId(devices.park.id, sensor.id, metric, 'high');
    hub.alarmEngine.setCondition({ siteId: devices.park.id, deviceId: sensor.id, enterpriseId: sensor.enterpriseId, metric: '*', kind: 'stale', level: 3, priority: 'low', setpoint: null }, true, null);
    staleAlarm = alarmId(devices.park.id, sensor.id, '*', 'stale');
    const due = await pollUntil(async () => hub.alarmEngine.get(gasAlarm)?.response?.dueAt != null && hub.alarmEngine.get(staleAlarm)?.response?.dueAt != null);
    expect(due).toBe(true);
  });
  afterAll(() => hub.dispose());

  it('shows each alarm’s response with its deadline: emergency plan in 30 min, rectification plan in 2 h, for the enterprise', async () => {
    const token = await login(hub, 'commander');
    const gas = (await call(hub, 'GET', `/alarms/${encodeURIComponent(gasAlarm)}`, { token })).body.alarm as AlarmView;
    expect(gas.response).toMatchObject({ kind: 'emergency-plan', tier: 'enterprise', escalations: 0, confirmedAt: null });
    expect(gas.response!.dueAt! - gas.raisedAt!).toBeGreaterThanOrEqual(30 * 60_000);
    expect(gas.response!.dueAt! - gas.raisedAt!).toBeLessThan(31 * 60_000);
    const stale = (await call(hub, 'GET', `/alarms/${encodeURIComponent(staleAlarm)}`, { token })).body.alarm as AlarmView;
    expect(stale.response).toMatchObject({ kind: 'rectification-plan', tier: 'enterprise' });
  });

  it('answers 404 for an unknown alarm or one the user may not see, 403 for a role or tenant that may not confirm', async () => {
    const body = { note: 'plan started' };
    const commander = await login(hub, 'commander');
    expect((await call(hub, 'POST', path('nope/x/y/z', 'confirm-plan'), { token: commander, body })).status).toBe(404);
    const otherOfficer = await login(hub, `officer-${devices.otherEnterprise.enterpriseId}`);
    const hidden = await call(hub, 'POST', path(gasAlarm, 'confirm-plan'), { token: otherOfficer, body });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('alarm:not-found');
    const planner = await login(hub, 'drill-planner');
    const watch = await call(hub, 'POST', path(gasAlarm, 'confirm-plan'), { token: planner, body });
    expect(watch.status).toBe(403);
    expect(watch.body.error.code).toBe('auth:forbidden');
    expect((await call(hub, 'POST', path(gasAlarm, 'confirm-plan'), { body })).status).toBe(401);
    // A park-operated device's alarm: an officer sees it (weather) but may not confirm for the park.
    const w = devices.weather;
    hub.alarmEngine.setCondition({ siteId: devices.park.id, deviceId: w.deviceId, enterpriseId: null, metric: '*', kind: 'stale', level: 3, priority: 'low', setpoint: null }, true, null);
    const weatherAlarm = alarmId(devices.park.id, w.deviceId, '*', 'stale');
    await pollUntil(async () => hub.alarmEngine.get(weatherAlarm)?.response !== null);
    const ownOfficer = await login(hub, `officer-${devices.gas.enterpriseId}`);
    const notTheirs = await call(hub, 'POST', path(weatherAlarm, 'rectification-plan'), { token: ownOfficer, body });
    expect(notTheirs.status).toBe(403);
    expect(hub.alarmEngine.get(gasAlarm)!.response!.confirmedAt).toBeNull();
  });

  it('answers 400 naming the bad field, and stores nothing', async () => {
    const token = await login(hub, 'park-manager');
    const cases: [string, unknown, string][] = [
      ['confirm-plan', {}, 'note'],
      ['confirm-plan', { note: 'x' }, 'note'],
      ['confirm-plan', { note: 'plan started', photo: 'data:image/gif;base64,R0lGOD==' }, 'photo'],
      ['confirm-plan', { note: 'plan started', photo: 'file:///tmp/x.png' }, 'photo'],
      ['confirm-plan', { note: 'plan started', photo: `data:image/jpeg;base64,${'A'.repeat(1_398_104)}` }, 'photo'],
      ['confirm-plan', { note: 'plan started', extra: 1 }, 'extra'],
      ['rectification-plan', { note: 'replace the sensor', dueBy: Date.now() - 1000 }, 'dueBy'],
      ['rectification-plan', { note: 'replace the sensor', dueBy: 'tomorrow' }, 'dueBy'],
    ];
    for (const [action, body, field] of cases) {
      const res = await call(hub, 'POST', path(action === 'confirm-plan' ? gasAlarm : staleAlarm, action), { token, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const [photos] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alarm_response_photos');
    expect(photos!.n).toBe(0);
    expect(hub.alarmEngine.get(gasAlarm)!.response!.confirmedAt).toBeNull();
  });

  it('answers 409 when that kind of response is not due on the alarm', async () => {
    const token = await login(hub, 'commander');
    const wrongKind = await call(hub, 'POST', path(staleAlarm, 'confirm-plan'), { token, body: { note: 'plan started' } });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error).toMatchObject({ code: 'alarm:nothing-due', message: expect.stringContaining('rectification-plan') });
    expect((await call(hub, 'POST', path(gasAlarm, 'rectification-plan'), { token, body: { note: 'fix it' } })).status).toBe(409);
  });

  it('lets the enterprise’s officer confirm the emergency plan with a photo, once', async () => {
    const token = await login(hub, `officer-${devices.gas.enterpriseId}`);
    const res = await call(hub, 'POST', path(gasAlarm, 'confirm-plan'), { token, body: { note: 'emergency plan level II started, water curtain on', photo: PNG_1PX } });
    expect(res.status).toBe(200);
    const response = (res.body.alarm as AlarmView).response!;
    expect(response).toMatchObject({ kind: 'emergency-plan', tier: 'enterprise', escalations: 0, confirmedBy: `officer-${devices.gas.enterpriseId}` });
    expect(response.confirmedAt).toBeGreaterThan(0);
    const link = /\(photo: \/api\/v1(\/alarms\/[^ ]+\/photos\/[0-9a-f-]+)\)$/.exec(response.note!);
    expect(response.note).toMatch(/^emergency plan level II started, water curtain on/);
    expect(link).not.toBeNull();
    const photo = await call(hub, 'GET', link![1]!, { token });
    expect(photo.status).toBe(200);
    expect(photo.body.photo).toMatchObject({ dataUrl: PNG_1PX, createdBy: `officer-${devices.gas.enterpriseId}` });
    const other = await login(hub, `officer-${devices.otherEnterprise.enterpriseId}`);
    expect((await call(hub, 'GET', link![1]!, { token: other })).status).toBe(404);

    const again = await call(hub, 'POST', path(gasAlarm, 'confirm-plan'), { token, body: { note: 'started again' } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already confirmed');
    const history = await pollUntil(async () => {
      const h = (await call(hub, 'GET', `/alarms/${encodeURIComponent(gasAlarm)}`, { token })).body.history as { event: string; actor: string; reason: string }[];
      return h.filter((t) => t.event === 'response').length >= 2 ? h : undefined;
    });
    expect(history!.filter((t) => t.event === 'response').map((t) => t.actor)).toEqual(['system', `officer-${devices.gas.enterpriseId}`]);
  });

  it('lets the park manager file the rectification plan with its completion date', async () => {
    const token = await login(hub, 'park-manager');
    const dueBy = Date.now() + 3 * 24 * 60 * 60_000;
    const res = await call(hub, 'POST', path(staleAlarm, 'rectification-plan'), { token, body: { note: 'replace the detector head', dueBy } });
    expect(res.status).toBe(200);
    expect(res.body.alarm.response).toMatchObject({ kind: 'rectification-plan', confirmedBy: 'park-manager', note: `replace the detector head (rectified by ${new Date(dueBy).toISOString()})` });
  });
});
