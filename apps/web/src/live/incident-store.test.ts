import { describe, expect, it, vi } from 'vitest';
import type { IncidentView } from '@safetwin/protocol';
import { fixtureIncident } from './incident-fixture.ts';
import { CLOSED_LINGER_MS, IncidentStore, compareIncidents, mergeIncident, mergeIncidents, pruneClosed, unlistedOpen } from './incident-store.ts';

const T0 = 1_700_000_000_000;

/** The fixture's title as the hub words it: a handover notice keeps it. */
const FIXTURE_TITLE_TEXT = fixtureIncident(0).titleText;

function incident(id: string, createdAt: number, updatedAt: number, more: Partial<IncidentView> = {}): IncidentView {
  return fixtureIncident(createdAt, { id, createdAt, updatedAt, ...more });
}

function closed(id: string, createdAt: number, closedAt: number): IncidentView {
  const base = incident(id, createdAt, closedAt);
  return { ...base, state: 'closed', milestones: { ...base.milestones, closedAt } };
}

describe('incident reducers', () => {
  it('orders open incidents newest first, closed ones after', () => {
    const list = [closed('c', T0 + 50, T0 + 90), incident('a', T0, T0), incident('b', T0 + 10, T0 + 10)].sort(compareIncidents);
    expect(list.map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });

  it('ignores an older version that arrives late and takes an equal or newer one', () => {
    const v2 = incident('a', T0, T0 + 2_000, { state: 'responding' });
    const v1 = incident('a', T0, T0 + 1_000, { state: 'assessing' });
    const list = mergeIncident([], v2);
    expect(mergeIncident(list, v1)).toBe(list);
    // Two changes in one millisecond: the later to arrive wins.
    const same = incident('a', T0, T0 + 2_000, { state: 'contained' });
    expect(mergeIncident(list, same)[0]!.state).toBe('contained');
    expect(mergeIncident(list, v2)).toBe(list);
  });

  it('a refetch keeps the newer version of each and never drops an incident it lacks', () => {
    const held = [incident('a', T0, T0 + 5_000, { state: 'responding' }), incident('b', T0 + 1, T0 + 1)];
    const fetched = [incident('a', T0, T0 + 3_000, { state: 'assessing' }), incident('c', T0 + 2, T0 + 2)];
    const next = mergeIncidents(held, fetched);
    expect(next.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(next.find((i) => i.id === 'a')!.state).toBe('responding');
  });

  it('closed incidents leave the wall once they have lingered', () => {
    const list = [incident('open', T0, T0), closed('old', T0, T0 + 1_000)];
    expect(pruneClosed(list, T0 + 1_000 + CLOSED_LINGER_MS - 1)).toBe(list);
    expect(pruneClosed(list, T0 + 1_000 + CLOSED_LINGER_MS).map((i) => i.id)).toEqual(['open']);
  });
});

describe('IncidentStore', () => {
  it('is not "received" until a fetch answered, and says so even for an empty list', () => {
    const store = new IncidentStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.received).toBe(false);
    store.applyFetched([], T0);
    expect(store.received).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    store.applyFetched([], T0);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('merges events and prunes on the clock', () => {
    const store = new IncidentStore(60_000);
    const listener = vi.fn();
    store.subscribe(listener);
    store.apply(incident('a', T0, T0));
    store.apply(closed('a', T0, T0 + 10_000));
    expect(store.get('a')!.state).toBe('closed');
    expect(listener).toHaveBeenCalledTimes(2);
    store.prune(T0 + 30_000);
    expect(store.incidents).toHaveLength(1);
    store.prune(T0 + 70_000);
    expect(store.incidents).toHaveLength(0);
    expect(listener).toHaveBeenCalledTimes(3);
  });
});

describe('IncidentStore handovers (incident-handed-over: the incident no longer concerns this plant)', () => {
  const handover = (id: string, updatedAt: number) => ({ id, siteId: 'cp-nanjing', updatedAt, reason: 'source-moved' as const });

  it('takes the incident off the wall at once and keeps the notice for the linger time', () => {
    const store = new IncidentStore(60_000);
    store.applyFetched([incident('a', T0, T0 + 1_000, { state: 'responding', title: 'Cl₂ at sphere 1' }), incident('b', T0 + 1, T0 + 1)], T0);
    const listener = vi.fn();
    store.subscribe(listener);
    store.handOver(handover('a', T0 + 2_000), T0 + 2_100);
    expect(store.incidents.map((i) => i.id)).toEqual(['b']);
    // The title of the version held: the notice names the incident the event does not describe.
    expect(store.handedOver).toEqual([{ ...handover('a', T0 + 2_000), receivedAt: T0 + 2_100, title: 'Cl₂ at sphere 1', titleText: FIXTURE_TITLE_TEXT }]);
    expect(listener).toHaveBeenCalledTimes(1);
    // The notice of an incident the wall never held still says so (a view may tell why nothing shows).
    store.handOver(handover('z', T0 + 2_000), T0 + 2_200);
    expect(store.handedOver.map((h) => [h.id, h.title])).toEqual([['z', null], ['a', 'Cl₂ at sphere 1']]);
    expect(listener).toHaveBeenCalledTimes(2);
    store.prune(T0 + 2_100 + 60_000);
    expect(store.handedOver.map((h) => h.id)).toEqual(['z']);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('an older version that crossed the handover (a late event, a refetch sent before it) does not bring it back', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 1_000));
    store.handOver(handover('a', T0 + 2_000), T0 + 2_000);
    store.apply(incident('a', T0, T0 + 1_500));
    store.applyFetched([incident('a', T0, T0 + 2_000), incident('b', T0 + 1, T0 + 1)], T0 + 2_500);
    expect(store.incidents.map((i) => i.id)).toEqual(['b']);
    // A repeated or older handover changes nothing.
    const before = store.handedOver;
    store.handOver(handover('a', T0 + 1_000), T0 + 3_000);
    expect(store.handedOver).toBe(before);
  });

  it('a newer version (the source estimate moved back to this plant) brings it back and clears the notice', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 1_000));
    store.handOver(handover('a', T0 + 2_000), T0 + 2_000);
    const untouched = store.handedOver;
    store.apply(incident('b', T0 + 1, T0 + 1));
    expect(store.handedOver, 'another incident leaves the notices as they were').toBe(untouched);
    store.apply(incident('a', T0, T0 + 3_000, { state: 'responding' }));
    expect(store.get('a')!.state).toBe('responding');
    expect(store.handedOver).toEqual([]);
  });
});

