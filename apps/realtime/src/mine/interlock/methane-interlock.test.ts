import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorGateway } from '@safetwin/simulator';
import { alarmId } from '../../alarms/alarm-engine.ts';
import { CommandChannel } from '../../commands/command-channel.ts';
import type { Hub } from '../../create-hub.ts';
import { connect, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY, type TestSocket } from '../../test-support/test-hub.ts';
import { postReadings as post, startMineHub } from '../mine-test-support.ts';
import { INTERLOCK_ACTOR, MethaneInterlock, POWER_CUT_FAILED_KIND } from './methane-interlock.ts';

/** These tests drive an interlock of their own (with their own command fakes): the hub's stays off. */
const OWN_INTERLOCK = { mineInterlock: false };

type TestHub = Hub & { dispose: () => Promise<void> };

// Face sensor CM-CH4-01 (cut ≥ 1.5 %, restore < 1.0 %): its range is the shearer, face conveyor, tailgate pump and winch.
const FACE = 'CM-CH4-01';
const RANGE = ['CM-EQ-01', 'CM-EQ-02', 'CM-EQ-09', 'CM-EQ-10'];
const RANGE_DEVICES = ['CM-PWR-01', 'CM-PWR-02', 'CM-PWR-09', 'CM-PWR-10'];

function interlockOn(hub: Hub, options: { confirmTimeoutMs?: number; staleCheckMs?: number } = {}) {
  const errors: unknown[] = [];
  const commands = new CommandChannel(hub.db, hub.io as never, 3000, Date.now);
  const interlock = new MethaneInterlock({ sites: hub.registry.all(), ingest: hub.ingest, commands, engine: hub.alarmEngine, db: hub.db, now: Date.now, onError: (e) => errors.push(e), ...options });
  return { interlock, errors, commands };
}

