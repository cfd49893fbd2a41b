import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../create-hub.ts';
import { alarmId, type AlarmPoint } from '../alarm-engine.ts';
import { login, call, pickDevices, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY } from '../../test-support/test-hub.ts';
import { esdValvesFor } from './esd-valves.ts';
import { CLOSED_MAX_PCT, ESD_ACTOR, SHUTDOWN_FAILED_KIND } from './esd-shutdown.ts';

type TestHub = Hub & { dispose: () => Promise<void> };

/** A level-1 vessel high-high on the amine absorber (sour gas, flammable): as the vessel rules raise it. */
function absorberHighHigh(hub: Hub): { point: AlarmPoint; valves: ReturnType<typeof esdValvesFor> } {
  const { park } = pickDevices(hub);
  const pt = park.sensors.find((s) => s.equipmentId === 'CP-E3-C-01' && s.kind === 'pressure')!;
  const point: AlarmPoint = { siteId: park.id, deviceId: pt.id, enterpriseId: pt.enterpriseId, metric: 'pressure_kpa', kind: 'high-high', level: 1, priority: 'high', setpoint: pt.setpoints!.highHigh };
  return { point, valves: esdValvesFor(park, pt.id) };
}

describe.each(storeVariants())('level-1 ESD shutdown against the demo simulator on $name', (variant) => {
  let hub: TestHub;
  const openPct = new Map<string, number>();
  beforeAll(async () => {
    hub = await startTestHub(variant, { simulator: true, redisUrl: process.env.REDIS_URL });
    hub.ingest.onValidated((readings) => {
      for (const r of readings) if (r.values.open_pct !== undefined) openPct.set(r.deviceId, r.values.open_pct);
    });
  });
  afterAll(() => hub.dispose());

  it('commands the unit’s ESD valves through the gateway; the simulated valves stroke closed and the shutdown is confirmed by their reports', async () => {
    const { point, valves } = absorberHighHigh(hub);
    expect(valves.map((v) => v.valveId)).toEqual(['CP-E3-XV-003', 'CP-E3-XV-007', 'CP-E3-XV-008']);
    const running = await pollUntil(async () => valves.every((v) => openPct.get(v.deviceId) === 100), 30_000);
    expect(running, 'the simulator reports the valves open').toBe(true);

    hub.alarmEngine.setCondition(point, true, point.setpoint! * 1.05);
    const id = alarmId(point.siteId, point.deviceId, point.metric, point.kind);
    const confirmed = await pollUntil(async () => (hub.alarmEngine.get(id)?.response?.confirmedAt ? hub.alarmEngine.get(id)!.response! : undefined), 60_000, 200);
    expect(confirmed).toMatchObject({ kind: 'shutdown', tier: 'enterprise', confirmedBy: ESD_ACTOR, note: `ESD valves ${valves.map((v) => v.valveId).join(', ')} closed (reported by the field)` });
    for (const v of valves) expect(openPct.get(v.deviceId), v.valveId).toBeLessThanOrEqual(CLOSED_MAX_PCT);
    expect(await pollUntil(async () => valves.every((v) => openPct.get(v.deviceId) === 0), 10_000), 'the valves end on their seats').toBe(true);

    const rows = await hub.db.query<{ device_id: string; action: string; state: string; issued_by: string }>(
      `SELECT device_id, action, state, issued_by FROM commands WHERE issued_by = $1 ORDER BY device_id`, [ESD_ACTOR],
    );
    expect(rows).toEqual(valves.map((v) => ({ device_id: v.deviceId, action: 'valve.close', state: 'acknowledged', issued_by: ESD_ACTOR })));
    const token = await login(hub, 'commander');
    const history = await pollUntil(async () => {
      const h = (await call(hub, 'GET', `/alarms/${encodeURIComponent(id)}`, { token })).body.history as { event: string; reason: string }[];
      return h.filter((t) => t.event === 'response').length >= 2 ? h : undefined;
    });
    expect(history!.filter((t) => t.event === 'response').map((t) => t.reason)).toEqual([
      `ESD valves ${valves.map((v) => v.valveId).join(', ')} commanded`,
      `ESD valves ${valves.map((v) => v.valveId).join(', ')} reported closed`,
    ]);
    expect(hub.alarmEngine.list(point.siteId, true).filter((a) => a.kind === SHUTDOWN_FAILED_KIND)).toEqual([]);
  }, 120_000);
});

describe('level-1 ESD shutdown with no gateway connected', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!);
  });
  afterAll(() => hub.dispose());

  it('raises the vessel high-high from readings (level 1), says the valves did not close, and raises a level-1 shutdown-failed alarm on each', async () => {
    const { point, valves } = absorberHighHigh(hub);
    const t0 = Date.now() - 5000;
    const readings = [0, 1000, 2000, 3000].map((dt, i) => ({ deviceId: point.deviceId, ts: t0 + dt, seq: i + 1, values: { pressure_kpa: point.setpoint! * 1.05 } }));
    expect((await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings } })).status).toBe(202);
    const id = alarmId(point.siteId, point.deviceId, point.metric, point.kind);
    expect(await pollUntil(async () => hub.alarmEngine.get(id)?.level === 1)).toBe(true);
    const failed = await pollUntil(async () => (hub.alarmEngine.get(id)?.response?.note?.startsWith('shutdown failed') ? hub.alarmEngine.get(id)!.response! : undefined), 20_000);
    expect(failed).toMatchObject({ kind: 'shutdown', confirmedAt: null });
    expect(failed!.note).toContain(`${valves[0]!.valveId} command no-gateway`);
    const standing = hub.alarmEngine.list(point.siteId, true).filter((a) => a.kind === SHUTDOWN_FAILED_KIND);
    expect(standing.map((a) => [a.deviceId, a.level, a.priority]).sort()).toEqual(valves.map((v) => [v.deviceId, 1, 'high']));
  });
});
