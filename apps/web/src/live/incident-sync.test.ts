import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@safetwin/protocol';
import { fixtureIncident } from './incident-fixture.ts';
import { IncidentStore } from './incident-store.ts';
import { IncidentSync, RESYNC_RETRY_FIRST_MS, type SyncTimers } from './incident-sync.ts';

const T0 = 1_700_000_000_000;

/** Timers run by hand. */
function manualTimers(): SyncTimers & { due: { fn: () => void; ms: number }[]; runAll(): void } {
  const due: { fn: () => void; ms: number }[] = [];
  return {
    due,
    setTimeout: (fn, ms) => {
      const entry = { fn, ms };
      due.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const at = due.indexOf(handle as (typeof due)[number]);
      if (at >= 0) due.splice(at, 1);
    },
    now: () => T0,
    runAll() {
      for (const entry of due.splice(0)) entry.fn();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('IncidentSync', () => {
  it('fetches on every resubscribe, once the loader is known', async () => {
    const store = new IncidentStore();
    const sync = new IncidentSync(store, manualTimers());
    const answers: IncidentView[][] = [[fixtureIncident(T0, { id: 'a' })], [fixtureIncident(T0 + 5, { id: 'b' })]];
    let calls = 0;
    sync.resync();
    expect(store.received).toBe(false);
    sync.setLoader(async () => answers[calls++]!);
    await flush();
    expect(store.incidents.map((i) => i.id)).toEqual(['a']);
    // A reconnect: what was missed comes with the refetch, what we held stays.
    sync.resync();
    await flush();
    expect(store.incidents.map((i) => i.id)).toEqual(['b', 'a']);
    expect(calls).toBe(2);
  });

  it('retries a failed fetch with a growing wait and reports the failure until one succeeds', async () => {
    const store = new IncidentStore();
    const timers = manualTimers();
    const sync = new IncidentSync(store, timers);
    let fail = 2;
    sync.setLoader(async () => {
      if (fail-- > 0) throw new Error('hub unreachable');
      return [fixtureIncident(T0)];
    });
    sync.resync();
    await flush();
    expect(sync.error).toBe('hub unreachable');
    expect(timers.due.map((d) => d.ms)).toEqual([RESYNC_RETRY_FIRST_MS]);
    timers.runAll();
    await flush();
    expect(timers.due.map((d) => d.ms)).toEqual([RESYNC_RETRY_FIRST_MS * 2]);
    timers.runAll();
    await flush();
    expect(sync.error).toBeNull();
    expect(store.incidents).toHaveLength(1);
    expect(timers.due).toHaveLength(0);
  });

  it('passes an incident-handed-over event to the store, stamped with its clock', () => {
    const store = new IncidentStore();
    const sync = new IncidentSync(store, manualTimers());
    sync.apply(fixtureIncident(T0, { id: 'a', updatedAt: T0 }));
    sync.handOver({ id: 'a', siteId: 'cp-nanjing', updatedAt: T0 + 1, reason: 'source-moved' });
    expect(store.incidents).toEqual([]);
    expect(store.handedOver).toMatchObject([{ id: 'a', receivedAt: T0 }]);
  });

  it('a reconnect drops an open incident the list no longer returns once the hub answers 404 for it (handed over while offline)', async () => {
    const store = new IncidentStore();
    const sync = new IncidentSync(store, manualTimers());
    const a = fixtureIncident(T0, { id: 'a', updatedAt: T0 + 10 });
    const b = fixtureIncident(T0 + 1, { id: 'b', createdAt: T0 + 1, updatedAt: T0 + 11 });
    const old = fixtureIncident(T0 - 5, { id: 'old', createdAt: T0 - 5, updatedAt: T0 + 12 });
    const done = { ...fixtureIncident(T0 + 2, { id: 'done', createdAt: T0 + 2, updatedAt: T0 + 13 }), state: 'closed' as const };
    let list: IncidentView[] = [a, b, old, done];
    const checked: string[] = [];
    // `a` was handed over while the wall was offline; `old` is still visible but past the list's cap (newest first), and has changed.
    const lookup = async (id: string) => {
      checked.push(id);
      return id === 'old' ? { ...old, updatedAt: T0 + 20 } : null;
    };
    sync.setLoader(async () => list, lookup);
    sync.resync();
    await flush();
    expect(checked, 'the first list has them all: nothing to check').toEqual([]);
    list = [b];
    sync.resync();
    await flush();
    // The closed one is not checked: it leaves after the linger.
    expect(checked.sort()).toEqual(['a', 'old']);
    expect(store.incidents.map((i) => [i.id, i.updatedAt])).toEqual([['b', T0 + 11], ['old', T0 + 20], ['done', T0 + 13]]);
    expect(store.handedOver).toMatchObject([{ id: 'a', reason: 'not-visible', updatedAt: T0 + 10, receivedAt: T0 }]);
    expect(sync.error).toBeNull();
  });

  it('never drops an incident when its check fails (network error): it reports the failure and retries', async () => {
    const store = new IncidentStore();
    const timers = manualTimers();
    const sync = new IncidentSync(store, timers);
    const a = fixtureIncident(T0, { id: 'a', updatedAt: T0 + 10 });
    let reachable = false;
    sync.setLoader(async () => [], async () => {
      if (!reachable) throw new Error('cannot reach the hub');
      return null;
    });
    sync.apply(a);
    sync.resync();
    await flush();
    expect(store.incidents).toEqual([a]);
    expect(sync.error).toBe('cannot reach the hub');
    expect(timers.due.map((d) => d.ms)).toEqual([RESYNC_RETRY_FIRST_MS]);
    reachable = true;
    timers.runAll();
    await flush();
    expect(store.incidents).toEqual([]);
    expect(store.handedOver.map((h) => h.id)).toEqual(['a']);
    expect(sync.error).toBeNull();
  });

  it('without a lookup a refetch never drops an incident', async () => {
    const store = new IncidentStore();
    const sync = new IncidentSync(store, manualTimers());
    sync.setLoader(async () => []);
    sync.apply(fixtureIncident(T0, { id: 'a' }));
    sync.resync();
    await flush();
    expect(store.incidents.map((i) => i.id)).toEqual(['a']);
  });

  it('stops retrying when closed', async () => {
    const timers = manualTimers();
    const sync = new IncidentSync(new IncidentStore(), timers);
    sync.setLoader(async () => {
      throw new Error('down');
    });
    sync.resync();
    await flush();
    sync.close();
    expect(timers.due).toHaveLength(0);
  });
});