describe.each(storeVariants())('methane interlock against the demo simulator on $name', (variant) => {
  let hub: Hub;
  let gateway: SimulatorGateway;
  let dispose = async () => {};
  beforeAll(async () => {
    const started = await startMineHub(variant, true, OWN_INTERLOCK);
    ({ hub, dispose } = started);
    gateway = started.gateway!;
  }, 180_000);
  afterAll(() => dispose(), 180_000);

  it('a methane rise on the face cuts its range, the machines report cut, and power comes back once below 1.0 %', async () => {
    const { interlock, errors } = interlockOn(hub);
    await interlock.start();
    try {
      expect(await pollUntil(async () => RANGE.every((id) => interlock.power('cm-yangquan')!.machines.find((m) => m.equipmentId === id)!.powered === 1), 15_000)).toBe(true);
      gateway.simulator.stage({ kind: 'methane-rise', siteId: 'cm-yangquan', sensorId: FACE, peakPct: 2.0, durationS: 16 });

      const cut = await pollUntil(async () => {
        const p = interlock.power('cm-yangquan')!;
        const ms = p.machines.filter((m) => RANGE.includes(m.equipmentId));
        return ms.every((m) => m.powered === 0 && m.command?.confirmedAt) ? p : undefined;
      }, 30_000, 100);
      expect(cut, 'the range reported cut').toBeDefined();
      for (const m of cut!.machines.filter((x) => RANGE.includes(x.equipmentId))) {
        expect(m.heldBy.map((c) => c.sensorId)).toContain(FACE);
        expect(m.command).toMatchObject({ action: 'power.cut', state: 'acknowledged', failure: null });
        expect(m.cutFailed).toBe(false);
      }
      const first = cut!.log.at(-1)!;
      expect(first).toMatchObject({ action: 'cut', sensorId: FACE, kind: 'cut-level', setpointPct: 1.5 });
      expect(first.readingPct).toBeGreaterThanOrEqual(1.5);
      // Machines outside the range keep their power; the intrinsically safe support control is never in it.
      expect(cut!.machines.find((m) => m.equipmentId === 'CM-EQ-03')!.powered).toBe(1);
      expect(cut!.machines.find((m) => m.equipmentId === 'CM-EQ-11')!.powered).toBe(1);

      const restored = await pollUntil(async () => {
        const p = interlock.power('cm-yangquan')!;
        return p.machines.filter((m) => RANGE.includes(m.equipmentId)).every((m) => m.powered === 1 && m.command?.action === 'power.restore' && m.command.confirmedAt) ? p : undefined;
      }, 40_000, 200);
      expect(restored, 'power restored after the methane fell').toBeDefined();
      const restore = restored!.log.find((e) => e.action === 'restore')!;
      expect(restore).toMatchObject({ sensorId: FACE, kind: 'restore-level', setpointPct: 1.0 });
      expect(restore.readingPct).toBeLessThan(1.0);

      const rows = await hub.db.query<{ device_id: string; action: string; state: string; reason: string }>(
        `SELECT device_id, action, state, reason FROM commands WHERE issued_by = $1 ORDER BY issued_at, device_id`, [INTERLOCK_ACTOR],
      );
      expect(rows.filter((r) => r.action === 'power.cut').map((r) => r.device_id).sort()).toEqual(RANGE_DEVICES);
      expect(rows.filter((r) => r.action === 'power.restore').map((r) => r.device_id).sort()).toEqual(RANGE_DEVICES);
      expect(rows.every((r) => r.state === 'acknowledged')).toBe(true);
      expect(rows[0]!.reason).toMatch(/^methane interlock: CM-CH4-01 \d+(\.\d+)? %vol CH4 ≥ cut 1\.5 %vol$/);
      expect(hub.alarmEngine.list('cm-yangquan', true).filter((a) => a.kind === POWER_CUT_FAILED_KIND)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      interlock.close();
    }
  }, 120_000);
});

describe('methane interlock without a working gateway', () => {
  let hub: TestHub;
  let closers: Array<() => void> = [];
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, OWN_INTERLOCK);
  }, 180_000);
  afterEach(() => {
    for (const c of closers) c();
    closers = [];
  });
  afterAll(() => hub?.dispose(), 180_000);

  it('no gateway: the cut fails at once, a level-1 "power cut failed" alarm stands on each machine until it reports cut', async () => {
    const { interlock } = interlockOn(hub);
    await interlock.start();
    closers.push(() => interlock.close());
    await post(hub, [{ deviceId: FACE, values: { ch4_pct: 1.8 } }]);
    const failed = await pollUntil(async () => {
      const standing = hub.alarmEngine.list('cm-yangquan', true).filter((a) => a.kind === POWER_CUT_FAILED_KIND && a.processActive);
      return standing.length === RANGE.length ? standing : undefined;
    }, 10_000);
    expect(failed!.map((a) => [a.deviceId, a.level, a.priority, a.metric]).sort()).toEqual(RANGE_DEVICES.map((d) => [d, 1, 'high', 'powered']));
    const p = interlock.power('cm-yangquan')!;
    expect(p.machines.find((m) => m.equipmentId === 'CM-EQ-01')).toMatchObject({ cutFailed: true, command: { action: 'power.cut', state: 'no-gateway' } });
    // the field reports the shearer cut after all: its alarm clears, the others stand
    await post(hub, [{ deviceId: 'CM-PWR-01', values: { powered: 0 } }]);
    const id = alarmId('cm-yangquan', 'CM-PWR-01', 'powered', POWER_CUT_FAILED_KIND);
    expect(await pollUntil(async () => hub.alarmEngine.get(id)?.processActive === false)).toBe(true);
    expect(hub.alarmEngine.get(alarmId('cm-yangquan', 'CM-PWR-02', 'powered', POWER_CUT_FAILED_KIND))!.processActive).toBe(true);
    // methane gone: the rest no longer need cutting, their alarms clear
    await post(hub, [{ deviceId: FACE, values: { ch4_pct: 0.4 } }]);
    expect(await pollUntil(async () => hub.alarmEngine.list('cm-yangquan', true).filter((a) => a.kind === POWER_CUT_FAILED_KIND && a.processActive).length === 0)).toBe(true);
  });

  it('a gateway that acknowledges but whose machines never report cut: the alarm after the confirmation time', async () => {
    const fake: TestSocket = await connect(hub, { gatewayKey: TEST_GATEWAY_KEY });
    fake.on('command', (command, ack) => ack({ id: command.id, ok: true, message: 'accepted' }));
    closers.push(() => fake.disconnect());
    const { interlock } = interlockOn(hub, { confirmTimeoutMs: 1500 });
    await interlock.start();
    closers.push(() => interlock.close());
    await post(hub, [{ deviceId: 'CM-PWR-11', values: { powered: 1 } }, { deviceId: 'CM-CH4-08', values: { ch4_pct: 1.6 } }]); // roadheader sensor: range = the roadheader
    const id = alarmId('cm-yangquan', 'CM-PWR-11', 'powered', POWER_CUT_FAILED_KIND);
    expect(await pollUntil(async () => hub.alarmEngine.get(id)?.processActive === true, 10_000)).toBe(true);
    const m = interlock.power('cm-yangquan')!.machines.find((x) => x.equipmentId === 'CM-EQ-11')!;
    expect(m.command).toMatchObject({ state: 'acknowledged', confirmedAt: null, failure: 'no cut feedback within 1.5 s' });
    await post(hub, [{ deviceId: 'CM-CH4-08', values: { ch4_pct: 0.2 } }]);
    expect(await pollUntil(async () => hub.alarmEngine.get(id)?.processActive === false)).toBe(true);
  });

  it('a late (store-and-forward) low reading neither restores a cut nor counts as the sensor heard; a newer one restores', async () => {
    const { interlock } = interlockOn(hub, { staleCheckMs: 60_000 });
    await interlock.start();
    closers.push(() => interlock.close());
    const upperCorner = 'CM-CH4-02'; // cut ≥ 1.5 %, restore < 1.0 %, range: the face and its return airway
    const cutAtMs = Date.now();
    await post(hub, [{ deviceId: upperCorner, values: { ch4_pct: 1.6 }, ts: cutAtMs }]);
    expect(await pollUntil(async () => interlock.power('cm-yangquan')!.log.some((e) => e.sensorId === upperCorner && e.action === 'cut'), 10_000)).toBe(true);
    const heardAt = interlock.power('cm-yangquan')!.sensors.find((s) => s.sensorId === upperCorner)!.heardAt;
    await post(hub, [{ deviceId: upperCorner, values: { ch4_pct: 0.3 }, ts: cutAtMs - 5000 }]);
    await post(hub, [{ deviceId: upperCorner, values: { ch4_pct: 0.3 }, ts: cutAtMs }]); // re-sent with the cut's time
    const after = interlock.power('cm-yangquan')!;
    expect(after.log.some((e) => e.sensorId === upperCorner && e.action === 'restore')).toBe(false);
    expect(after.sensors.find((s) => s.sensorId === upperCorner)).toMatchObject({ cutting: true, valuePct: 1.6, heardAt });
    expect(after.machines.filter((m) => m.heldBy.some((c) => c.sensorId === upperCorner)).map((m) => m.equipmentId).sort()).toEqual(RANGE);
    await post(hub, [{ deviceId: upperCorner, values: { ch4_pct: 0.3 }, ts: cutAtMs + 1000 }]);
    const restore = interlock.power('cm-yangquan')!.log.find((e) => e.sensorId === upperCorner && e.action === 'restore');
    expect(restore).toMatchObject({ kind: 'restore-level', readingPct: 0.3, readingAt: cutAtMs + 1000 });
    expect([...restore!.equipmentIds].sort()).toEqual(RANGE);
  });

  it('closing the hub while cuts await their feedback raises no "power cut failed" alarm', async () => {
    const fake: TestSocket = await connect(hub, { gatewayKey: TEST_GATEWAY_KEY });
    fake.on('command', (command, ack) => ack({ id: command.id, ok: true, message: 'accepted' }));
    closers.push(() => fake.disconnect());
    const { interlock } = interlockOn(hub, { confirmTimeoutMs: 120_000, staleCheckMs: 60_000 });
    await interlock.start();
    await post(hub, [{ deviceId: 'CM-PWR-01', values: { powered: 1 } }, { deviceId: 'CM-CH4-05', values: { ch4_pct: 1.6 } }]); // shearer sensor: range = the shearer
    const shearer = async () => interlock.power('cm-yangquan')!.machines.find((m) => m.equipmentId === 'CM-EQ-01')!.command;
    expect(await pollUntil(async () => (await shearer())?.state === 'acknowledged', 10_000)).toBe(true);
    interlock.close(); // settles the pending confirmation wait as not confirmed
    await new Promise((r) => setTimeout(r, 300));
    expect(hub.alarmEngine.get(alarmId('cm-yangquan', 'CM-PWR-01', 'powered', POWER_CUT_FAILED_KIND))?.processActive ?? false).toBe(false);
    expect(interlock.power('cm-yangquan')!.machines.find((m) => m.equipmentId === 'CM-EQ-01')!.cutFailed).toBe(false);
    // the next run (after the restart) holds the shearer by every sensor whose range holds it, and restores it once all are below restore
    const again = interlockOn(hub).interlock;
    await again.start();
    closers.push(() => again.close());
    expect(again.power('cm-yangquan')!.machines.find((m) => m.equipmentId === 'CM-EQ-01')!.heldBy.map((c) => c.sensorId)).toContain('CM-CH4-05');
    await post(hub, ['CM-CH4-01', 'CM-CH4-02', 'CM-CH4-03', 'CM-CH4-05'].map((deviceId) => ({ deviceId, values: { ch4_pct: 0.3 } })));
    expect(again.power('cm-yangquan')!.log.filter((e) => e.action === 'restore').flatMap((e) => e.equipmentIds)).toContain('CM-EQ-01');
    expect(again.power('cm-yangquan')!.machines.find((m) => m.equipmentId === 'CM-EQ-01')!.heldBy).toEqual([]);
  });

  it('a sensor gone silent cuts its range (fail-safe); a hub restarted meanwhile keeps the range cut until the readings are below restore', async () => {
    const { interlock } = interlockOn(hub, { staleCheckMs: 200 });
    await interlock.start();
    closers.push(() => interlock.close());
    await post(hub, [{ deviceId: 'CM-CH4-06', values: { ch4_pct: 0.3 } }]); // heading face: range roadheader, heading belt, heading pump
    const heading = ['CM-EQ-11', 'CM-EQ-12', 'CM-EQ-13'];
    const cut = await pollUntil(async () => interlock.power('cm-yangquan')!.log.find((e) => e.sensorId === 'CM-CH4-06' && e.action === 'cut'), 10_000);
    expect(cut).toMatchObject({ kind: 'sensor-fault', fault: 'stale', readingPct: null, setpointPct: 1.5 });
    expect([...cut!.equipmentIds].sort()).toEqual(heading);
    interlock.close();

    // A new interlock (a restarted hub) reads the interlock's commands back: the heading stays held by its sensors.
    const again = interlockOn(hub).interlock;
    await again.start();
    closers.push(() => again.close());
    const held = again.power('cm-yangquan')!.machines.filter((m) => m.heldBy.length > 0).map((m) => m.equipmentId).sort();
    expect(held).toEqual(heading);
    // the heading-face and heading-return sensors hold the whole heading, the roadheader's own sensor the roadheader too:
    // both heading sensors below restore give back the belt and the pump, the roadheader waits for its sensor
    await post(hub, [{ deviceId: 'CM-CH4-06', values: { ch4_pct: 0.3 } }, { deviceId: 'CM-CH4-07', values: { ch4_pct: 0.3 } }]);
    const partial = again.power('cm-yangquan')!.log.filter((e) => e.action === 'restore').flatMap((e) => e.equipmentIds).sort();
    expect(partial).toEqual(['CM-EQ-12', 'CM-EQ-13']);
    await post(hub, [{ deviceId: 'CM-CH4-08', values: { ch4_pct: 0.3 } }]);
    expect(again.power('cm-yangquan')!.log.at(0)).toMatchObject({ action: 'restore', sensorId: 'CM-CH4-08', equipmentIds: ['CM-EQ-11'] });
  });
});
