import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../create-hub.ts';
import { DEFAULT_RULE_SET, type AlarmRuleSet } from '../alarms/rules/rule-set.ts';
import { AlarmRules } from '../alarms/rules/alarm-rules.ts';
import { RuleStore } from '../alarms/rules/rule-store.ts';
import { FakeSink } from '../alarms/rules/fake-sink.ts';
import { call, login as loginOnce, pollUntil, storeVariants, TEST_GATEWAY_KEY, TEST_PASSWORD } from '../test-support/test-hub.ts';

const PARK = 'cp-nanjing';
const GAS = 'CP-E4-GT-001'; // a flammable detector of CP-E4 (LPG sphere 1), high 25 / high-high 50 %LEL
const CL2 = 'CP-E1-GT-001'; // a chlorine detector of CP-E1, high 0.3 ppm
const STATION = 'CP-PK-WS-001';
const VESSEL_PT = 'CP-E2-PT-001'; // pressure of an LPG tank: its high-high is level 1 (the ESD)

describe.each(storeVariants())('alarm rules and set-points through the API on $name', (variant) => {
  let hub: Hub;
  let options: Record<string, unknown>;
  let dispose: () => Promise<void>;
  let dataDir: string | null = null;
  let seq = 0;
  let t = Date.now() - 120_000;
  const start = () => createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: TEST_PASSWORD, demoGatewayKey: TEST_GATEWAY_KEY, logLevel: 'silent', ...options });
  const send = (deviceId: string, values: Record<string, number>) =>
    call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings: [{ deviceId, ts: (t += 200), seq: ++seq, values }] } });
  const tokens = new Map<string, string>();
  /** Logs in once per user (scrypt is slow on a shared machine). */
  const login = async (_hub: Hub, user: string) => tokens.get(user) ?? tokens.set(user, await loginOnce(hub, user)).get(user)!;
  const alarm = (id: string) => pollUntil(async () => hub.alarmEngine.get(id)?.processActive === true && hub.alarmEngine.get(id), 5000);

  beforeAll(async () => {
    const store = await variant.prepare();
    dataDir = variant.name === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'safetwin-rules-')) : null;
    options = { ...store.options, ...(dataDir ? { dataDir } : {}) };
    dispose = store.dispose;
    hub = await start();
  });
  afterAll(async () => {
    await hub.close();
    await dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows version 0 (the defaults) and the set-points each user may see', async () => {
    const commander = await call(hub, 'GET', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'commander') });
    expect(commander.status).toBe(200);
    expect(commander.body).toMatchObject({ siteId: PARK, version: 0, rules: DEFAULT_RULE_SET, updatedBy: null });
    expect(commander.body.setpoints.find((s: { deviceId: string }) => s.deviceId === GAS)).toMatchObject({ metric: 'lel_pct', base: { high: 25, highHigh: 50 }, changedThroughApi: false });
    const officer = await call(hub, 'GET', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'officer-CP-E1') });
    expect(officer.body.setpoints.length).toBeGreaterThan(0);
    // Their own plant's sensors, and the park's weather stations every viewer sees.
    expect(officer.body.setpoints.every((s: { deviceId: string }) => s.deviceId.startsWith('CP-E1-') || s.deviceId.startsWith('CP-PK-WS-'))).toBe(true);
    const mine = await call(hub, 'GET', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'mine-manager') });
    expect(mine.status).toBe(404);
  });

  const edited = (): AlarmRuleSet => ({
    ...DEFAULT_RULE_SET,
    voting: { lelPct: 40, votes: 2 },
    adaptive: [{ id: 'hot-weather-flammable', when: { metric: 'air_temp_c', atOrAbove: 30, hysteresis: 2 }, sensorKinds: ['gas-flammable'], levels: ['high'], factor: 0.5 }],
  });

  it.each([
    { user: 'drill-planner', status: 403 },
    { user: 'officer-CP-E4', status: 403 },
    { user: 'mine-manager', status: 404 },
  ])('refuses a new rule set from $user ($status)', async ({ user, status }) => {
    const res = await call(hub, 'PUT', `/sites/${PARK}/alarm-rules`, { token: await login(hub, user), body: { baseVersion: 0, rules: edited() } });
    expect(res.status).toBe(status);
  });

  it.each([
    { title: 'two votes needed at least', rules: { ...DEFAULT_RULE_SET, voting: { lelPct: 50, votes: 1 } }, field: 'rules.voting.votes' },
    { title: 'a negative rate share', rules: { ...DEFAULT_RULE_SET, rate: [{ ...DEFAULT_RULE_SET.rate[0]!, sharePerMin: -1 }] }, field: 'rules.rate.0.sharePerMin' },
    { title: 'an unknown section', rules: { ...DEFAULT_RULE_SET, extra: 1 }, field: 'rules' },
    { title: 'an unknown sensor kind', rules: { ...DEFAULT_RULE_SET, rate: [{ ...DEFAULT_RULE_SET.rate[0]!, sensorKinds: ['gas-xyz'] }] }, field: 'rules.rate.0.sensorKinds.0' },
    { title: 'an adaptive condition on a metric no station sends', rules: { ...DEFAULT_RULE_SET, adaptive: [{ ...DEFAULT_RULE_SET.adaptive[0]!, when: { metric: 'soil_temp_c', atOrAbove: 30, hysteresis: 1 } }] }, field: 'body.rules.adaptive.0.when.metric' },
    { title: 'more votes than a unit has detectors', rules: { ...DEFAULT_RULE_SET, voting: { lelPct: 50, votes: 5 } }, field: 'body.rules.voting.votes' },
    { title: 'unbounded pseudo-data memory', rules: { ...DEFAULT_RULE_SET, pseudoData: { ...DEFAULT_RULE_SET.pseudoData, historyReadings: 100_000, strideReadings: 1 } }, field: 'rules.pseudoData.historyReadings' },
    { title: 'an adaptive factor loosening high limits', rules: { ...DEFAULT_RULE_SET, adaptive: [{ ...DEFAULT_RULE_SET.adaptive[0]!, factor: 1.5 }] }, field: 'rules.adaptive.0.factor' },
    { title: 'adaptive levels out of order', rules: { ...DEFAULT_RULE_SET, adaptive: [{ ...DEFAULT_RULE_SET.adaptive[0]!, sensorKinds: ['gas-flammable'], levels: ['highHigh'], factor: 0.3 }] }, field: 'body.rules.adaptive.0.factor' },
    { title: 'more distinct values than the window holds', rules: { ...DEFAULT_RULE_SET, pseudoData: { ...DEFAULT_RULE_SET.pseudoData, minDistinct: 40 } }, field: 'rules.pseudoData.minDistinct' },
  ])('answers 400 naming the bad field: $title', async ({ rules, field }) => {
    const res = await call(hub, 'PUT', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'park-manager'), body: { baseVersion: 0, rules } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect((await call(hub, 'GET', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'commander') })).body.version).toBe(0);
  });

  it('stores version 1 from the park manager, refuses a stale base with 409, and keeps the audit trail', async () => {
    const token = await login(hub, 'park-manager');
    const saved = await call(hub, 'PUT', `/sites/${PARK}/alarm-rules`, { token, body: { baseVersion: 0, rules: edited(), reason: 'hot summer, LPG area' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, updatedBy: 'park-manager', rules: { voting: { lelPct: 40 } } });
    const stale = await call(hub, 'PUT', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'commander'), body: { baseVersion: 0, rules: DEFAULT_RULE_SET } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('alarm-rules:stale-version');
    const history = await call(hub, 'GET', `/sites/${PARK}/alarm-rules/history`, { token });
    expect(history.body.entries[0]).toMatchObject({ subject: 'rules', actor: 'park-manager', version: 1, reason: 'hot summer, LPG area', before: { version: 0, rules: { voting: { lelPct: 50 } } }, after: { version: 1, rules: { voting: { lelPct: 40 } } } });
  });

  it('puts the new rules in force at once: voting at 40 %LEL, the adaptive limit with hysteresis', async () => {
    const [d1, d2] = ['CP-E4-GT-001', 'CP-E4-GT-002'];
    await send(d1, { lel_pct: 42 });
    await send(d2, { lel_pct: 43 });
    const voting = await alarm(`${PARK}/CP-E4-TK-01/lel_pct/voting`);
    expect(voting).toMatchObject({ kind: 'voting', level: 1, priority: 'high', setpoint: 40, enterpriseId: 'CP-E4' });
    // Hot weather halves the flammable detectors' high limit (25 → 12.5 %LEL) …
    await send(STATION, { air_temp_c: 31 });
    expect(hub.alarmEngine.limitsOf(GAS, 'lel_pct')?.high).toBe(12.5);
    await send(STATION, { air_temp_c: 28.5 }); // … still inside the 2 K hysteresis …
    expect(hub.alarmEngine.limitsOf(GAS, 'lel_pct')?.high).toBe(12.5);
    await send(STATION, { air_temp_c: 27.9 }); // … and back below it.
    expect(hub.alarmEngine.limitsOf(GAS, 'lel_pct')?.high).toBe(25);
  });

  it.each([
    { user: 'officer-CP-E1', deviceId: GAS, status: 404, title: 'another plant’s sensor is not even visible' },
    { user: 'drill-planner', deviceId: GAS, status: 403, title: 'a drill planner only watches' },
    { user: 'officer-CP-E4', deviceId: GAS, body: { high: 60 }, status: 400, field: 'body.high', title: 'high above high-high' },
    { user: 'officer-CP-E4', deviceId: GAS, body: { highHigh: 150 }, status: 400, field: 'body.highHigh', title: 'outside the metric range' },
    { user: 'officer-CP-E4', deviceId: GAS, body: {}, status: 400, field: 'high', title: 'no level at all' },
    { user: 'commander', deviceId: 'CP-E1-XV-001', status: 404, title: 'a valve has no set-points' },
    { user: 'officer-CP-E4', deviceId: GAS, body: { high: 30 }, status: 403, field: 'body.high', title: 'an officer raising their own detector’s limit (only tightening is theirs)' },
    { user: 'officer-CP-E4', deviceId: GAS, body: { highHigh: null }, status: 403, field: 'body.highHigh', title: 'an officer clearing a limit' },
    { user: 'commander', deviceId: VESSEL_PT, body: { highHigh: null }, status: 400, field: 'body.highHigh', title: 'clearing the level-1 high-high of a flammable vessel, whoever asks' },
  ])('refuses a set-point change: $title', async ({ user, deviceId, body, status, field }) => {
    const res = await call(hub, 'PATCH', `/sensors/${deviceId}/setpoints`, { token: await login(hub, user), body: body ?? { high: 20 } });
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.message).toContain(field);
  });

  it('lets a safety officer lower their own detector’s limit, audited, and the running engine alarms on it', async () => {
    const token = await login(hub, 'officer-CP-E1');
    const res = await call(hub, 'PATCH', `/sensors/${CL2}/setpoints`, { token, body: { high: 0.2, reason: 'new cell, tighter limit' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deviceId: CL2, base: { high: 0.2, highHigh: 0.6 }, changedThroughApi: true });
    await send(CL2, { cl2_ppm: 0.25 });
    expect(await alarm(`${PARK}/${CL2}/cl2_ppm/high`)).toMatchObject({ setpoint: 0.2, level: 2 });
    const history = await call(hub, 'GET', `/sites/${PARK}/alarm-rules/history`, { token });
    expect(history.body.entries[0]).toMatchObject({ subject: 'setpoints', deviceId: CL2, actor: 'officer-CP-E1', before: { high: 0.3 }, after: { high: 0.2 }, reason: 'new cell, tighter limit' });
    // Another plant's officer sees the rule changes but not this sensor's entry.
    const other = await call(hub, 'GET', `/sites/${PARK}/alarm-rules/history`, { token: await login(hub, 'officer-CP-E4') });
    expect(other.body.entries.some((e: { deviceId: string | null }) => e.deviceId === CL2)).toBe(false);
    expect(other.body.entries.some((e: { subject: string }) => e.subject === 'rules')).toBe(true);
  });

  it('keeps rules and set-points across a restart, in force in the new engine', async () => {
    await hub.close();
    hub = await start();
    tokens.clear(); // sessions are stored, but start clean
    const res = await call(hub, 'GET', `/sites/${PARK}/alarm-rules`, { token: await login(hub, 'commander') });
    expect(res.body).toMatchObject({ version: 1, updatedBy: 'park-manager', rules: { voting: { lelPct: 40 } } });
    expect(res.body.setpoints.find((s: { deviceId: string }) => s.deviceId === CL2)).toMatchObject({ base: { high: 0.2 }, changedThroughApi: true });
    expect(hub.alarmEngine.limitsOf(CL2, 'cl2_ppm')?.high).toBe(0.2);
  });

  it('another hub on the same database follows the changes (rules and set-points)', async () => {
    const sink = new FakeSink();
    const other = await AlarmRules.start(new RuleStore(hub.db), hub.registry.all(), sink, Date.now);
    expect(other.ruleSet(PARK)?.version).toBe(1);
    const token = await login(hub, 'commander');
    const saved = await call(hub, 'PUT', `/sites/${PARK}/alarm-rules`, { token, body: { baseVersion: 1, rules: DEFAULT_RULE_SET, reason: 'back to defaults' } });
    expect(saved.body.version).toBe(2);
    expect((await call(hub, 'PATCH', `/sensors/${GAS}/setpoints`, { token, body: { high: 20 } })).status).toBe(200);
    expect(other.ruleSet(PARK)?.version).toBe(1);
    await other.refresh();
    expect(other.ruleSet(PARK)).toMatchObject({ version: 2, updatedBy: 'commander', rules: { voting: { lelPct: 50 } } });
    expect(other.levels(PARK).find((l) => l.deviceId === GAS)).toMatchObject({ base: { high: 20, highHigh: 50 }, changedThroughApi: true });
    expect(sink.limits.get(`${GAS}/lel_pct`)?.high).toBe(20);
  });

  it('voting follows its members’ standing faults at start and the engine’s later changes (maintenance)', async () => {
    const [d1, d2, d3] = ['CP-E4-GT-001', 'CP-E4-GT-002', 'CP-E4-GT-003'];
    const sink = new FakeSink();
    sink.standing.push({ deviceId: d3, metric: '*', kind: 'stale', state: 'unacknowledged', processActive: true });
    const rules = await AlarmRules.start(new RuleStore(hub.db), hub.registry.all(), sink, Date.now);
    const degraded = `${PARK}/CP-E4-TK-01/lel_pct/voting-degraded`;
    expect(sink.activeOf('voting-degraded')).toEqual([degraded]);
    const change = (a: Parameters<FakeSink['changeListeners'][number]>[0]) => sink.changeListeners.forEach((listener) => listener(a));
    change({ deviceId: d3, metric: '*', kind: 'stale', state: 'rtn-unacknowledged', processActive: false });
    expect(sink.activeOf('voting-degraded')).toEqual([]);
    // A bump test: d1's and d2's high-high alarms out of service; span gas on both does not trip the unit.
    for (const d of [d1, d2]) change({ deviceId: d, metric: 'lel_pct', kind: 'high-high', state: 'out-of-service', processActive: false });
    expect(sink.activeOf('voting-degraded')).toEqual([degraded]);
    const reading = (deviceId: string, ts: number) => ({ deviceId, ts, seq: ts, values: { lel_pct: 60 } });
    const t0 = Date.now();
    rules.observe([reading(d1, t0), reading(d2, t0)]);
    expect(sink.activeOf('voting')).toEqual([]);
    // Back in service, the same readings vote.
    for (const d of [d1, d2]) change({ deviceId: d, metric: 'lel_pct', kind: 'high-high', state: 'normal', processActive: false });
    rules.observe([reading(d1, t0 + 1000), reading(d2, t0 + 1000)]);
    expect(sink.activeOf('voting')).toEqual([`${PARK}/CP-E4-TK-01/lel_pct/voting`]);
  });
});
