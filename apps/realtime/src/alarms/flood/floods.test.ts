import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlarmLoadView, AlarmView } from '@safetwin/protocol';
import type { ChemicalPark } from '@safetwin/twin-models';
import { TEST_GATEWAY_KEY, call, connect, login, pollUntil, startTestHub, storeVariants, type StoreVariant } from '../../test-support/test-hub.ts';
import type { Hub } from '../../create-hub.ts';

/** The leak's centre: the park item with the most gas detectors within 200 m. */
const LEAK_EQUIPMENT = 'CP-E1-R-02';
const DETECTORS = 32;

/** The gas detectors nearest the leaking item (with a high set-point), and a value over their high-high. */
function leakDetectors(hub: Hub) {
  const park = hub.registry.all().find((s) => s.kind === 'chemical-park') as ChemicalPark;
  const source = park.equipment.find((e) => e.id === LEAK_EQUIPMENT)!;
  const dist = (p: { eastM: number; northM: number }) => Math.hypot(p.eastM - source.position.eastM, p.northM - source.position.northM);
  const detectors = park.sensors
    .filter((s) => s.kind.startsWith('gas-') && s.setpoints?.high != null)
    .sort((a, b) => dist(a.position) - dist(b.position))
    .slice(0, DETECTORS)
    .map((s) => {
      const sp = s.setpoints!;
      const spec = s.metrics[sp.metric]!;
      return { deviceId: s.id, enterpriseId: s.enterpriseId, metric: sp.metric, value: Math.min(spec.maxValue, (sp.highHigh ?? sp.high!) * 1.5), distanceM: dist(s.position) };
    });
  return { park, detectors };
}

