import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlarmTransitionView, AlarmView } from '@safetwin/protocol';
import { AlarmEngine, alarmId, type AlarmPoint } from '../alarm-engine.ts';
import type { AlarmChange, AlarmStore } from '../alarm-store.ts';
import { InProcessQueue } from '../../jobs/in-process-queue.ts';
import { BullmqQueue } from '../../jobs/bullmq-queue.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { pollUntil } from '../../test-support/test-hub.ts';
import type { ResponseEvent } from './response-events.ts';
import { DEADLINE_JOB, NothingDueError, ResponseDeadlines, deadlineJobId, type DeadlineClaims } from './response-deadlines.ts';

const MIN = 60_000;
const point = (deviceId: string, level: AlarmPoint['level'], kind = 'high'): AlarmPoint => ({
  siteId: 'cp', deviceId, enterpriseId: 'E1', metric: 'lel_pct', kind, level, priority: 'medium', setpoint: 20,
});

/** An alarm store in memory: what `save` got is what the next engine loads (a restart). */
function memoryStore(saved = new Map<string, AlarmView>(), trail: AlarmChange[] = []) {
  const store = {
    loadAll: async () => [...saved.values()],
    save: async (change: AlarmChange) => {
      saved.set(change.alarm.id, change.alarm);
      trail.push(change);
    },
    history: async (id: string) => trail.filter((c) => c.alarm.id === id).map((c) => c.transition),
    drain: async () => {},
  };
  return { store: store as unknown as AlarmStore, saved, trail };
}

/** An engine with the deadlines attached, on a store and queue. */
async function startResponses(
  store: AlarmStore, queue: JobQueue, now: () => number, durationsMs?: { 'emergency-plan': number; 'rectification-plan': number }, { claims, ready = true }: { claims?: DeadlineClaims; ready?: boolean } = {},
) {
  const engine = new AlarmEngine(store, () => {}, now);
  await engine.start([]);
  const events: ResponseEvent[] = [];
  const deadlines = new ResponseDeadlines({ engine, queue, now, emit: (e) => events.push(e), onError: (err) => events.push({ type: 'error', err } as never), durationsMs, claims });
  deadlines.start();
  if (ready) deadlines.ready();
  return { engine, deadlines, events };
}

/** Claims over the stored rows (what the conditional UPDATE does on the alarms table). */
function memoryClaims(saved: Map<string, AlarmView>): DeadlineClaims {
  return {
    claim: async (alarmId, dueAt, next) => {
      const row = saved.get(alarmId);
      if (row?.response?.dueAt !== dueAt || row.response.confirmedAt !== null) return false;
      saved.set(alarmId, { ...row, response: next });
      return true;
    },
    load: async (alarmId) => saved.get(alarmId)?.response ?? null,
    record: async () => {},
  };
}

const responseTrail = (trail: AlarmChange[], id: string): AlarmTransitionView[] => trail.filter((c) => c.alarm.id === id && c.transition.event === 'response').map((c) => c.transition);

