import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlarmView, CommandRecord, CommandRequest } from '@safetwin/protocol';
import { getDemoSite, type ChemicalPark, type Site } from '@safetwin/twin-models';
import { AlarmEngine, alarmId, type AlarmPoint } from '../alarm-engine.ts';
import type { AlarmStore } from '../alarm-store.ts';
import type { ResponseEvent } from './response-events.ts';
import { ESD_ACTOR, EsdShutdown, REPORT_CLOCK_SKEW_MS, SHUTDOWN_FAILED_KIND, closeTimeoutMs } from './esd-shutdown.ts';

const park = getDemoSite('cp-nanjing')!;
const mine = getDemoSite('cm-yangquan')!;
const sites = new Map<string, Site>([park, mine].map((s) => [s.id, s]));
/** The amine absorber's pressure transmitter: its unit has three ESD valves (CP-E3-XV-003, -007, -008). */
const absorberPt = park.sensors.find((s) => s.equipmentId === 'CP-E3-C-01' && s.kind === 'pressure')!.id;
const VALVES = ['CP-E3-XV-003', 'CP-E3-XV-007', 'CP-E3-XV-008'];
const COMMAND_TIMEOUT_MS = 5000;
const LIMIT_MS = closeTimeoutMs({ strokeTimeS: 10, intervalMs: 1000 }, COMMAND_TIMEOUT_MS);

const levelOne = (siteId: string, deviceId: string, kind = 'high-high'): AlarmPoint => ({
  siteId, deviceId, enterpriseId: 'CP-E3', metric: 'pressure_kpa', kind, level: 1, priority: 'high', setpoint: 8000,
});
const store = { loadAll: async () => [], save: async () => {}, history: async () => [], drain: async () => {} } as unknown as AlarmStore;

/** A command channel stand-in: answers each valve as told (acknowledged by default). */
function fakeCommands(answer: (req: CommandRequest) => CommandRecord['state'] = () => 'acknowledged') {
  const sent: { request: CommandRequest; issuedBy: string }[] = [];
  return {
    sent,
    send: async (request: CommandRequest, issuedBy: string): Promise<CommandRecord> => {
      sent.push({ request, issuedBy });
      const state = answer(request);
      return { id: `c${sent.length}`, siteId: request.siteId, deviceId: request.deviceId, action: request.action, state, issuedBy, issuedAt: Date.now(), ackedAt: null, message: state === 'acknowledged' ? 'valve closing' : null };
    },
  };
}

