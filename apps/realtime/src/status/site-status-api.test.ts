import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@safetwin/twin-models';
import { call, login, pickDevices, pollUntil, readingFor, startTestHub, storeVariants, TEST_GATEWAY_KEY } from '../test-support/test-hub.ts';
import type { Hub } from '../create-hub.ts';
import { NON_SENSOR_KINDS } from './site-status.ts';
import type { SiteStatus, SiteStatusList } from './status-schema.ts';

describe.each(storeVariants())('GET /sites/status on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let devices: ReturnType<typeof pickDevices>;
  // The hub's clock: real time plus an offset the staleness test moves forward.
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  let seq = 0;

  const ingest = (readings: unknown[]) => call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings } });
  const statusFor = async (username: string): Promise<SiteStatusList> => {
    const res = await call(hub, 'GET', '/sites/status', { token: await login(hub, username) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as SiteStatusList;
  };
  const siteOf = (list: SiteStatusList, siteId: string): SiteStatus => {
    const site = list.sites.find((s) => s.id === siteId);
    if (!site) throw new Error(`no status for ${siteId} in ${list.sites.map((s) => s.id).join(', ')}`);
    return site;
  };
  const sensorCount = (ds: readonly DeviceInfo[]) => ds.filter((d) => !NON_SENSOR_KINDS.has(d.kind)).length;

  beforeAll(async () => {
    hub = await startTestHub(variant, { now });
    devices = pickDevices(hub);
  });
  afterAll(() => hub.dispose());

  it('is scoped like GET /sites: every site for the commander, one park for its manager, nothing without a token', async () => {
    const all = await statusFor('commander');
    expect(all.sites.map((s) => s.id).sort()).toEqual([devices.mine.id, devices.park.id].sort());
    expect(Math.abs(all.asOfMs - now())).toBeLessThan(5_000);
    const park = siteOf(all, devices.park.id);
    expect(park.sensors).toEqual({ total: sensorCount(hub.registry.devicesOf(devices.park.id)), online: 0, stale: 0, noData: park.sensors.total });
    expect(park).toMatchObject({ risk: 'blue', worstLevel: null, kind: 'chemical-park', people: { source: 'planned-occupancy' } });
    const mine = siteOf(all, devices.mine.id);
    expect(mine.people).toEqual({ source: 'tags', count: 0, tagsTotal: devices.mine.kind === 'coal-mine' ? devices.mine.miners.length : -1 });

    expect((await statusFor('park-manager')).sites.map((s) => s.id)).toEqual([devices.park.id]);
    expect((await statusFor('mine-manager')).sites.map((s) => s.id)).toEqual([devices.mine.id]);
    expect((await call(hub, 'GET', '/sites/status')).status).toBe(401);
  });

  it("counts for an enterprise officer only their own site and their own enterprise's devices (plus the weather)", async () => {
    const officer = await statusFor(`officer-${devices.gas.enterpriseId}`);
    expect(officer.sites.map((s) => s.id)).toEqual([devices.park.id]);
    const visible = hub.registry.devicesOf(devices.park.id).filter((d) => d.enterpriseId === devices.gas.enterpriseId || d.kind === 'weather');
    const mine = siteOf(officer, devices.park.id);
    expect(mine.sensors.total).toBe(sensorCount(visible));
    expect(mine.sensors.total).toBeLessThan(siteOf(await statusFor('commander'), devices.park.id).sensors.total);
    // Planned occupancy of their plant and park-level buildings only.
    const all = siteOf(await statusFor('commander'), devices.park.id).people;
    expect(mine.people.source).toBe('planned-occupancy');
    expect(mine.people.count).toBeLessThan(all.count);
  });

  it("turns the park orange for everyone who sees a gas detector over its limit, but not for another enterprise's officer", async () => {
    const sensor = devices.park.sensors.find((s) => s.id === devices.gas.deviceId)!;
    const { metric, high } = sensor.setpoints!;
    const res = await ingest([{ deviceId: devices.gas.deviceId, ts: now(), seq: ++seq, values: { [metric]: high! * 1.5 } }]);
    expect(res.status).toBe(202);
    // Sensor freshness comes from a snapshot of the device state at most 0.5 s old (asOfMs): wait for the one after the commit.
    const park = (await pollUntil(async () => {
      const p = siteOf(await statusFor('commander'), devices.park.id);
      return p.sensors.online === 1 ? p : undefined;
    }, 10_000, 100))!;
    expect(park).toMatchObject({ risk: 'orange', worstLevel: 2 });
    expect(park.alarms).toMatchObject({ level1: 0, level2: 1, unacknowledged: 1 });
    expect(park.sensors.online).toBe(1);
    expect(siteOf(await statusFor(`officer-${devices.gas.enterpriseId}`), devices.park.id)).toMatchObject({ risk: 'orange', alarms: { level2: 1 } });
    const other = siteOf(await statusFor(`officer-${devices.otherEnterprise.enterpriseId}`), devices.park.id);
    expect(other).toMatchObject({ risk: 'blue', worstLevel: null, alarms: { level2: 0, unacknowledged: 0 }, sensors: { online: 0 } });
  });

  it('turns the mine red for methane at its power-cut level (an explosion precursor)', async () => {
    const ch4 = devices.mine.sensors.find((s) => s.kind === 'gas-ch4' && s.setpoints?.highHigh != null)!;
    const { metric, highHigh } = ch4.setpoints!;
    expect((await ingest([{ deviceId: ch4.id, ts: now(), seq: ++seq, values: { [metric]: highHigh! + 0.2 } }])).status).toBe(202);
    const mine = siteOf(await statusFor('mine-manager'), devices.mine.id);
    // The methane alarm is level 1; the interlock's cut of that sensor's range fails here (no gateway
    // answers), and each machine's "power cut failed" is level 1 too.
    expect(mine).toMatchObject({ risk: 'red', worstLevel: 1 });
    expect(mine.alarms.level1).toBeGreaterThanOrEqual(1);
  });

  it('counts a sensor stale once it has been silent for 3× its interval, and online again when it reports', async () => {
    const device = devices.weather;
    const tag = hub.registry.devicesOf(devices.mine.id).find((d) => d.kind === 'uwb-tag')!;
    const ingestedAtMs = now();
    expect((await ingest([readingFor(device, ++seq, now()), readingFor(tag, ++seq, now())])).status).toBe(202);
    // Figures that hold the ingest: the hub reads device_state at most every 0.5 s, and a snapshot read after the
    // ingest's 202 may still predate its group commit — the tag, committed with the weather reading, shows when it is in.
    const before = siteOf((await pollUntil(async () => {
      const list = await statusFor('commander');
      return list.asOfMs >= ingestedAtMs && siteOf(list, devices.mine.id).people.count === 1 ? list : undefined;
    }))!, devices.park.id);
    expect(siteOf(await statusFor('commander'), devices.mine.id).people.count).toBe(1);

    // Every park sensor heard so far (this one, and the gas detector of the test before) goes quiet.
    offsetMs += 3 * Math.max(device.intervalMs, tag.intervalMs) + 1_000;
    const silent = { ...before.sensors, online: 0, stale: before.sensors.stale + before.sensors.online };
    const after = await pollUntil(async () => {
      const park = siteOf(await statusFor('commander'), devices.park.id);
      return park.sensors.online === 0 ? park : undefined;
    });
    expect(after?.sensors).toEqual(silent);
    // The tag went silent too: its miner is no longer counted on site.
    expect(siteOf(await statusFor('commander'), devices.mine.id).people.count).toBe(0);

    expect((await ingest([readingFor(device, ++seq, now())])).status).toBe(202);
    const back = await pollUntil(async () => {
      const park = siteOf(await statusFor('commander'), devices.park.id);
      return park.sensors.online === 1 ? park : undefined;
    });
    expect(back?.sensors).toEqual({ ...silent, online: 1, stale: silent.stale - 1 });
  });

  it('is described in the OpenAPI document with its response schema', async () => {
    const res = await call(hub, 'GET', '/openapi.json');
    const op = res.body.paths['/api/v1/sites/status'].get;
    const schema = op.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['asOfMs', 'sites']));
    expect(schema.properties.sites.items.properties.risk.enum).toEqual(['red', 'orange', 'yellow', 'blue']);
  });
});
