// Extra map layers from other parts of the wall (threat zones, evacuation routes, …): a small
// registry the map panel listens to, so a feature adds its layers without touching the panel.
// One registry per page: the wall has one map.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LabelObstacle } from './label-boxes.ts';
import type { LabelGroup } from './label-groups.ts';
import type { FitRequest } from './zone-fit.ts';

/** Where an overlay is drawn: over the plan but under the sensors and people, or on top of everything. */
export type OverlayPlacement = 'under-markers' | 'top';

/** A named group of deck.gl layers; layer ids must be unique across overlays. */
export interface MapOverlay {
  /** Who owns it, e.g. `threat-zones`; setting an id again replaces that overlay. */
  id: string;
  layers: readonly Layer[];
  /** @default 'under-markers' */
  placement?: OverlayPlacement;
  /** Order within a placement, lower first (drawn below). @default 0 */
  order?: number;
  /** Text shown when hovering one of its (pickable) layers; null lets the map say its own. */
  tooltip?: (info: PickingInfo) => string | null;
  /** Marks it draws over the plan's place names: the names move or give way (label-boxes.ts). */
  labelObstacles?: readonly LabelObstacle[];
  /** Its own names (live readings, people), placed on the screen in one pass with the plan's (label-groups.ts) and drawn under the live markers. */
  labels?: readonly LabelGroup[];
}

/** A feature's request that the plan fit a view, with a number that rises with each new request. */
export interface FitRequestEntry {
  request: FitRequest;
  /** Who asked (an overlay id). */
  by: string;
  seq: number;
}

/** Overlays by id, with stable snapshots for `useSyncExternalStore`. */
export class MapOverlayRegistry {
  private readonly byId = new Map<string, MapOverlay>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly MapOverlay[] = [];
  private fit: FitRequestEntry | null = null;
  private fitSeq = 0;

  /** Adds or replaces an overlay. */
  set(overlay: MapOverlay): void {
    if (!overlay.id) throw new Error('MapOverlayRegistry.set: an overlay needs an id');
    this.byId.set(overlay.id, overlay);
    this.changed();
  }

  /**
   * Asks the plan to fit `request` (with the site) — e.g. a new release result shows its zones;
   * null withdraws `by`'s request (the plan goes back to the site). The latest request wins.
   */
  requestFit(by: string, request: FitRequest | null): void {
    if (request) this.fit = { request, by, seq: ++this.fitSeq };
    else if (this.fit?.by === by) this.fit = null;
    else return;
    for (const listener of this.listeners) listener();
  }

  /** The standing fit request, the same object until it changes. */
  fitRequest(): FitRequestEntry | null {
    return this.fit;
  }

  /** Removes an overlay (no-op if absent). */
  remove(id: string): void {
    if (this.byId.delete(id)) this.changed();
  }

  /** All overlays, ordered by placement ('under-markers' first), then `order`, then id; the same array until something changes. */
  list(): readonly MapOverlay[] {
    return this.snapshot;
  }

  /** The layers of one placement, in drawing order. */
  layersFor(placement: OverlayPlacement): Layer[] {
    return this.snapshot.filter((o) => (o.placement ?? 'under-markers') === placement).flatMap((o) => o.layers);
  }

  /** Listens for changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const rank = (o: MapOverlay) => ((o.placement ?? 'under-markers') === 'under-markers' ? 0 : 1);
    this.snapshot = [...this.byId.values()].sort((a, b) => rank(a) - rank(b) || (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const listener of this.listeners) listener();
  }
}

/** The page's overlay registry, read by `MapPanel`; add to it with `useMapOverlay`. */
export const mapOverlays = new MapOverlayRegistry();
