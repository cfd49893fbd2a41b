import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorGateway } from '@safetwin/simulator';
import { CommandChannel } from '../../commands/command-channel.ts';
import type { Hub } from '../../create-hub.ts';
import { pollUntil, startTestHub, storeVariants } from '../../test-support/test-hub.ts';
import { mineOf, postReadings, startMineHub } from '../mine-test-support.ts';
import { INTERLOCK_ACTOR, MethaneInterlock } from '../interlock/methane-interlock.ts';
import { WITHDRAWAL_ACTOR, WithdrawalService } from './withdrawal-service.ts';

/** These tests drive an interlock of their own (with their own command fakes): the hub's stays off. */
const OWN_INTERLOCK = { mineInterlock: false };

type TestHub = Hub & { dispose: () => Promise<void> };

function services(hub: Hub) {
  const errors: unknown[] = [];
  const commands = new CommandChannel(hub.db, hub.io as never, 3000, Date.now);
  const onError = (e: unknown) => errors.push(e);
  const interlock = new MethaneInterlock({ sites: hub.registry.all(), ingest: hub.ingest, commands, engine: hub.alarmEngine, db: hub.db, now: Date.now, onError });
  const withdrawal = new WithdrawalService({ db: hub.db, sites: hub.registry.all(), ingest: hub.ingest, commands, interlock, engine: hub.alarmEngine, now: Date.now, onError });
  return { interlock, withdrawal, errors };
}

