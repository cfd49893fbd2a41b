import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChemicalPark, Sensor } from '@safetwin/twin-models';
import { call, login, pickDevices, pollUntil, startTestHub, storeVariants } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

// Staged leaks through the hub with the demo simulator running: what is refused, and that the
// detectors' stored readings (GET /sensors/:id/readings) show the cloud within a minute.
type TestHub = Hub & { dispose: () => Promise<void> };
type History = { readings: { ts: number; values: Record<string, number> }[] };

/** The large propane leak of these tests: a bottom-nozzle rupture of a C3H8 sphere in the LPG tank farm. */
const PROPANE = { equipmentId: 'CP-E4-TK-05', chemical: 'C3H8', rateKgS: 100, durationS: 600 } as const;

describe('staged leaks with the demo simulator running', () => {
  let hub: TestHub;
  let commander: string;
  let park: ReturnType<typeof pickDevices>['park'];
  beforeAll(async () => {
    hub = await startTestHub(storeVariants()[0]!, { simulator: true });
    commander = await login(hub, 'commander');
    park = pickDevices(hub).park;
  }, 180_000);
  afterAll(() => hub.dispose());

  const leak = (over: Record<string, unknown> = {}) => ({ kind: 'leak', siteId: park.id, ...PROPANE, ...over });
  const stage = async (body: Record<string, unknown>) => call(hub, 'POST', '/simulator/scenarios', { token: commander, body });

  /** The detectors among `sensors` whose stored readings sensed in [fromMs, toMs) reached their level-1 set-point. */
  async function inAlarm(sensors: readonly Sensor[], fromMs: number, toMs: number): Promise<Map<string, number>> {
    const over = new Map<string, number>();
    await Promise.all(sensors.map(async (s) => {
      const res = await call(hub, 'GET', `/sensors/${s.id}/readings?from=${fromMs}&to=${toMs}`, { token: commander });
      expect(res.status).toBe(200);
      const peak = Math.max(0, ...(res.body as History).readings.map((r) => r.values[s.setpoints!.metric] ?? 0));
      if (peak >= s.setpoints!.high!) over.set(s.id, peak);
    }));
    return over;
  }

  it('refuses bad leaks: 400 for malformed bodies, 404 for an unknown item, 422 naming the field', async () => {
    const malformed: [Record<string, unknown>, RegExp][] = [
      [leak({ chemical: 'H2' }), /chemical/],
      [leak({ rateKgS: 0 }), /rateKgS/],
      [leak({ rateKgS: undefined }), /rateKgS/],
      [leak({ durationS: 7200 }), /durationS/],
      [leak({ equipmentId: undefined }), /equipmentId/],
      [leak({ heightM: -1 }), /heightM/],
      [leak({ alongM: -5 }), /alongM/],
      [leak({ sourceId: 'x' }), /sourceId/],
    ];
    for (const [body, field] of malformed) {
      const res = await stage(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('request:bad-body');
      expect(res.body.error.message, JSON.stringify(body)).toMatch(field);
    }
    const refused: [Record<string, unknown>, number, string, RegExp][] = [
      [leak({ equipmentId: 'NO-SUCH-TANK' }), 404, 'simulator:unknown-device', /equipmentId: .*NO-SUCH-TANK/],
      [leak({ chemical: 'Cl2' }), 422, 'simulator:bad-scenario', /chemical: .*holds C3H8, not Cl2/],
      [leak({ equipmentId: 'CP-E4-CR-01' }), 422, 'simulator:wrong-device', /equipmentId: .*holds no chemical/],
      [leak({ heightM: 150 }), 422, 'simulator:bad-scenario', /heightM/],
      [leak({ alongM: 3 }), 422, 'simulator:bad-scenario', /alongM: .* is equipment/],
      [leak({ siteId: 'no-such-site' }), 404, 'request:not-found', /no-such-site/],
    ];
    for (const [body, status, code, message] of refused) {
      const res = await stage(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
      expect(res.body.error.message).toMatch(message);
    }
    const officer = await login(hub, 'officer-CP-E4');
    expect((await call(hub, 'POST', '/simulator/scenarios', { token: officer, body: leak() })).status).toBe(403);
  });

  it('stages leaks whose clouds put ≥ 30 detectors over their set-point within a minute, shown by the stored readings', { timeout: 240_000 }, async () => {
    // One leak trips at most ~25 detectors of a kind within a minute on the demo park in the
    // simulator's south-easterly wind (README, "Staged leaks"): the propane leak, a chlorine
    // reactor leak and a hydrogen sulfide reactor leak together make the flood.
    const leaks = [leak(), leak({ equipmentId: 'CP-E1-R-01', chemical: 'Cl2', rateKgS: 20 }), leak({ equipmentId: 'CP-E3-R-01', chemical: 'H2S', rateKgS: 20 })];
    const staged = [];
    for (const body of leaks) {
      const res = await stage(body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      staged.push(res.body.scenario);
    }
    const first = staged[0]!;
    expect(first).toMatchObject({ ...leak(), heightM: 1, id: expect.stringMatching(/^scenario-\d+$/), truth: { sourceKind: 'equipment', enterpriseId: 'CP-E4', massKg: 60_000, detectorKinds: ['gas-flammable'] } });
    expect(first.endMs - first.startMs).toBe(600_000);
    expect(Math.abs(first.startMs - Date.now())).toBeLessThan(5000);
    const tank = (park as ChemicalPark).equipment.find((e) => e.id === PROPANE.equipmentId)!;
    expect(first.truth.source).toEqual({ eastM: tank.position.eastM, northM: tank.position.northM, upM: 1 });

    const detectors = park.sensors.filter((s) => ['gas-flammable', 'gas-cl2', 'gas-h2s'].includes(s.kind) && s.setpoints?.high != null);
    // Readings sensed within a minute of the release start (sensor time), once the hub has stored them.
    const within = first.startMs + 60_000;
    await pollUntil(async () => Date.now() > within + 2000, 90_000, 1000);
    let flood = new Map<string, number>();
    await pollUntil(async () => {
      flood = await inAlarm(detectors, first.startMs, within);
      return flood.size >= 30;
    }, 60_000, 3000);
    expect(flood.size).toBeGreaterThanOrEqual(30);
    // The readings that did it were sensed within a minute of the release start.
    const propane = detectors.filter((s) => s.kind === 'gas-flammable');
    const trippedPropane = [...flood.keys()].filter((id) => propane.some((s) => s.id === id));
    expect(trippedPropane.length).toBeGreaterThanOrEqual(10);
    const sample = await call(hub, 'GET', `/sensors/${trippedPropane[0]}/readings?from=${first.startMs}&to=${within}`, { token: commander });
    const lel = (sample.body as History).readings.map((r) => r.values.lel_pct!);
    expect(Math.max(...lel)).toBeGreaterThanOrEqual(25);
    const before = await call(hub, 'GET', `/sensors/${trippedPropane[0]}/readings?from=${first.startMs - 20_000}&to=${first.startMs}`, { token: commander });
    expect(Math.max(...(before.body as History).readings.map((r) => r.values.lel_pct!))).toBeLessThan(25);

    const listed = await call(hub, 'GET', `/simulator/scenarios?siteId=${park.id}`, { token: commander });
    expect(listed.body.scenarios.slice(0, 3).map((s: { id: string }) => s.id)).toEqual(staged.map((s) => s.id).reverse());
    // Officers see the leaks of their own enterprise's items only.
    const e4 = await call(hub, 'GET', '/simulator/scenarios', { token: await login(hub, 'officer-CP-E4') });
    expect(e4.body.scenarios.map((s: { id: string }) => s.id)).toEqual([first.id]);
  });
});
