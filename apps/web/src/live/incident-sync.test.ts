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