describe.each(storeVariants())('methane reading → cut → feedback → withdrawal orders, against the demo simulator on $name', (variant) => {
  let hub: Hub;
  let gateway: SimulatorGateway;
  let dispose = async () => {};
  beforeAll(async () => {
    const started = await startMineHub(variant, true, OWN_INTERLOCK);
    ({ hub, dispose } = started);
    gateway = started.gateway!;
  }, 180_000);
  afterAll(() => dispose(), 180_000);

  it('the face methane rise cuts the range, the machines report cut, the crews downstream are paged their routes, acknowledge and start out', async () => {
    const { interlock, withdrawal, errors } = services(hub);
    await interlock.start();
    await withdrawal.start();
    try {
      // everyone located first
      expect(await pollUntil(async () => withdrawal.people('cm-yangquan')!.people.every((p) => p.roadwayId !== null), 15_000)).toBe(true);
      gateway.simulator.stage({ kind: 'methane-rise', siteId: 'cm-yangquan', sensorId: 'CM-CH4-01', peakPct: 2.2, durationS: 60 });

      const cutAll = await pollUntil(async () => {
        const p = interlock.power('cm-yangquan')!;
        return p.machines.filter((m) => ['CM-EQ-01', 'CM-EQ-02', 'CM-EQ-09', 'CM-EQ-10'].includes(m.equipmentId)).every((m) => m.powered === 0 && m.command?.confirmedAt) ? p : undefined;
      }, 40_000, 100);
      expect(cutAll, 'the range reported cut (powered = 0)').toBeDefined();
      const cut = cutAll!.log.find((e) => e.action === 'cut')!;
      const [firstCommand] = await hub.db.query<{ issued_at: Date | string }>(`SELECT issued_at FROM commands WHERE issued_by = $1 AND action = 'power.cut' ORDER BY issued_at LIMIT 1`, [INTERLOCK_ACTOR]);
      const confirmedAt = Math.max(...cutAll!.machines.filter((m) => m.command?.action === 'power.cut').map((m) => m.command!.confirmedAt!));
      // Figures for the report (never asserted): sensor time of the reading that crossed 1.5 % → the cut command → the last feedback.
      console.log(`methane ${cut.readingPct} %vol at ${new Date(cut.readingAt).toISOString()}: cut command after ${new Date(firstCommand!.issued_at).getTime() - cut.readingAt} ms, all four machines reported cut after ${confirmedAt - cut.readingAt} ms (hub clock)`);

      const paged = await pollUntil(async () => {
        const v = withdrawal.people('cm-yangquan')!;
        const ordered = v.people.filter((p) => p.order);
        return ordered.length > 0 && ordered.every((p) => p.order!.pageState !== 'sent') ? v : undefined;
      }, 20_000, 200);
      expect(paged, 'withdrawal orders paged').toBeDefined();
      const w = paged!.withdrawals[0]!;
      // Why, in English and as a key for the wall's language.
      expect(w.reason).toMatch(/^methane power cut: CM-CH4-01 /);
      expect(w.reasonText).toMatchObject({ key: 'withdrawal.methane-cut', values: { sensor: 'CM-CH4-01' } });
      expect(w.affectedRoadwayIds).toEqual(['CM-R-14', 'CM-R-15', 'CM-R-16', 'CM-R-20', 'CM-R-21']);
      const ordered = paged!.people.filter((p) => p.order);
      for (const p of ordered) {
        expect(w.personIds, p.personId).toContain(p.personId);
        expect(p.order!.pageState, p.personId).toBe('acknowledged');
        // the main return's people have a long way through return air: beyond the self-rescuer, said so
        expect(['surface', 'refuge', 'beyond-self-rescuer']).toContain(p.order!.decision);
        expect(p.order!.roadwayIds.length, p.personId).toBeGreaterThan(0);
      }
      const decisions = ordered.map((p) => p.order!.decision);
      // The face crew is there (the simulator's miners work at their work places most of the time).
      expect(ordered.length).toBeGreaterThanOrEqual(5);
      const acked = await pollUntil(async () => {
        const v = withdrawal.people('cm-yangquan')!;
        const os = v.people.filter((p) => p.order);
        return os.every((p) => p.order!.ackedAt !== null) && os.some((p) => p.state === 'withdrawing') ? v : undefined;
      }, 30_000, 250);
      expect(acked, 'every paged miner acknowledged and people are leaving').toBeDefined();
      const moving = acked!.people.filter((p) => p.state === 'withdrawing').length;
      console.log(`withdrawal: ${ordered.length} persons paged (${['surface', 'refuge', 'beyond-self-rescuer'].map((d) => `${decisions.filter((x) => x === d).length} ${d}`).join(', ')}), all acknowledged, ${moving} already walking out, ${acked!.stillInside} still inside`);
      const pages = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM commands WHERE issued_by = $1 AND action = 'tag.page' AND state = 'acknowledged'`, [WITHDRAWAL_ACTOR]);
      expect(pages[0]!.n).toBe(ordered.length);
      expect(errors).toEqual([]);
    } finally {
      interlock.close();
    }
  }, 150_000);
});

describe('withdrawal tracking from tag readings', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, OWN_INTERLOCK);
  }, 180_000);
  afterAll(() => hub?.dispose(), 180_000);

  const post = (readings: Array<{ deviceId: string; values: Record<string, number> }>) => postReadings(hub, readings);

  it('a commander’s order pages the people downstream; acknowledged, then safe at the route’s end; others are left alone', async () => {
    const { withdrawal, errors } = services(hub);
    await withdrawal.start();
    const mine = mineOf(hub);
    const [inHeading, inIntake] = [mine.miners[20]!, mine.miners[40]!];
    await post([
      { deviceId: inHeading.tagDeviceId, values: { east_m: -320, north_m: 800, up_m: -446, page_ack: 1 } }, // heading, CM-R-17
      { deviceId: inIntake.tagDeviceId, values: { east_m: 30, north_m: 200, up_m: -449, page_ack: 1 } }, // track intake, CM-R-05
    ]);
    expect(withdrawal.people('cm-yangquan')!.people.find((p) => p.personId === inHeading.id)!.roadwayId).toBe('CM-R-17');
    const w = await withdrawal.order('cm-yangquan', { sourceRoadwayIds: ['CM-R-17'], reason: 'commander: smoke in the heading', orderedBy: 'commander' });
    expect(w!.personIds).toEqual([inHeading.id]);
    let me = withdrawal.people('cm-yangquan')!.people.find((p) => p.personId === inHeading.id)!;
    expect(me).toMatchObject({ state: 'paged', order: { decision: 'surface', pageState: 'no-gateway', ackedAt: null } });
    expect(me.order!.roadwayIds[0]).toBe('CM-R-17');
    await post([{ deviceId: inHeading.tagDeviceId, values: { east_m: -320, north_m: 800, up_m: -446, page_ack: 1 } }]);
    me = withdrawal.people('cm-yangquan')!.people.find((p) => p.personId === inHeading.id)!;
    expect(me.state).toBe('acknowledged');
    expect(me.order!.ackedAt).not.toBeNull();
    const end = me.order!.polyline.at(-1)!;
    await post([{ deviceId: inHeading.tagDeviceId, values: { east_m: end.eastM + 2, north_m: end.northM, up_m: end.upM, page_ack: 1 } }]);
    const view = withdrawal.people('cm-yangquan')!;
    expect(view.people.find((p) => p.personId === inHeading.id)).toMatchObject({ state: 'safe' });
    expect(view.people.find((p) => p.personId === inIntake.id)).toMatchObject({ state: 'working', order: null });
    expect(view.stillInside).toBe(0);
    expect(await withdrawal.order('cp-nanjing', { sourceRoadwayIds: [], reason: 'x', orderedBy: 'commander' })).toBeNull();
    await withdrawal.flushed();
    expect(errors).toEqual([]);
  });
});
