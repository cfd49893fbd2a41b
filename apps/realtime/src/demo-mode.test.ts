import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTargets } from '@safetwin/twin-models';
import { call, login, pickDevices, pollUntil, startTestHub, storeVariants } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

// Demo mode end to end: the simulator is a gateway like any other — its readings are
// stored with the demo gateway's provenance, and it obeys a valve command sent by the hub,
// whose new state comes back as telemetry.
describe('demo mode with the simulator', () => {
  let hub: Hub & { dispose: () => Promise<void> };
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, { simulator: true });
  });
  afterAll(() => hub.dispose());

  it('stores readings of both sites from the demo gateway', async () => {
    const counts = await pollUntil(async () => {
      const rows = await hub.db.query<{ site_id: string; n: number }>(
        `SELECT site_id, count(*)::int AS n FROM readings_provenance WHERE gateway_id = 'demo-gateway' GROUP BY site_id`,
      );
      return rows.length === 2 && rows.every((r) => r.n > 50) ? rows : undefined;
    }, 15_000, 200);
    expect(counts?.map((r) => r.site_id).sort()).toEqual(hub.registry.all().map((s) => s.id).sort());
  });

  it('closes an actuated valve on command, and the valve reports itself closed', async () => {
    const { park } = pickDevices(hub);
    const valve = [...commandTargets(park).values()].find((t) => t.targetType === 'valve')!;
    const token = await login(hub, 'commander');
    const res = await call(hub, 'POST', '/commands', { token, body: { siteId: park.id, deviceId: valve.deviceId, action: 'valve.close', reason: 'test' } });
    expect(res.status).toBe(200);
    expect(res.body.command.state).toBe('acknowledged');
    const closed = await pollUntil(async () => {
      const history = await call(hub, 'GET', `/sensors/${valve.deviceId}/readings?from=${res.body.command.issuedAt}`, { token });
      const last = history.body.readings.at(-1) as { values: { open_pct: number } } | undefined;
      return last && last.values.open_pct === 0 ? last : undefined;
    }, 15_000, 200);
    expect(closed?.values.open_pct).toBe(0);
  });
});