/** Drives the detectors over their set-points through POST /ingest, in three batches a second apart. */
async function ingestLeak(hub: Hub, detectors: ReturnType<typeof leakDetectors>['detectors'], seq: number) {
  for (let batch = 0; batch < 3; batch++) {
    const readings = detectors.filter((_d, i) => i % 3 === batch).map((d) => ({ deviceId: d.deviceId, ts: Date.now(), seq, values: { [d.metric]: d.value } }));
    if (readings.length === 0) continue;
    const res = await fetch(`${hub.url}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${TEST_GATEWAY_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ readings }) });
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const loadOf = async (hub: Hub, token: string, siteId: string) => (await call(hub, 'GET', `/alarms/load?siteId=${siteId}`, { token })).body.load as AlarmLoadView;

describe.each(storeVariants())('floods and incidents ($name)', (variant) => {
  it(`a leak that trips ${DETECTORS} detectors is a few groups with first-outs: ≤ 10 operator notifications in 10 min, per scope`, { timeout: 180_000 }, async () => {
    const hub = await startTestHub(variant);
    try {
      const { park, detectors } = leakDetectors(hub);
      const commander = await login(hub, 'commander');
      const socket = await connect(hub, { token: commander });
      const loads: AlarmLoadView[] = [];
      socket.on('alarm-load', (l) => loads.push(l));
      const ack = await socket.emitWithAck('subscribe', { siteId: park.id });
      expect(ack.ok).toBe(true);
      expect(await pollUntil(async () => loads.length > 0)).toBe(true); // the load follows the subscribe answer
      expect(loads[0]).toMatchObject({ siteId: park.id, notificationsLast10Min: 0, flooding: false });
      // Officers' sockets: the leaking plant's officer and a bystander's hear the load of their own share only.
      const officerSocket = async (enterpriseId: string) => {
        const s = await connect(hub, { token: await login(hub, `officer-${enterpriseId}`) });
        const heard: AlarmLoadView[] = [];
        s.on('alarm-load', (l) => heard.push(l));
        expect((await s.emitWithAck('subscribe', { siteId: park.id })).ok).toBe(true);
        return { s, heard };
      };
      const leaking = await officerSocket(detectors[0]!.enterpriseId!);
      const aside = await officerSocket(park.enterprises.find((e) => !detectors.some((d) => d.enterpriseId === e.id))!.id);

      await ingestLeak(hub, detectors, 1);
      const load = await pollUntil(async () => {
        const l = await loadOf(hub, commander, park.id);
        return l.activationsLast10Min >= DETECTORS ? l : undefined;
      }, 20_000);
      expect(load, 'every detector raised its alarms').toBeDefined();
      const alarms: AlarmView[] = (await call(hub, 'GET', `/alarms?siteId=${park.id}&state=active`, { token: commander })).body.alarms;
      const tripped = new Set(alarms.filter((a) => a.kind === 'high' || a.kind === 'high-high').map((a) => a.deviceId));
      expect(tripped.size).toBeGreaterThanOrEqual(30);
      console.log(`leak: ${tripped.size} detectors, ${load!.activationsLast10Min} activations, ${load!.notificationsLast10Min} notifications to the site's operators`);
      expect(load!.notificationsLast10Min).toBeGreaterThanOrEqual(1);
      expect(load!.notificationsLast10Min).toBeLessThanOrEqual(10);
      expect(load!.flooding).toBe(false);
      expect(load!.standing).toBeGreaterThanOrEqual(DETECTORS);
      // The socket saw the same load.
      expect(await pollUntil(async () => loads.some((l) => l.activationsLast10Min === load!.activationsLast10Min))).toBe(true);

      expect(await pollUntil(async () => leaking.heard.some((l) => l.activationsLast10Min > 0 && l.notificationsLast10Min >= 1))).toBe(true);
      expect(aside.heard.length).toBeGreaterThanOrEqual(1); // its subscribe answer's load
      expect(aside.heard.every((l) => l.activationsLast10Min === 0 && l.notificationsLast10Min === 0)).toBe(true);
      leaking.s.close();
      aside.s.close();

      // The groups: each first-out is one of its members; together they hold every tripped alarm.
      const groups = (await call(hub, 'GET', `/alarm-groups?siteId=${park.id}&open=true`, { token: commander })).body.groups as { id: string; firstOutAlarmId: string; memberCount: number }[];
      expect(groups.length).toBeGreaterThanOrEqual(1);
      // Each group notified the site once, at its first-out (read after the list: the detectors' later silence opens `stale` groups).
      expect(groups.length).toBeLessThanOrEqual((await loadOf(hub, commander, park.id)).notificationsLast10Min);
      // The leak's first-outs (its high / high-high alarms): on a loaded machine the detectors' silence after the
      // ingest may already have raised `stale` alarms in the list, whose groups come and go with the next readings.
      const firstOuts = alarms.filter((a) => a.firstOut && (a.kind === 'high' || a.kind === 'high-high'));
      expect(firstOuts.length).toBeGreaterThanOrEqual(1);
      for (const a of firstOuts) expect(groups.some((g) => g.id === a.groupId && g.firstOutAlarmId === a.id), a.id).toBe(true);
      const biggest = groups.reduce((a, b) => (a.memberCount >= b.memberCount ? a : b));
      const detail = (await call(hub, 'GET', `/alarm-groups/${biggest.id}`, { token: commander })).body;
      expect(detail.firstOut.id).toBe(biggest.firstOutAlarmId);
      expect(detail.members).toHaveLength(biggest.memberCount);
      expect(detail.members[0].alarm.id).toBe(biggest.firstOutAlarmId);
      expect(alarms.every((a) => a.groupId !== null)).toBe(true);

      // An enterprise officer's scope: only their plant's alarms, a notification at their first one.
      // (Other rules — rate of change, neighbours — may add alarms meanwhile: counts are compared as bounds.)
      const enterprises = [...new Set(detectors.map((d) => d.enterpriseId).filter((e): e is string => e !== null))];
      for (const enterpriseId of enterprises) {
        const officer = await login(hub, `officer-${enterpriseId}`);
        const own = alarms.filter((a) => a.enterpriseId === enterpriseId && tripped.has(a.deviceId) && (a.kind === 'high' || a.kind === 'high-high')).length;
        const scoped = await loadOf(hub, officer, park.id);
        const site = await loadOf(hub, commander, park.id);
        expect(scoped.activationsLast10Min, enterpriseId).toBeGreaterThanOrEqual(own);
        expect(scoped.activationsLast10Min, enterpriseId).toBeLessThanOrEqual(site.activationsLast10Min);
        expect(scoped.notificationsLast10Min, enterpriseId).toBeGreaterThanOrEqual(1);
        expect(scoped.notificationsLast10Min, enterpriseId).toBeLessThanOrEqual(10);
        const theirGroups = (await call(hub, 'GET', `/alarm-groups?siteId=${park.id}`, { token: officer })).body.groups as { id: string; firstOutAlarmId: string | null; memberCount: number }[];
        expect(theirGroups.reduce((n, g) => n + g.memberCount, 0), enterpriseId).toBeGreaterThanOrEqual(own);
        for (const g of theirGroups) {
          const members = (await call(hub, 'GET', `/alarm-groups/${g.id}`, { token: officer })).body.members as { alarm: AlarmView }[];
          expect(members.every((m) => m.alarm.enterpriseId === enterpriseId || hub.registry.device(m.alarm.deviceId)?.kind === 'weather'), enterpriseId).toBe(true);
          if (g.firstOutAlarmId !== null) expect(members.some((m) => m.alarm.id === g.firstOutAlarmId)).toBe(true);
        }
      }
      const untouched = park.enterprises.find((e) => !enterprises.includes(e.id))!;
      const bystander = await login(hub, `officer-${untouched.id}`);
      expect(await loadOf(hub, bystander, park.id)).toMatchObject({ activationsLast10Min: 0, notificationsLast10Min: 0 });
      expect((await call(hub, 'GET', `/alarm-groups?siteId=${park.id}`, { token: bystander })).body.groups).toEqual([]);
      expect((await call(hub, 'GET', `/alarm-groups/${biggest.id}`, { token: bystander })).status).toBe(404);
      socket.close();
    } finally {
      await hub.dispose();
    }
  });

  it('API: bad queries name the field; unknown sites and groups are 404; no token is 401', { timeout: 180_000 }, async () => {
    const hub = await startTestHub(variant);
    try {
      const token = await login(hub, 'commander');
      const manager = await login(hub, 'mine-manager');
      const { park } = leakDetectors(hub);
      const bad = await call(hub, 'GET', '/alarm-groups?open=maybe', { token });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('open');
      expect((await call(hub, 'GET', '/alarms/load', { token })).body.error.message).toContain('siteId');
      expect((await call(hub, 'GET', '/alarms/load?siteId=nowhere', { token })).status).toBe(404);
      expect((await call(hub, 'GET', `/alarms/load?siteId=${park.id}`, { token: manager })).status).toBe(404);
      expect((await call(hub, 'GET', `/alarm-groups?siteId=${park.id}`, { token: manager })).status).toBe(404);
      expect((await call(hub, 'GET', '/alarm-groups/none', { token })).status).toBe(404);
      expect((await call(hub, 'GET', '/alarm-groups')).status).toBe(401);
    } finally {
      await hub.dispose();
    }
  });

  it('groups survive a restart: a related activation after it joins the open group', { timeout: 240_000 }, async () => {
    const store = await prepareOnce(variant);
    const reuse: StoreVariant = { name: variant.name, prepare: async () => ({ options: store.options, dispose: async () => {} }) };
    let hub = await startTestHub(reuse);
    try {
      const { park, detectors } = leakDetectors(hub);
      const [first, ...rest] = detectors.slice(0, 4);
      await ingestLeak(hub, [first!], 1);
      const token = await login(hub, 'commander');
      const opened = await pollUntil(async () =>
        ((await call(hub, 'GET', `/alarm-groups?siteId=${park.id}&open=true`, { token })).body.groups as { id: string; firstOutAlarmId: string; cause: string }[]).find(
          (g) => g.cause === 'process' && g.firstOutAlarmId.includes(`/${first!.deviceId}/`), // (the detector's later silence is a `health` group of its own)
        ),
      );
      expect(opened).toBeDefined();
      await hub.close();
      hub = await startTestHub(reuse);
      const again = await login(hub, 'commander');
      expect((await call(hub, 'GET', `/alarm-groups/${opened!.id}`, { token: again })).body.group).toMatchObject({ id: opened!.id, closedAt: null });
      await ingestLeak(hub, rest, 1);
      const joined = await pollUntil(async () => {
        const alarms: AlarmView[] = (await call(hub, 'GET', `/alarms?siteId=${park.id}&state=active`, { token: again })).body.alarms;
        const later = alarms.filter((a) => rest.some((d) => d.deviceId === a.deviceId) && (a.kind === 'high' || a.kind === 'high-high'));
        return later.length >= rest.length ? later : undefined;
      }, 15_000);
      expect(joined!.every((a) => a.groupId === opened!.id && !a.firstOut)).toBe(true);
    } finally {
      await hub.close();
      await store.dispose();
    }
  });
});

/** A store that outlives one hub: PGlite in a temporary directory, or a scratch PostgreSQL database. */
async function prepareOnce(variant: StoreVariant) {
  if (variant.name === 'postgres') return variant.prepare();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'safetwin-floods-'));
  return { options: { dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

afterAll(() => {});
