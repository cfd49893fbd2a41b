import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlarmView, CommandRecord, CommandRequest } from '@safetwin/protocol';
import { getDemoSite } from '@safetwin/twin-models';
import { AlarmEngine, alarmId, type AlarmPoint } from '../alarm-engine.ts';
import type { AlarmStore } from '../alarm-store.ts';
import type { ResponseEvent } from './response-events.ts';
import { ESD_ACTOR, EsdShutdown, SHUTDOWN_FAILED_KIND, closeTimeoutMs } from './esd-shutdown.ts';

const park = getDemoSite('cp-nanjing')!;
const mine = getDemoSite('cm-yangquan')!;
const sites = new Map([park, mine].map((s) => [s.id, s]));
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

  it('commands each valve once when two level-1 alarms on one unit overlap', async () => {
    await start();
    engine.setCondition(levelOne(park.id, absorberPt), true, 8100);
    // The voting rule's alarm names the unit (equipment id) as its device.
    engine.setCondition({ ...levelOne(park.id, 'CP-E3-C-01', 'voting'), metric: 'lel_pct' }, true, 60);
    await settle();
    expect(commands.sent).toHaveLength(3);
    for (const v of VALVES) report(v, 0);
    await settle();
    expect(engine.list(park.id, true).map((a) => a.response?.confirmedBy)).toEqual([ESD_ACTOR, ESD_ACTOR]);
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
