import { describe, expect, it, vi } from 'vitest';
import type { LiveReading } from '@safetwin/protocol';
import { LiveStore } from './live-store.ts';

const r = (deviceId: string, seq: number): LiveReading => ({ deviceId, ts: 1000 + seq, seq, values: { co_ppm: seq } });

/** A store whose flushes run only when the test says so (one "animation frame"). */
function manualStore() {
  const queued: Array<() => void> = [];
  const store = new LiveStore((flush) => queued.push(flush));
  const frame = () => queued.splice(0).forEach((flush) => flush());
  return { store, frame, queued };
}

describe('LiveStore', () => {
  it('coalesces many batches into one notification per device per frame', () => {
    const { store, frame, queued } = manualStore();
    const onA = vi.fn();
    const onB = vi.fn();
    const onAny = vi.fn();
    store.subscribeDevice('A', onA);
    store.subscribeDevice('B', onB);
    store.subscribeAny(onAny);

    for (let seq = 1; seq <= 10; seq++) store.apply([r('A', seq)], 5000);
    expect(queued).toHaveLength(1);
    expect(onA).not.toHaveBeenCalled();
    expect(store.get('A')?.reading.seq).toBe(10); // merged at once, published at the frame

    frame();
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    expect(onAny).toHaveBeenCalledTimes(1);
  });

  it('does not schedule a frame for readings that change nothing', () => {
    const { store, frame, queued } = manualStore();
    store.apply([r('A', 2)], 0);
    frame();
    const version = store.version;
    store.apply([r('A', 1), r('A', 2)], 10);
    expect(queued).toHaveLength(0);
    expect(store.version).toBe(version);
    expect(store.lastBatchAtMs).toBe(10);
    expect(store.readingCount).toBe(3); // every reading received counts toward the rate, stale ones too
  });

  it('stops notifying after unsubscribe', () => {
    const { store, frame } = manualStore();
    const listener = vi.fn();
    const off = store.subscribeDevice('A', listener);
    off();
    store.apply([r('A', 1)], 0);
    frame();
    expect(listener).not.toHaveBeenCalled();
  });

  it('turns primed once and tells whole-site listeners', () => {
    const { store } = manualStore();
    const onAny = vi.fn();
    store.subscribeAny(onAny);
    expect(store.primed).toBe(false);
    store.markPrimed();
    store.markPrimed();
    expect(store.primed).toBe(true);
    expect(onAny).toHaveBeenCalledTimes(1);
  });
});
