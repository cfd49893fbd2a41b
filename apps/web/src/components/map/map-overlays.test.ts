import { describe, expect, it, vi } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { MapOverlayRegistry } from './map-overlays.ts';

const layer = (id: string) => ({ id }) as unknown as Layer;

describe('MapOverlayRegistry', () => {
  it('orders overlays by placement, then order, then id', () => {
    const r = new MapOverlayRegistry();
    r.set({ id: 'routes', layers: [layer('route')], placement: 'top' });
    r.set({ id: 'zones', layers: [layer('zone-red'), layer('zone-orange')], order: 2 });
    r.set({ id: 'grid', layers: [layer('grid')], order: 1 });
    expect(r.list().map((o) => o.id)).toEqual(['grid', 'zones', 'routes']);
    expect(r.layersFor('under-markers').map((l) => l.id)).toEqual(['grid', 'zone-red', 'zone-orange']);
    expect(r.layersFor('top').map((l) => l.id)).toEqual(['route']);
  });

  it('replaces an overlay set again under the same id, and removes it', () => {
    const r = new MapOverlayRegistry();
    r.set({ id: 'zones', layers: [layer('a')] });
    r.set({ id: 'zones', layers: [layer('b')] });
    expect(r.layersFor('under-markers').map((l) => l.id)).toEqual(['b']);
    r.remove('zones');
    expect(r.list()).toHaveLength(0);
  });

  it('keeps the snapshot until something changes, and tells listeners', () => {
    const r = new MapOverlayRegistry();
    const listener = vi.fn();
    const off = r.subscribe(listener);
    const before = r.list();
    expect(r.list()).toBe(before);
    r.set({ id: 'x', layers: [] });
    expect(r.list()).not.toBe(before);
    r.remove('absent');
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    r.remove('x');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses an overlay without an id', () => {
    expect(() => new MapOverlayRegistry().set({ id: '', layers: [] })).toThrow(/needs an id/);
  });

  it('holds the latest fit request with a rising seq; only its owner withdraws it', () => {
    const r = new MapOverlayRegistry();
    const listener = vi.fn();
    r.subscribe(listener);
    expect(r.fitRequest()).toBeNull();
    const must: [[number, number], [number, number]] = [[0, 0], [1, 1]];
    r.requestFit('zones', { must });
    const first = r.fitRequest()!;
    expect(first.by).toBe('zones');
    expect(r.fitRequest()).toBe(first);
    r.requestFit('zones', { must, want: [[0, 0], [2, 2]] });
    expect(r.fitRequest()!.seq).toBeGreaterThan(first.seq);
    r.requestFit('routes', null);
    expect(r.fitRequest()).not.toBeNull();
    r.requestFit('zones', null);
    expect(r.fitRequest()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
