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
import { DEADLINE_JOB, NothingDueError, ResponseDeadlines, deadlineJobId } from './response-deadlines.ts';

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
async function startResponses(store: AlarmStore, queue: JobQueue, now: () => number, durationsMs?: { 'emergency-plan': number; 'rectification-plan': number }) {
  const engine = new AlarmEngine(store, () => {}, now);
  await engine.start([]);
  const events: ResponseEvent[] = [];
  const deadlines = new ResponseDeadlines({ engine, queue, now, emit: (e) => events.push(e), onError: (err) => events.push({ type: 'error', err } as never), durationsMs });
  deadlines.start();
  return { engine, deadlines, events };
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
    first.engine.setCondition(point('D1', 2), true, 25);
    first.engine.setCondition(point('D2', 3), true, 25);
    await settle();
    await queue.close(); // the hub goes down
    await vi.advanceTimersByTimeAsync(45 * MIN);
    const down = now();

    queue = new InProcessQueue(() => {});
    const second = await startResponses(memoryStore(saved).store, queue, now);
    await settle();
    const lel = alarmId('cp', 'D1', 'lel_pct', 'high');
    const rect = alarmId('cp', 'D2', 'lel_pct', 'high');
    expect(second.engine.get(lel)!.response).toMatchObject({ tier: 'park', escalations: 1, dueAt: down + 30 * MIN });
    expect(second.engine.get(rect)!.response).toMatchObject({ tier: 'enterprise', escalations: 0 });
    await vi.advanceTimersByTimeAsync(75 * MIN); // 2 h after raising
    expect(second.engine.get(rect)!.response).toMatchObject({ tier: 'park', escalations: 1 });
    expect(second.engine.get(lel)!.response).toMatchObject({ tier: 'government' });
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
