import { describe, expect, it } from 'vitest';
import type { SqlClient } from '@safetwin/db';
import { AlarmGroupStore } from './alarm-group-store.ts';
import type { AlarmGroupView } from './alarm-group.ts';

const group = (id: string): AlarmGroupView => ({ id, siteId: 'S', unit: 'EQ1', cause: 'process', firstOutAlarmId: `S/${id}/m/high`, topLevel: 2, openedAt: 0, lastActivationAt: 0, closedAt: null, memberCount: 1, activationCount: 1 });

/** A database whose first `failures` transactions fail; it records the statements of the ones that commit. */
function flakyDb(failures: number) {
  const committed: string[] = [];
  let calls = 0;
  const db = {
    transaction: async (fn: (tx: { query: (sql: string, params: unknown[]) => Promise<void> }) => Promise<void>) => {
      if (++calls <= failures) throw new Error('connection reset');
      const statements: string[] = [];
      await fn({ query: async (sql, params) => void statements.push(`${sql.trim().split(/\s+/).slice(0, 3).join(' ')} ${String(params[0])}`) });
      committed.push(...statements);
    },
  };
  return { db: db as unknown as SqlClient, committed, calls: () => calls };
}

describe('AlarmGroupStore write-behind (shared WriteBehind helper)', () => {
  it('drain keeps a backlog whose flushes fail and stores it once the database answers again, in order', async () => {
    const { db, committed } = flakyDb(3);
    const errors: unknown[] = [];
    const store = new AlarmGroupStore(db, (e) => errors.push(e));
    store.save(group('g1'), { alarmId: 'S/g1/m/high', joinedAt: 0 });
    store.save(group('g2'), { alarmId: 'S/g2/m/high', joinedAt: 1 });
    await store.drain(5000);
    expect(committed.filter((s) => s.startsWith('INSERT INTO alarm_groups'))).toEqual(['INSERT INTO alarm_groups g1', 'INSERT INTO alarm_groups g2']);
    expect(committed.filter((s) => s.startsWith('INSERT INTO alarm_group_members'))).toHaveLength(2);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.some((e) => String(e).includes('could not be stored'))).toBe(false);
  });

  it('a database that never answers: drain gives up at its deadline and reports how many changes were lost', async () => {
    const { db } = flakyDb(Number.POSITIVE_INFINITY);
    const errors: unknown[] = [];
    const store = new AlarmGroupStore(db, (e) => errors.push(e));
    store.save(group('g1'), null);
    await store.drain(300);
    expect(String(errors.at(-1))).toContain('1 alarm group changes could not be stored before shutdown');
  });
});
