import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTargets } from '@safetwin/twin-models';
import type { FieldCommand } from '@safetwin/protocol';
import { call, connect, login, pickDevices, startTestHub, storeVariants, TEST_GATEWAY_KEY, type TestSocket } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

describe.each(storeVariants())('commands to the field on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  let valve: { deviceId: string; enterpriseId: string | null };
  beforeAll(async () => {
    hub = await startTestHub(variant, { commandTimeoutMs: 500 });
    devices = pickDevices(hub);
    valve = [...commandTargets(devices.park).values()].find((t) => t.targetType === 'valve')!;
  });
  afterAll(() => hub.dispose());

  it('answers 503 no-gateway when no gateway serves the site', async () => {
    const token = await login(hub, 'commander');
    const res = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'valve.close' } });
    expect(res.status).toBe(503);
    expect(res.body.command.state).toBe('no-gateway');
  });

  describe('with a socket gateway connected', () => {
    let gateway: TestSocket;
    const received: FieldCommand[] = [];
    beforeAll(async () => {
      gateway = await connect(hub, { gatewayKey: TEST_GATEWAY_KEY });
      gateway.on('command', (command, ack) => {
        received.push(command);
        ack(command.deviceId === valve.deviceId ? { id: command.id, ok: true, message: 'closing' } : { id: command.id, ok: false, message: 'not mine' });
      });
    });
    afterAll(() => gateway.disconnect());

    it('sends a command, waits for the ack and records who and when', async () => {
      const token = await login(hub, 'commander');
      const res = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'valve.close', reason: 'drill' } });
      expect(res.status).toBe(200);
      expect(res.body.command).toMatchObject({ state: 'acknowledged', issuedBy: 'commander', action: 'valve.close', message: 'closing' });
      expect(received.at(-1)).toMatchObject({ deviceId: valve.deviceId, action: 'valve.close' });
      const stored = await call(hub, 'GET', `/commands/${res.body.command.id}`, { token });
      expect(stored.body.command.state).toBe('acknowledged');
      expect(stored.body.command.ackedAt).toBeGreaterThanOrEqual(stored.body.command.issuedAt);
    });

    it('refuses what cannot be commanded, clearly', async () => {
      const token = await login(hub, 'commander');
      const notActuated = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: devices.gas.deviceId, action: 'valve.close' } });
      expect(notActuated.status).toBe(422);
      expect(notActuated.body.error.code).toBe('command:not-actuated');
      const unknown = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: 'NO-SUCH', action: 'valve.close' } });
      expect(unknown.status).toBe(404);
      const badAction = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'explode' } });
      expect(badAction.status).toBe(400);
      expect(badAction.body.error.message).toContain('action');
      const planner = await login(hub, 'drill-planner');
      const forbidden = await call(hub, 'POST', '/commands', { token: planner, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'valve.close' } });
      expect(forbidden.status).toBe(403);
    });
  });
});