describe('IncidentStore handovers crossing newer versions', () => {
  const handover = (id: string, updatedAt: number) => ({ id, siteId: 'cp-nanjing', updatedAt, reason: 'source-moved' as const });

  it('a late handover behind a newer version already held (written at another hub) changes nothing', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 3_000, { state: 'responding' }));
    store.handOver(handover('a', T0 + 2_000), T0 + 3_100);
    expect(store.incidents.map((i) => i.id)).toEqual(['a']);
    expect(store.handedOver).toEqual([]);
  });

  it('a refetch holding a version newer than the handover (the source back while offline) brings it back and ends the notice', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 1_000));
    store.handOver(handover('a', T0 + 2_000), T0 + 2_000);
    const listener = vi.fn();
    store.subscribe(listener);
    store.applyFetched([incident('a', T0, T0 + 3_000, { state: 'responding' })], T0 + 4_000);
    expect(store.get('a')!.state).toBe('responding');
    expect(store.handedOver).toEqual([]);
    expect(listener).toHaveBeenCalled();
  });
});

describe('IncidentStore after a reconnect (the wall was offline at a handover)', () => {
  it('the open incidents held that a fetched list lacks are the ones to check; closed ones are not', () => {
    const held = [incident('a', T0, T0), incident('b', T0 + 1, T0 + 1), closed('c', T0 - 10, T0 + 5)];
    expect(unlistedOpen(held, [incident('b', T0 + 1, T0 + 2)]).map((i) => i.id)).toEqual(['a']);
    expect(unlistedOpen(held, held)).toEqual([]);
  });

  it('a 404 takes the incident off as not visible, and a refetch of that version does not bring it back', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 1_000, { title: 'Cl₂ at sphere 1' }));
    store.dropNotVisible('a', T0 + 1_000, T0 + 5_000);
    expect(store.incidents).toEqual([]);
    expect(store.handedOver).toEqual([{ id: 'a', siteId: 'cp-nanjing', updatedAt: T0 + 1_000, reason: 'not-visible', receivedAt: T0 + 5_000, title: 'Cl₂ at sphere 1', titleText: FIXTURE_TITLE_TEXT }]);
    store.applyFetched([incident('a', T0, T0 + 1_000)], T0 + 5_100);
    expect(store.incidents).toEqual([]);
    // The source moves back: a newer version brings it back and clears the notice.
    store.apply(incident('a', T0, T0 + 9_000));
    expect(store.incidents.map((i) => i.id)).toEqual(['a']);
    expect(store.handedOver).toEqual([]);
  });

  it('a newer version that arrived while the check was out keeps the incident', () => {
    const store = new IncidentStore();
    store.apply(incident('a', T0, T0 + 1_000));
    store.apply(incident('a', T0, T0 + 2_000));
    store.dropNotVisible('a', T0 + 1_000, T0 + 5_000);
    store.dropNotVisible('z', T0 + 1_000, T0 + 5_000);
    expect(store.incidents.map((i) => i.updatedAt)).toEqual([T0 + 2_000]);
    expect(store.handedOver).toEqual([]);
  });
});