describe('response deadlines (fake timers, in-process queue)', () => {
  let queue: InProcessQueue;
  const now = () => Date.now();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: Date.UTC(2026, 0, 5, 8) });
    queue = new InProcessQueue(() => {});
  });
  afterEach(async () => {
    await queue.close();
    vi.useRealTimers();
  });
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it.each([
    { level: 2 as const, kind: 'emergency-plan', dueInMs: 30 * MIN },
    { level: 3 as const, kind: 'rectification-plan', dueInMs: 120 * MIN },
  ])('opens a $kind for the enterprise, due in $dueInMs ms, on a level-$level activation', async ({ level, kind, dueInMs }) => {
    const { store } = memoryStore();
    const { engine, events } = await startResponses(store, queue, now);
    const t0 = now();
    engine.setCondition(point('D1', level), true, 25);
    await settle();
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    expect(engine.get(id)!.response).toEqual({ kind, dueAt: t0 + dueInMs, tier: 'enterprise', escalations: 0, confirmedAt: null, confirmedBy: null, note: null });
    expect(events.map((e) => e.type)).toEqual(['response-due']);
  });

  it('demands nothing of level-1 and advisory (level-4) alarms', async () => {
    const { store } = memoryStore();
    const { engine, events } = await startResponses(store, queue, now);
    engine.setCondition(point('D1', 4), true, 25);
    engine.setCondition(point('D2', 1, 'voting'), true, 60);
    await settle();
    expect(engine.list(null, true).map((a) => a.response)).toEqual([null, null]);
    expect(events).toEqual([]);
  });

  it('escalates a missed deadline enterprise → park → government, each a recorded event with a fresh deadline, then keeps reminding the government', async () => {
    const { store, trail } = memoryStore();
    const { engine, events } = await startResponses(store, queue, now);
    const t0 = now();
    engine.setCondition(point('D1', 2), true, 25);
    await settle();
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    await vi.advanceTimersByTimeAsync(30 * MIN - 1000);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'enterprise', escalations: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'park', escalations: 1, dueAt: t0 + 60 * MIN, confirmedAt: null });
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'government', escalations: 2, dueAt: t0 + 90 * MIN });
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'government', escalations: 3, dueAt: t0 + 120 * MIN });
    const escalations = events.filter((e): e is Extract<ResponseEvent, { type: 'response-escalated' }> => e.type === 'response-escalated');
    expect(escalations.map((e) => `${e.fromTier}→${e.alarm.response!.tier}`)).toEqual(['enterprise→park', 'park→government', 'government→government']);
    const recorded = responseTrail(trail, id);
    expect(recorded.map((t) => t.actor)).toEqual(['system', 'system', 'system', 'system']);
    expect(recorded[1]!.reason).toMatch(/^enterprise missed the emergency-plan deadline .*: escalated to park, due /);
    expect(recorded[2]!.reason).toMatch(/^park missed .*escalated to government/);
  });

  it('stops the clock on a confirmation; a second confirmation, or one of the wrong kind, is refused', async () => {
    const { store, trail } = memoryStore();
    const { engine, deadlines, events } = await startResponses(store, queue, now);
    engine.setCondition(point('D1', 2), true, 25);
    await settle();
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    await vi.advanceTimersByTimeAsync(35 * MIN); // escalated to the park once
    expect(() => deadlines.confirm(id, 'rectification-plan', 'officer-E1', 'x')).toThrow(NothingDueError);
    const confirmedAt = now();
    const confirmed = deadlines.confirm(id, 'emergency-plan', 'park-manager', 'plan B started, gate closed');
    expect(confirmed.response).toMatchObject({ tier: 'park', escalations: 1, confirmedAt, confirmedBy: 'park-manager', note: 'plan B started, gate closed' });
    await vi.advanceTimersByTimeAsync(5 * 60 * MIN);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'park', escalations: 1, confirmedAt });
    expect(() => deadlines.confirm(id, 'emergency-plan', 'park-manager', 'again')).toThrow(/already confirmed by park-manager/);
    expect(events.map((e) => e.type)).toEqual(['response-due', 'response-escalated', 'response-confirmed']);
    expect(responseTrail(trail, id).at(-1)).toMatchObject({ actor: 'park-manager', reason: 'emergency-plan confirmed (park tier): plan B started, gate closed' });
  });

  it('gives an alarm group one deadline, on its first-out alarm', async () => {
    const { store } = memoryStore();
    const { engine } = await startResponses(store, queue, now);
    engine.setGrouper((a) => ({ groupId: 'leak-1', firstOut: a.deviceId === 'D1' }));
    for (const d of ['D1', 'D2', 'D3']) engine.setCondition(point(d, 2), true, 25);
    await settle();
    const byDevice = Object.fromEntries(engine.list(null, true).map((a) => [a.deviceId, a.response?.kind ?? null]));
    expect(byDevice).toEqual({ D1: 'emergency-plan', D2: null, D3: null });
  });

  it('lets a later group member carry a response when it demands more than the group carries (gas over limit behind an equipment anomaly)', async () => {
    const { store } = memoryStore();
    const { engine } = await startResponses(store, queue, now);
    engine.setGrouper((a) => ({ groupId: 'leak-1', firstOut: a.deviceId === 'D1' }));
    engine.setCondition(point('D1', 3, 'rate'), true, 25);
    engine.setCondition(point('D2', 2), true, 25);
    engine.setCondition(point('D3', 2), true, 25);
    engine.setCondition(point('D4', 3, 'rate'), true, 25);
    await settle();
    const byDevice = Object.fromEntries(engine.list(null, true).map((a) => [a.deviceId, a.response?.kind ?? null]));
    expect(byDevice).toEqual({ D1: 'rectification-plan', D2: 'emergency-plan', D3: null, D4: null });
  });

  it('keeps the running deadline when the alarm returns and is raised again before anyone confirmed (chattering cannot push it out), grouped or not', async () => {
    const { store } = memoryStore();
    const { engine, events } = await startResponses(store, queue, now);
    let firstOut = true; // the grouper puts the re-activation into the same group, not first-out
    engine.setGrouper(() => ({ groupId: 'g', firstOut }));
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    const t0 = now();
    engine.setCondition(point('D1', 2), true, 25);
    await settle();
    firstOut = false;
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(9 * MIN);
      engine.setCondition(point('D1', 2), false, 5);
      engine.setCondition(point('D1', 2), true, 30);
      await settle();
      expect(engine.get(id)!.response).toMatchObject({ kind: 'emergency-plan', tier: 'enterprise', dueAt: t0 + 30 * MIN });
    }
    await vi.advanceTimersByTimeAsync(3 * MIN);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'park', escalations: 1 });
    expect(events.map((e) => e.type)).toEqual(['response-due', 'response-escalated']);
  });

  it('opens a new deadline on a re-activation after the last one was confirmed, and the old job then does nothing', async () => {
    const { store } = memoryStore();
    const { engine, deadlines, events } = await startResponses(store, queue, now);
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    engine.setCondition(point('D1', 2), true, 25);
    await settle();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    deadlines.confirm(id, 'emergency-plan', 'commander', 'plan started');
    engine.setCondition(point('D1', 2), false, 5);
    engine.setCondition(point('D1', 2), true, 30);
    await settle();
    const t1 = now();
    expect(engine.get(id)!.response).toMatchObject({ tier: 'enterprise', dueAt: t1 + 30 * MIN, confirmedAt: null });
    await vi.advanceTimersByTimeAsync(20 * MIN + 1000); // the first deadline passes
    expect(engine.get(id)!.response).toMatchObject({ tier: 'enterprise', escalations: 0 });
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(engine.get(id)!.response).toMatchObject({ tier: 'park', escalations: 1 });
    expect(events.map((e) => e.type)).toEqual(['response-due', 'response-confirmed', 'response-due', 'response-escalated']);
  });

  it('re-arms after a restart: a deadline that passed while the hub was down fires at start, one still running fires on time', async () => {
    const { store, saved } = memoryStore();
    const first = await startResponses(store, queue, now);
    const t0 = now();
    first.engine.setCondition(point('D1', 2), true, 25);
    first.engine.setCondition(point('D2', 3), true, 25);
    await settle();
    await queue.close(); // the hub goes down
    await vi.advanceTimersByTimeAsync(45 * MIN);

    queue = new InProcessQueue(() => {});
    const second = await startResponses(memoryStore(saved).store, queue, now);
    await settle();
    const lel = alarmId('cp', 'D1', 'lel_pct', 'high');
    const rect = alarmId('cp', 'D2', 'lel_pct', 'high');
    expect(second.engine.get(lel)!.response).toMatchObject({ tier: 'park', escalations: 1, dueAt: t0 + 60 * MIN }); // from the missed deadline
    expect(second.engine.get(rect)!.response).toMatchObject({ tier: 'enterprise', escalations: 0 });
    await vi.advanceTimersByTimeAsync(75 * MIN); // 2 h after raising
    expect(second.engine.get(rect)!.response).toMatchObject({ tier: 'park', escalations: 1 });
    expect(second.engine.get(lel)!.response).toMatchObject({ tier: 'government' });
  });
});

