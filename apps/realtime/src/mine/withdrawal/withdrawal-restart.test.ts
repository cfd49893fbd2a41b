// Withdrawals across a restart, on the store itself (no hub): PGlite always, PostgreSQL when
// DATABASE_URL is set. A service orders a withdrawal and follows an acknowledgement; a new service
// on the same database must show the same withdrawal, orders and states, and number on from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type SqlClient } from '@safetwin/db';
import { hubText, type CommandRecord, type LiveReading, type SitePeopleView } from '@safetwin/protocol';
import { getDemoSite, type CoalMine } from '@safetwin/twin-models';
import { RESTORE_FINISHED_MS, WithdrawalService } from './withdrawal-service.ts';

const SITE = 'cm-yangquan';
const T0 = Date.UTC(2026, 10, 1, 8);
const H_MS = 3_600_000;
const mine = getDemoSite(SITE) as CoalMine;
const [first, second, bystander] = [mine.miners[20]!, mine.miners[21]!, mine.miners[40]!];
const HEADING = { east_m: -320, north_m: 800, up_m: -446 }; // CM-R-17
let seq = 0;
const reading = (deviceId: string, ts: number, values: Record<string, number>): LiveReading => ({ deviceId, ts, seq: ++seq, values });

/** What survives a restart: everything but the positions, which come back with the next tag readings. */
const durable = (v: SitePeopleView) => ({
  withdrawals: v.withdrawals,
  stillInside: v.stillInside,
  people: v.people.map(({ position: _p, roadwayId: _r, chainageM: _c, reportedAt: _t, ...rest }) => rest),
});

describe.each(testBackends())('withdrawals across a restart on $name', (backend) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  let clock = T0;
  const errors: unknown[] = [];
  /** The tags answer their pages once this resolves. */
  let answered = Promise.resolve();
  const start = () => new WithdrawalService({
    db, sites: [mine], ingest: { onValidated: () => {} }, now: () => clock, onError: (e) => errors.push(e),
    commands: {
      send: async () => {
        await answered;
        return { state: 'acknowledged' } as CommandRecord;
      },
    },
  }).start();

  beforeAll(async () => {
    ({ client: db, dispose } = await backend.open());
  });
  afterAll(async () => dispose?.());

  it('restores the withdrawal, its orders, acknowledgements and states, and numbers the next withdrawal on', async () => {
    const before = await start();
    before.observe([reading(first.tagDeviceId, T0, HEADING), reading(second.tagDeviceId, T0, { ...HEADING, east_m: -318 }), reading(bystander.tagDeviceId, T0, { east_m: 30, north_m: 200, up_m: -449 })]);
    // The withdrawal is stored before the tags have taken the pages; their outcome is written after.
    let answer!: () => void;
    answered = new Promise((resolve) => (answer = resolve));
    // (A hub's own reason, with its key: stored and restored with the withdrawal.)
    const reasonText = hubText('withdrawal.co-alarm', { ppm: 60, device: 'CM-CO-03', kind: 'high' });
    const ordering = before.order(SITE, { sourceRoadwayIds: ['CM-R-17'], reason: { en: 'CO 60 ppm at CM-CO-03 (high)', text: reasonText }, orderedBy: 'system:co-alarm' });
    await before.flushed();
    answer();
    const w = await ordering;
    expect(w).toMatchObject({ id: `W-${SITE}-1`, personIds: [first.id, second.id], reasonText });
    const route = before.people(SITE)!.people.find((p) => p.personId === first.id)!.order!.polyline;
    const halfway = route[Math.floor(route.length / 2)]!;
    before.observe([reading(first.tagDeviceId, T0 + 5_000, { ...HEADING, page_ack: 1 }), reading(first.tagDeviceId, T0 + 60_000, { east_m: halfway.eastM, north_m: halfway.northM, up_m: halfway.upM })]);
    const was = before.people(SITE)!;
    expect(was.people.find((p) => p.personId === first.id)).toMatchObject({ state: 'withdrawing', order: { ackedAt: T0 + 5_000, pageState: 'acknowledged' } });
    expect(was.people.find((p) => p.personId === second.id)).toMatchObject({ state: 'paged', order: { ackedAt: null, pageState: 'acknowledged' } });
    await before.flushed();

    clock = T0 + H_MS;
    const after = await start();
    const is = after.people(SITE)!;
    expect(durable(is)).toEqual(durable(was));
    expect(is.withdrawals[0]!.reasonText).toEqual(reasonText);
    expect(is.people.find((p) => p.personId === first.id)!.position).toBeNull();
    expect(is.stillInside).toBe(2);

    // Those under the order keep it: a second withdrawal of the heading pages no one, and is number 2.
    after.observe([reading(second.tagDeviceId, clock, HEADING)]);
    const again = await after.order(SITE, { sourceRoadwayIds: ['CM-R-17'], reason: 'again', orderedBy: 'commander' });
    expect(again).toMatchObject({ id: `W-${SITE}-2`, personIds: [] });

    // Both reach the end of the route; a day later the finished withdrawals are no longer shown.
    const end = route.at(-1)!;
    const there = { east_m: end.eastM, north_m: end.northM, up_m: end.upM };
    after.observe([reading(first.tagDeviceId, clock + 1_000, there), reading(second.tagDeviceId, clock + 2_000, { ...there, page_ack: 1 })]);
    await after.flushed();
    const safe = (await start()).people(SITE)!;
    expect(safe.people.find((p) => p.personId === second.id)).toMatchObject({ state: 'safe', order: { ackedAt: clock + 2_000, safeAt: clock + 2_000 } });
    expect(safe.withdrawals.map((x) => x.id)).toEqual([`W-${SITE}-2`, `W-${SITE}-1`]);
    clock += RESTORE_FINISHED_MS + 1;
    const later = await start();
    expect(later.people(SITE)!.withdrawals).toEqual([]);
    expect(later.people(SITE)!.people.every((p) => p.state === 'working' && p.order === null)).toBe(true);
    expect((await later.order(SITE, { sourceRoadwayIds: ['CM-R-17'], reason: 'x', orderedBy: 'commander' }))!.id).toBe(`W-${SITE}-3`);
    await later.flushed();
    expect(errors).toEqual([]);
  });
});
