import { describe, expect, it, vi } from 'vitest';
import type { AlarmLoadView } from '@safetwin/protocol';
import { AlarmLoadStore } from './alarm-load-store.ts';

const load = (asOfMs: number, flooding: boolean): AlarmLoadView => ({
  siteId: 'park',
  notificationsLast10Min: flooding ? 12 : 2,
  activationsLast10Min: flooding ? 40 : 2,
  standing: 5,
  flooding,
  floodSince: flooding ? asOfMs - 1_000 : null,
  asOfMs,
});

describe('AlarmLoadStore', () => {
  it('keeps the newest load and tells listeners; an older one (crossing a subscribe answer) is ignored', () => {
    const store = new AlarmLoadStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.load).toBeNull();
    store.apply(load(2_000, true));
    store.apply(load(1_000, false));
    expect(store.load?.flooding).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    store.apply(load(3_000, false));
    expect(store.load?.flooding).toBe(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
