import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { AlarmEngine, alarmId } from '../alarm-engine.ts';
import { AlarmStore } from '../alarm-store.ts';
import { pollUntil, storeVariants } from '../../test-support/test-hub.ts';
import { openResponse } from './response-policy.ts';
import { sqlDeadlineClaims } from './response-claims.ts';

describe.each(storeVariants())('deadline claims on the alarms table ($name)', (variant) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const prepared = await variant.prepare();
    dispose = prepared.dispose;
    db = await openDatabase({ databaseUrl: prepared.options.databaseUrl, now: Date.now });
  });
  afterAll(async () => {
    await db.close();
    await dispose();
  });

  it('lets exactly one hub swap a running deadline for its escalation; a stale or confirmed one is refused', async () => {
    const store = new AlarmStore(db, (err) => { throw err; });
    const engine = new AlarmEngine(store, () => {}, Date.now);
    await engine.start([]);
    const point = { siteId: 'cp', deviceId: 'D1', enterpriseId: 'E1', metric: 'lel_pct', kind: 'high', level: 2 as const, priority: 'medium' as const, setpoint: 20 };
    const id = alarmId('cp', 'D1', 'lel_pct', 'high');
    engine.setCondition(point, true, 25);
    const running = openResponse('emergency-plan', 1_000_000);
    engine.setResponse(id, running, 'system', 'due');
    expect(await pollUntil(async () => store.stats.written === engine.stats.changes, 10_000)).toBe(true);

    const claims = sqlDeadlineClaims(db);
    expect(await claims.load(id)).toEqual(running);
    const park = { ...running, tier: 'park' as const, escalations: 1, dueAt: running.dueAt! + 1800_000 };
    const [first, second] = await Promise.all([claims.claim(id, running.dueAt!, park), claims.claim(id, running.dueAt!, park)]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await claims.load(id)).toEqual(park);
    expect(await claims.claim(id, running.dueAt!, park)).toBe(false); // the old deadline is gone
    await db.query(`UPDATE alarms SET response = $2::jsonb WHERE id = $1`, [id, JSON.stringify({ ...park, confirmedAt: 5, confirmedBy: 'x', note: 'y' })]);
    expect(await claims.claim(id, park.dueAt, { ...park, tier: 'government' })).toBe(false);
    await claims.record(id, [{ at: Date.now() + 1000, reason: 'enterprise missed: escalated to park' }]);
    const trail = await engine.history(id);
    expect(trail.at(-1)).toMatchObject({ event: 'response', actor: 'system', reason: 'enterprise missed: escalated to park', fromState: 'unacknowledged', toState: 'unacknowledged' });
    await engine.close();
  });
});
