import { describe, expect, it } from 'vitest';
import type { AlarmView } from '@safetwin/protocol';
import { AlarmEngine, type AlarmPoint } from './alarm-engine.ts';
import { AlarmTransitionError } from './alarm-lifecycle.ts';
import type { AlarmStore } from './alarm-store.ts';

/** An engine over an in-memory store that starts with `stored` alarms. */
async function engineWith(stored: AlarmView[] = []) {
  const published: AlarmView[] = [];
  const store = { loadAll: async () => stored, save: async () => {}, history: async () => [], drain: async () => {} } as unknown as AlarmStore;
  let t = 1_000;
  const engine = new AlarmEngine(store, (a) => published.push(a), () => (t += 1_000));
  await engine.start([]);
  return { engine, published };
}

const point = (over: Partial<AlarmPoint> = {}): AlarmPoint => ({
  siteId: 'park', deviceId: 'PT-1', enterpriseId: 'E1', metric: 'pressure_kpa', kind: 'high-high', level: 1, priority: 'high', setpoint: 1800, ...over,
});

describe('AlarmEngine', () => {
  it('refuses to shelve a level-1 alarm (an explosion precursor is never hidden), and shelves a level-2 one', async () => {
    const { engine } = await engineWith();
    engine.setCondition(point(), true, 1900);
    const id = 'park/PT-1/pressure_kpa/high-high';
    expect(() => engine.operate(id, { type: 'shelve', untilMs: 10_000_000, reason: 'nuisance' }, 'op', 'nuisance')).toThrow(AlarmTransitionError);
    expect(() => engine.operate(id, { type: 'shelve', untilMs: 10_000_000, reason: 'nuisance' }, 'op', 'nuisance')).toThrow(/level-1/);
    engine.setCondition(point({ deviceId: 'GT-1', metric: 'h2s_ppm', kind: 'high', level: 2, priority: 'medium' }), true, 12);
    expect(engine.operate('park/GT-1/h2s_ppm/high', { type: 'shelve', untilMs: 10_000_000, reason: 'calibration' }, 'op', 'calibration').state).toBe('shelved');
  });

  it('re-grades a stored alarm to the level its point has now (a policy change reaches alarms stored before it)', async () => {
    const { engine } = await engineWith();
    engine.setCondition(point({ level: 3, priority: 'medium' }), true, 1900);
    engine.setCondition(point({ level: 3, priority: 'medium' }), false, 1500);
    const stored = engine.get('park/PT-1/pressure_kpa/high-high')!;
    expect(stored.level).toBe(3);
    const restarted = await engineWith([stored]);
    restarted.engine.setCondition(point(), true, 1900);
    expect(restarted.engine.get(stored.id)).toMatchObject({ level: 1, priority: 'high', state: 'unacknowledged' });
  });

  it('treats an activation while out of service as a new one for the grouper and the listeners, and keeps it off the display', async () => {
    const { engine } = await engineWith();
    const grouped: string[] = [];
    engine.setGrouper((a) => (grouped.push(a.id), null));
    const news: number[] = [];
    engine.onChange((a, tr, before) => {
      if (tr.event === 'activate' && a.count > before.count && !before.processActive) news.push(a.count);
    });
    const id = 'park/PT-1/pressure_kpa/high-high';
    engine.setCondition(point(), true, 1900);
    engine.setCondition(point(), false, 1500);
    engine.operate(id, { type: 'ack' }, 'op', null);
    engine.operate(id, { type: 'out-of-service', reason: 'transmitter swap' }, 'op', 'transmitter swap');
    engine.setCondition(point(), true, 1950);
    expect(engine.get(id)).toMatchObject({ state: 'out-of-service', processActive: true, count: 2 });
    expect(news).toEqual([1, 2]);
    expect(grouped).toEqual([id, id]);
  });
});