describe('ESD shutdown on level-1 alarms (fake timers)', () => {
  let engine: AlarmEngine;
  let events: ResponseEvent[];
  let shutdown: EsdShutdown;
  let commands: ReturnType<typeof fakeCommands>;
  const settle = () => vi.advanceTimersByTimeAsync(0);
  const report = (deviceId: string, openPct: number) => shutdown.observe([{ deviceId, ts: Date.now(), seq: 1, values: { open_pct: openPct } }]);

  const start = async (answer?: (req: CommandRequest) => CommandRecord['state']) => {
    engine = new AlarmEngine(store, () => {}, Date.now);
    await engine.start([]);
    events = [];
    commands = fakeCommands(answer);
    shutdown = new EsdShutdown({ engine, site: (id) => sites.get(id), commands, now: Date.now, emit: (e) => events.push(e), onError: (err) => { throw err; }, commandTimeoutMs: COMMAND_TIMEOUT_MS });
    shutdown.start();
    shutdown.ready();
  };
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.UTC(2026, 0, 5, 8) }));
  afterEach(() => {
    shutdown.close();
    vi.useRealTimers();
  });

  it('commands the unit’s ESD valves closed through the command channel and confirms when every one reports closed', async () => {
    await start();
    engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
    await settle();
    const id = alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high');
    expect(commands.sent.map((c) => [c.request.deviceId, c.request.action, c.issuedBy])).toEqual(VALVES.map((v) => [v, 'valve.close', ESD_ACTOR]));
    expect(engine.get(id)!.response).toEqual({ kind: 'shutdown', dueAt: null, tier: 'enterprise', escalations: 0, confirmedAt: null, confirmedBy: null, note: `ESD valves ${VALVES.join(', ')} commanded closed` });
    report(VALVES[0]!, 40); // moving: not closed yet
    report(VALVES[0]!, 0);
    report(VALVES[1]!, 0);
    await settle();
    expect(engine.get(id)!.response!.confirmedAt).toBeNull();
    report(VALVES[2]!, 0.6); // nearly seated is not closed
    await settle();
    expect(engine.get(id)!.response!.confirmedAt).toBeNull();
    report(VALVES[2]!, 0.5);
    await settle();
    expect(engine.get(id)!.response).toMatchObject({ confirmedAt: Date.now(), confirmedBy: ESD_ACTOR, note: `ESD valves ${VALVES.join(', ')} closed (reported by the field)` });
    expect(events.map((e) => e.type)).toEqual(['shutdown-commanded', 'shutdown-completed']);
  });

  it('makes a valve that never reports closed visible: the response says so and a level-1 shutdown-failed alarm stands until it closes', async () => {
    await start((req) => (req.deviceId === VALVES[1] ? 'timeout' : 'acknowledged'));
    engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
    await settle();
    report(VALVES[0]!, 0);
    await vi.advanceTimersByTimeAsync(LIMIT_MS + 1);
    const id = alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high');
    expect(engine.get(id)!.response!.note).toBe(
      `shutdown failed: ${VALVES[1]} command timeout; ${VALVES[2]} did not report closed within ${LIMIT_MS / 1000} s`,
    );
    expect(engine.get(id)!.response!.confirmedAt).toBeNull();
    const failedAlarms = engine.list(park.id, true).filter((a) => a.kind === SHUTDOWN_FAILED_KIND);
    expect(failedAlarms.map((a) => [a.deviceId, a.level, a.state])).toEqual([
      [VALVES[1], 1, 'unacknowledged'],
      [VALVES[2], 1, 'unacknowledged'],
    ]);
    const failedEvent = events.find((e) => e.type === 'shutdown-failed');
    expect(failedEvent && 'failed' in failedEvent && failedEvent.failed.map((f) => f.valveId)).toEqual([VALVES[1], VALVES[2]]);
    // A shutdown-failed alarm is level 1 but commands nothing itself.
    expect(commands.sent).toHaveLength(3);
    report(VALVES[2]!, 0);
    expect(engine.get(alarmId(park.id, VALVES[2]!, 'open_pct', SHUTDOWN_FAILED_KIND))).toMatchObject({ processActive: false, state: 'rtn-unacknowledged' });
  });

  it('commands each valve once when two level-1 alarms on one unit overlap: the second is held by the unit latch', async () => {
    await start();
    engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
    // The voting rule's alarm names the unit (equipment id) as its device.
    engine.setCondition({ ...levelOne(park.id, 'CP-E3-C-01', 'voting'), metric: 'lel_pct' }, true, 60);
    await settle();
    expect(commands.sent).toHaveLength(3);
    for (const v of VALVES) report(v, 0);
    await settle();
    expect(engine.list(park.id, true).map((a) => a.response?.confirmedBy ?? a.response?.note)).toEqual([
      ESD_ACTOR, `ESD of the unit latched (by ${alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high')}): not commanded again until an operator resets it`,
    ]);
    expect(events.map((e) => e.type)).toEqual(['shutdown-commanded', 'shutdown-completed']);
  });

  it('latches the shutdown per unit: a chattering level-1 alarm commands once, until an operator acknowledges it back to normal', async () => {
    await start();
    const point = levelOne(park.id, absorberPt);
    const id = alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high');
    engine.setCondition(point, true, 8100);
    await settle();
    for (const v of VALVES) report(v, 0);
    for (let i = 0; i < 3; i++) {
      engine.setCondition(point, false, 7900);
      engine.setCondition(point, true, 8100);
      await settle();
    }
    expect(commands.sent).toHaveLength(3);
    expect(events.filter((e) => e.type === 'shutdown-commanded')).toHaveLength(1);
    engine.setCondition(point, false, 7900);
    engine.operate(id, { type: 'ack' }, 'operator', 'unit made safe, ESD reset'); // rtn-unacknowledged → normal: the reset
    engine.setCondition(point, true, 8100);
    await settle();
    expect(commands.sent).toHaveLength(6);
    expect(events.filter((e) => e.type === 'shutdown-commanded')).toHaveLength(2);
  });

  it('accepts a closed report only when dated after the command (a replayed buffer does not confirm, nor clear shutdown-failed)', async () => {
    await start((req) => (req.deviceId === VALVES[2] ? 'timeout' : 'acknowledged'));
    const commandedAt = Date.now();
    engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
    await settle();
    const id = alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high');
    const replay = (deviceId: string, ts: number) => shutdown.observe([{ deviceId, ts, seq: 1, values: { open_pct: 0 } }]);
    replay(VALVES[0]!, commandedAt - 60 * 60_000); // an hour old, before the valve was reopened
    replay(VALVES[1]!, commandedAt - REPORT_CLOCK_SKEW_MS - 1);
    await settle();
    expect(engine.get(id)!.response!.confirmedAt).toBeNull();
    replay(VALVES[0]!, commandedAt - REPORT_CLOCK_SKEW_MS); // within the clock-skew allowance
    replay(VALVES[1]!, commandedAt + 1000);
    await vi.advanceTimersByTimeAsync(LIMIT_MS + 1);
    const failed = alarmId(park.id, VALVES[2]!, 'open_pct', SHUTDOWN_FAILED_KIND);
    expect(engine.get(id)!.response!.note).toBe(`shutdown failed: ${VALVES[2]} command timeout`);
    replay(VALVES[2]!, commandedAt - 60 * 60_000);
    expect(engine.get(failed)).toMatchObject({ processActive: true });
    replay(VALVES[2]!, Date.now());
    expect(engine.get(failed)).toMatchObject({ processActive: false });
  });

  it('commands the ESD for a level-1 activation while the alarm is out of service (a safety function does not depend on the HMI state)', async () => {
    await start();
    const point = levelOne(park.id, absorberPt);
    const id = alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high');
    engine.setCondition(point, true, 8100);
    engine.setCondition(point, false, 7900);
    engine.operate(id, { type: 'ack' }, 'operator', null);
    await settle();
    for (const v of VALVES) report(v, 0);
    await settle();
    engine.operate(id, { type: 'suppress', reason: 'by design' }, 'operator', null);
    engine.operate(id, { type: 'out-of-service', reason: 'transmitter swap' }, 'operator', null);
    engine.setCondition(point, true, 8200);
    await settle();
    expect(engine.get(id)!.state).toBe('out-of-service');
    expect(commands.sent).toHaveLength(6);
    expect(events.filter((e) => e.type === 'shutdown-commanded')).toHaveLength(2);
  });

  it('names the neighbouring units’ valves (and owners) when the ring reaches them, in the audit trail and the event', async () => {
    const foreign = VALVES[1]!;
    const chem = park as ChemicalPark;
    const shared: ChemicalPark = { ...chem, pipes: { ...chem.pipes, valves: chem.pipes.valves.map((v) => (v.id === foreign ? { ...v, enterpriseId: 'CP-E2' } : v)) } };
    sites.set(park.id, shared);
    try {
      await start();
      engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
      await settle();
      const commanded = events.find((e) => e.type === 'shutdown-commanded');
      expect(commanded && 'neighbours' in commanded && commanded.neighbours).toEqual([{ valveId: foreign, enterpriseId: 'CP-E2' }]);
    } finally {
      sites.set(park.id, park);
    }
  });

  it('at start commands the shutdown of a standing level-1 alarm that carries none (the hub stopped before commanding)', async () => {
    const saved = new Map<string, AlarmView>();
    const persisting = { ...store, loadAll: async () => [...saved.values()], save: async (c: { alarm: AlarmView }) => void saved.set(c.alarm.id, c.alarm) } as unknown as AlarmStore;
    const bare = new AlarmEngine(persisting, () => {}, Date.now);
    await bare.start([]);
    bare.setCondition(levelOne(park.id, absorberPt), true, 8100);
    await start();
    engine = new AlarmEngine(persisting, () => {}, Date.now);
    await engine.start([]);
    shutdown = new EsdShutdown({ engine, site: (id) => sites.get(id), commands, now: Date.now, emit: (e) => events.push(e), onError: (err) => { throw err; }, commandTimeoutMs: COMMAND_TIMEOUT_MS });
    shutdown.start();
    await settle();
    expect(commands.sent).toHaveLength(0);
    shutdown.ready();
    await settle();
    expect(commands.sent).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual(['shutdown-commanded']);
  });

  it('resumes a shutdown that was under way when the hub stopped: commands the valves again and follows them', async () => {
    const saved = new Map<string, AlarmView>();
    const persisting = { ...store, loadAll: async () => [...saved.values()], save: async (c: { alarm: AlarmView }) => void saved.set(c.alarm.id, c.alarm) } as unknown as AlarmStore;
    await start();
    const first = new AlarmEngine(persisting, () => {}, Date.now);
    await first.start([]);
    new EsdShutdown({ engine: first, site: (id) => sites.get(id), commands, now: Date.now, emit: () => {}, onError: (err) => { throw err; }, commandTimeoutMs: COMMAND_TIMEOUT_MS }).start();
    first.setCondition(levelOne(park.id, absorberPt), true, 8100);
    await settle(); // commanded; the hub stops before any valve reports
    expect(commands.sent).toHaveLength(3);

    engine = new AlarmEngine(persisting, () => {}, Date.now);
    await engine.start([]);
    shutdown = new EsdShutdown({ engine, site: (id) => sites.get(id), commands, now: Date.now, emit: (e) => events.push(e), onError: (err) => { throw err; }, commandTimeoutMs: COMMAND_TIMEOUT_MS });
    shutdown.start();
    shutdown.ready();
    await settle();
    expect(commands.sent).toHaveLength(6);
    for (const v of VALVES) report(v, 0);
    await settle();
    expect(engine.get(alarmId(park.id, absorberPt, 'pressure_kpa', 'high-high'))!.response).toMatchObject({ confirmedBy: ESD_ACTOR });
  });

  it('commands nothing for a mine’s level-1 alarm (power cut is not a valve) and notes a unit without ESD valves', async () => {
    await start();
    const ch4 = mine.sensors.find((s) => s.kind === 'gas-ch4')!.id;
    engine.setCondition({ ...levelOne(mine.id, ch4), metric: 'ch4_pct' }, true, 1.6);
    const fence = park.sensors.find((s) => s.enterpriseId === null && s.kind === 'gas-flammable')!.id;
    engine.setCondition({ ...levelOne(park.id, fence, 'voting'), metric: 'lel_pct' }, true, 60);
    await settle();
    expect(commands.sent).toEqual([]);
    expect(engine.get(alarmId(mine.id, ch4, 'ch4_pct', 'high-high'))!.response).toBeNull();
    expect(engine.get(alarmId(park.id, fence, 'lel_pct', 'voting'))!.response!.note).toBe(`no remote ESD valve isolates the unit of ${fence}: isolate by hand`);
  });
});