describe('response deadlines: hidden activations, enterprises, catch-up, several hubs (fake timers)', () => {
  let queue: InProcessQueue;
  const now = () => Date.now();
  const T0 = Date.UTC(2026, 0, 5, 8);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: T0 });
    queue = new InProcessQueue(() => {});
  });
  afterEach(async () => {
    await queue.close();
    vi.useRealTimers();
  });
  const settle = () => vi.advanceTimersByTimeAsync(0);
  const id = alarmId('cp', 'D1', 'lel_pct', 'high');

  it.each([
    { hide: { type: 'shelve', untilMs: T0 + 60 * MIN, reason: 'nuisance' }, reinstate: { type: 'unshelve' } },
    { hide: { type: 'suppress', reason: 'by design' }, reinstate: { type: 'unsuppress' } },
    { hide: { type: 'out-of-service', reason: 'calibration' }, reinstate: { type: 'return-to-service' } },
  ] as const)('opens no deadline for an activation while $hide.type, and opens it on $reinstate.type with the condition standing', async ({ hide, reinstate }) => {
    const { store } = memoryStore();
    const { engine, deadlines, events } = await startResponses(store, queue, now);
    engine.setCondition(point('D1', 2), true, 25);
    await settle();
    deadlines.confirm(id, 'emergency-plan', 'commander', 'plan started');
    engine.setCondition(point('D1', 2), false, 5);
    engine.operate(id, { type: 'ack' }, 'op', null);
    engine.operate(id, hide, 'op', 'hidden');
    engine.setCondition(point('D1', 2), true, 30); // a real second leak, hidden
    await settle();
    expect(engine.get(id)).toMatchObject({ state: { shelve: 'shelved', suppress: 'suppressed', 'out-of-service': 'out-of-service' }[hide.type], response: null });
    await vi.advanceTimersByTimeAsync(40 * MIN);
    const at = now();
    engine.operate(id, reinstate, 'op', null);
    await settle();
    expect(engine.get(id)).toMatchObject({ state: 'unacknowledged', response: { kind: 'emergency-plan', tier: 'enterprise', dueAt: at + 30 * MIN, confirmedAt: null } });
    expect(events.map((e) => e.type)).toEqual(['response-due', 'response-confirmed', 'response-due']);
  });

  it('opens the deadline when shelving expires with the condition standing, and none when it cleared meanwhile', async () => {
    const { store } = memoryStore();
    const { engine } = await startResponses(store, queue, now);
    for (const d of ['D1', 'D2']) {
      engine.setCondition(point(d, 3), true, 25);
      engine.setCondition(point(d, 3), false, 5);
      engine.operate(alarmId('cp', d, 'lel_pct', 'high'), { type: 'ack' }, 'op', null);
      engine.operate(alarmId('cp', d, 'lel_pct', 'high'), { type: 'shelve', untilMs: now() + 10 * MIN, reason: 'nuisance' }, 'op', null);
      engine.setCondition(point(d, 3), true, 30);
    }
    engine.setCondition(point('D2', 3), false, 5);
    await vi.advanceTimersByTimeAsync(10 * MIN + 1);
    expect(engine.get(id)).toMatchObject({ state: 'unacknowledged', response: { kind: 'rectification-plan', tier: 'enterprise' } });
    expect(engine.get(alarmId('cp', 'D2', 'lel_pct', 'high'))).toMatchObject({ state: 'normal', response: null });
  });

  it('demands one response per enterprise in a group: the first member of each enterprise carries its own', async () => {
    const { store } = memoryStore();
    const { engine } = await startResponses(store, queue, now);
    engine.setGrouper((a) => ({ groupId: 'cloud-1', firstOut: a.deviceId === 'A1' }));
    const of = (deviceId: string, enterpriseId: string): AlarmPoint => ({ ...point(deviceId, 2), enterpriseId });
    for (const [d, e] of [['A1', 'E1'], ['B1', 'E2'], ['A2', 'E1'], ['B2', 'E2']] as const) engine.setCondition(of(d, e), true, 25);
    await settle();
    const byDevice = Object.fromEntries(engine.list(null, true).map((a) => [a.deviceId, a.response?.kind ?? null]));
    expect(byDevice).toEqual({ A1: 'emergency-plan', B1: 'emergency-plan', A2: null, B2: null });
  });

  it('asks the engine for the group members of an activation, never lists every alarm; the index follows regrouping', async () => {
    const { store } = memoryStore();
    const { engine } = await startResponses(store, queue, now);
    let group = 'g1';
    engine.setGrouper((a) => ({ groupId: group, firstOut: a.deviceId === 'D1' }));
    const list = vi.spyOn(engine, 'list');
    for (const d of ['D1', 'D2', 'D3']) engine.setCondition(point(d, 3), true, 25);
    await settle();
    expect(list).not.toHaveBeenCalled();
    expect(engine.groupMembers('g1').map((a) => a.deviceId)).toEqual(['D1', 'D2', 'D3']);
    group = 'g2';
    engine.setCondition(point('D2', 3), false, 5);
    engine.setCondition(point('D2', 3), true, 25);
    expect(engine.groupMembers('g1').map((a) => a.deviceId)).toEqual(['D1', 'D3']);
    expect(engine.groupMembers('g2').map((a) => a.deviceId)).toEqual(['D2']);
  });

  it('escalates every tier missed while the hub was down, from the original deadline, each recorded and told', async () => {
    const { store, saved, trail } = memoryStore();
    const first = await startResponses(store, queue, now);
    first.engine.setCondition(point('D1', 2), true, 25); // 08:00: due 08:30
    await settle();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    await queue.close(); // down 08:10–10:00
    await vi.advanceTimersByTimeAsync(110 * MIN);
    queue = new InProcessQueue(() => {});
    const second = await startResponses(memoryStore(saved, trail).store, queue, now);
    await settle();
    expect(second.engine.get(id)!.response).toMatchObject({ tier: 'government', escalations: 4, dueAt: T0 + 150 * MIN });
    const told = second.events.filter((e): e is Extract<ResponseEvent, { type: 'response-escalated' }> => e.type === 'response-escalated');
    expect(told.map((e) => `${e.fromTier}→${e.alarm.response!.tier}@${(e.alarm.response!.dueAt! - T0) / MIN}`)).toEqual(['enterprise→park@60', 'park→government@90', 'government→government@120', 'government→government@150']);
    expect(responseTrail(trail, id).map((t) => t.reason!.replace(/ \d{4}-\d\d-\d\dT(\d\d:\d\d):00\.000Z/g, ' $1'))).toEqual([
      'emergency-plan due from the enterprise by 2026-01-05T08:30:00.000Z'.replace(/ 2026-01-05T(\d\d:\d\d):00\.000Z/, ' $1'),
      'enterprise missed the emergency-plan deadline 08:30: escalated to park, due 09:00',
      'park missed the emergency-plan deadline 09:00: escalated to government, due 09:30',
      'government missed the emergency-plan deadline 09:30: escalated to government, due 10:00',
      'government missed the emergency-plan deadline 10:00: escalated to government, due 10:30',
    ]);
  });

  it('tells nothing before ready (notifiers not yet subscribed); ready fires the past-due deadline and opens the one a crash left unopened', async () => {
    const { store, saved } = memoryStore();
    const first = await startResponses(store, queue, now);
    first.engine.setCondition(point('D1', 2), true, 25);
    await settle();
    await queue.close();
    const bare = new AlarmEngine(memoryStore(saved).store, () => {}, now); // the hub stopped before the response was opened
    await bare.start([]);
    bare.setCondition(point('D2', 3), true, 25);
    await vi.advanceTimersByTimeAsync(31 * MIN);
    queue = new InProcessQueue(() => {});
    const second = await startResponses(memoryStore(saved).store, queue, now, undefined, { ready: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.events).toEqual([]);
    second.deadlines.ready();
    await settle();
    expect(second.events.map((e) => `${e.type} ${e.alarm.deviceId}`).sort()).toEqual(['response-due D2', 'response-escalated D1']);
  });

  it('with several hubs the database decides: a job run by a hub whose copy lacks the response escalates once, and two hubs starting after an outage escalate once', async () => {
    const { saved } = memoryStore();
    const seed = new AlarmEngine(memoryStore(saved).store, () => {}, now); // the alarm exists (normal) when both hubs start
    await seed.start([]);
    seed.setCondition(point('D1', 2), true, 25);
    seed.setCondition(point('D1', 2), false, 5);
    seed.operate(id, { type: 'ack' }, 'op', null);
    const claims = memoryClaims(saved);
    const queueB = new InProcessQueue(() => {});
    const a = await startResponses(memoryStore(saved).store, queue, now, undefined, { claims });
    const b = await startResponses(memoryStore(saved).store, queueB, now, undefined, { claims });
    a.engine.setCondition(point('D1', 2), true, 25); // raised on hub A
    await settle();
    const dueAt = a.engine.get(id)!.response!.dueAt!;
    await queue.close(); // hub A's worker does not take the job: hub B's does
    await queueB.add(DEADLINE_JOB, { alarmId: id, dueAt }, { delayMs: 30 * MIN, jobId: deadlineJobId(id, dueAt) });
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(b.events.map((e) => e.type)).toEqual(['response-escalated']);
    expect(saved.get(id)).toMatchObject({ state: 'unacknowledged', response: { tier: 'park', escalations: 1 } }); // B's stale copy was not saved over it
    await queueB.close();

    await vi.advanceTimersByTimeAsync(60 * MIN); // both down past the park's deadline, then both start
    queue = new InProcessQueue(() => {});
    const queueD = new InProcessQueue(() => {});
    try {
      const c = await startResponses(memoryStore(saved).store, queue, now, undefined, { claims });
      const d = await startResponses(memoryStore(saved).store, queueD, now, undefined, { claims });
      await vi.advanceTimersByTimeAsync(1000);
      // Park missed at 09:00 (now 09:30): government at 09:30, then government again (due 10:00): one chain, from one hub.
      expect([...c.events, ...d.events].map((e) => e.type)).toEqual(['response-escalated', 'response-escalated']);
      expect(saved.get(id)!.response).toMatchObject({ tier: 'government', escalations: 3 });
    } finally {
      await queueD.close();
    }
  });
});

