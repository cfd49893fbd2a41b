import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimRunView } from '@safetwin/protocol';
import { SimRunFeed } from './sim-run-feed.ts';
import { followRun } from './sim-run-follow.ts';

const run = (patch: Partial<SimRunView> & { resultOmitted?: true }): SimRunView => ({
  id: 'run-1', siteId: 'cp', kind: 'assessment', state: 'running', progress: 0, input: {}, context: { source: null, weather: { from: 'request' } },
  engineVersion: '1', version: 1, result: null, error: null, requestedBy: 'commander', createdAt: 0, startedAt: 0, finishedAt: null, ...patch,
});

afterEach(() => vi.useRealTimers());

describe('followRun', () => {
  it('passes progress events of its run on, fetches an omitted result when done, then stops', async () => {
    const feed = new SimRunFeed();
    const updates: SimRunView[] = [];
    const fetchRun = vi.fn(async () => run({ state: 'done', progress: 1, result: { kind: 'assessment' }, version: 3 }));
    const stop = followRun({ feed, runId: 'run-1', fetchRun, onUpdate: (r) => updates.push(r), onError: (e) => { throw e; }, pollMs: 60_000 });
    feed.publish(run({ progress: 0.3, stage: 'zones', version: 2 }));
    feed.publish(run({ id: 'other', progress: 0.9, version: 9 }));
    // A late, older progress event (out of order through Redis) is dropped.
    feed.publish(run({ progress: 0.1, version: 1 }));
    feed.publish(run({ state: 'done', progress: 1, result: null, resultOmitted: true, version: 3 }));
    await vi.waitFor(() => expect(updates.at(-1)?.state).toBe('done'));
    expect(updates.map((u) => [u.state, u.progress])).toEqual([['running', 0.3], ['running', 1], ['done', 1]]);
    expect(fetchRun).toHaveBeenCalledTimes(1);
    feed.publish(run({ progress: 0.5 }));
    expect(updates).toHaveLength(3);
    stop();
  });

  it('takes a result carried in the event without fetching', () => {
    const feed = new SimRunFeed();
    const fetchRun = vi.fn();
    const updates: SimRunView[] = [];
    followRun({ feed, runId: 'run-1', fetchRun, onUpdate: (r) => updates.push(r), onError: () => {}, pollMs: 60_000 });
    feed.publish(run({ state: 'done', progress: 1, result: { kind: 'assessment' } }));
    expect(fetchRun).not.toHaveBeenCalled();
    expect(updates[0]!.result).toEqual({ kind: 'assessment' });
  });

  it('polls the run when no event comes (a lost event after a reconnect)', async () => {
    vi.useFakeTimers();
    const feed = new SimRunFeed();
    const fetchRun = vi.fn(async () => run({ state: 'failed', error: 'engine said no' }));
    const updates: SimRunView[] = [];
    followRun({ feed, runId: 'run-1', fetchRun, onUpdate: (r) => updates.push(r), onError: () => {}, pollMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_600);
    expect(fetchRun).toHaveBeenCalled();
    expect(updates.at(-1)?.error).toBe('engine said no');
    const calls = fetchRun.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchRun.mock.calls.length).toBe(calls);
  });
});