describe.skipIf(!process.env.REDIS_URL)('response deadlines as BullMQ delayed jobs', () => {
  const durationsMs = { 'emergency-plan': 400, 'rectification-plan': 800 };
  const prefix = `safetwin-test-${randomUUID()}`;

  it('escalates through delayed jobs and, after a restart on the same Redis, the next hub fires the stored deadline', async () => {
    const { store, saved } = memoryStore();
    let queue = new BullmqQueue(process.env.REDIS_URL!, prefix, () => {});
    const first = await startResponses(store, queue, Date.now, durationsMs);
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    first.engine.setCondition(point('D1', 2), true, 25);
    const escalated = await pollUntil(async () => first.engine.get(id)?.response?.tier === 'park', 10_000);
    expect(escalated).toBe(true);
    const jobId = deadlineJobId(id, first.engine.get(id)!.response!.dueAt!);
    expect(await pollUntil(() => queue.holds(DEADLINE_JOB, jobId))).toBe(true);
    await queue.close();

    queue = new BullmqQueue(process.env.REDIS_URL!, prefix, () => {});
    try {
      const second = await startResponses(memoryStore(saved).store, queue, Date.now, durationsMs);
      expect(second.engine.get(id)!.response).toMatchObject({ tier: 'park' });
      const toGovernment = await pollUntil(async () => second.engine.get(id)?.response?.tier === 'government', 10_000);
      expect(toGovernment).toBe(true);
      second.deadlines.confirm(id, 'emergency-plan', 'commander', 'plan started');
      await new Promise((r) => setTimeout(r, 1000)); // the next deadline's job fires and finds it confirmed
      expect(second.engine.get(id)!.response).toMatchObject({ tier: 'government', escalations: 2, confirmedBy: 'commander' });
    } finally {
      await queue.close();
    }
  });
});
