// The site's incidents on the wall, outside React: filled from `GET /incidents?siteId=` after every
// (re)subscribe and kept by the hub's `incident` socket events. The reducers are pure (tested
// without a socket): a version is never replaced by an older one (events and a refetch can cross),
// an incident the wall holds is never dropped because a refetch lacked it (the wall must never
// silently lose an incident), and a closed incident leaves the wall a while after it closed. The
// one drop the hub asks for: `incident-handed-over` (an officer's plant is no longer concerned) takes
// the incident off this wall and keeps the notice, so versions up to it (a crossing refetch) stay out.
// A wall that was offline at a handover learns it on reconnect instead: the refetch's list lacks the
// incident, the one-by-one check answers 404, and `dropNotVisible` takes it off the same way.
import type { HubText, IncidentHandoverReason, IncidentHandoverView, IncidentView } from '@safetwin/protocol';

/** How long a closed incident stays on the wall after it closed, ms (long enough to read the outcome). */
export const CLOSED_LINGER_MS = 5 * 60_000;

/** When an incident closed (its milestone, else its last change), epoch ms; null while open. */
export function closedAtOf(incident: IncidentView): number | null {
  if (incident.state !== 'closed') return null;
  return incident.milestones.closedAt ?? incident.updatedAt;
}

/** Wall order: open incidents first, newest first; closed ones after, latest closed first. */
export function compareIncidents(a: IncidentView, b: IncidentView): number {
  const aOpen = a.state !== 'closed', bOpen = b.state !== 'closed';
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  const aAt = aOpen ? a.createdAt : closedAtOf(a)!, bAt = bOpen ? b.createdAt : closedAtOf(b)!;
  return bAt - aAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Merges one incident version into the list: an older version (by `updatedAt`) than the one held
 * is ignored and the same list returned; an equal one replaces it (two changes in one millisecond
 * arrive in order on the socket: the later is the newer).
 */
export function mergeIncident(list: readonly IncidentView[], incident: IncidentView): readonly IncidentView[] {
  const at = list.findIndex((i) => i.id === incident.id);
  if (at >= 0 && list[at]!.updatedAt > incident.updatedAt) return list;
  if (at >= 0 && list[at] === incident) return list;
  const next = at >= 0 ? list.map((i, k) => (k === at ? incident : i)) : [...list, incident];
  return next.sort(compareIncidents);
}

/**
 * Merges a fetched list (a refetch after a (re)subscribe): each incident keeps the newer of the
 * held and the fetched version; incidents the fetch lacks are kept (an event may have brought
 * them after the request left, and the wall never drops an incident on its own).
 */
export function mergeIncidents(list: readonly IncidentView[], fetched: readonly IncidentView[]): readonly IncidentView[] {
  let next = list;
  for (const incident of fetched) next = mergeIncident(next, incident);
  return next;
}

/** Drops closed incidents that closed more than `lingerMs` before `nowMs`; the same list when none. */
export function pruneClosed(list: readonly IncidentView[], nowMs: number, lingerMs = CLOSED_LINGER_MS): readonly IncidentView[] {
  const keep = list.filter((i) => {
    const closedAt = closedAtOf(i);
    return closedAt === null || nowMs - closedAt < lingerMs;
  });
  return keep.length === list.length ? list : keep;
}

/**
 * Why an incident left this wall: the hub's `incident-handed-over` reason, or `not-visible` — the
 * check after a reconnect found that the hub no longer shows it to this user (it was handed over
 * while the wall was offline; the hub does not say why).
 */
export type IncidentLeftReason = IncidentHandoverReason | 'not-visible';

/** A handover as the wall received it (local epoch ms): why an incident left this wall. */
export interface HandedOverIncident extends Omit<IncidentHandoverView, 'reason'> {
  reason: IncidentLeftReason;
  receivedAt: number;
  /** The title of the version the wall held when it left (null: the wall did not hold it), and its hub sentence. */
  title: string | null;
  titleText: HubText | null;
}

/**
 * The open incidents held that a fetched list lacks: each is checked one by one after a refetch
 * (`GET /incidents/:id`), since the list is capped (newest first) and leaves out the incidents the
 * hub no longer shows this user. Closed ones are not checked: they leave the wall after the linger.
 */
export function unlistedOpen(list: readonly IncidentView[], fetched: readonly IncidentView[]): IncidentView[] {
  const listed = new Set(fetched.map((i) => i.id));
  return list.filter((i) => i.state !== 'closed' && !listed.has(i.id));
}

/** Whether a version of an incident is one the hub has since handed over (its plant no longer sees it at that version). */
export function isHandedOver(incident: IncidentView, handovers: readonly HandedOverIncident[]): boolean {
  return handovers.some((h) => h.id === incident.id && incident.updatedAt <= h.updatedAt);
}

/** The incidents of one site wall, with stable snapshots for `useSyncExternalStore`. */
export class IncidentStore {
  private list: readonly IncidentView[] = [];
  private handovers: readonly HandedOverIncident[] = [];
  private readonly listeners = new Set<() => void>();
  private receivedFlag = false;

  constructor(private readonly lingerMs = CLOSED_LINGER_MS) {}

  /** Open incidents newest first, then recently closed ones; the same array until something changes. */
  get incidents(): readonly IncidentView[] {
    return this.list;
  }

  /** True once a fetch delivered the hub's list (before that, "no incident" means "not known yet"). */
  get received(): boolean {
    return this.receivedFlag;
  }

  /** Incidents the hub handed over (no longer this plant's), newest first, kept for the linger time: views may say why one left. */
  get handedOver(): readonly HandedOverIncident[] {
    return this.handovers;
  }

  /** One incident by id. */
  get(id: string): IncidentView | undefined {
    return this.list.find((i) => i.id === id);
  }

  /** Merges one `incident` event (or an action's answer). */
  apply(incident: IncidentView): void {
    if (isHandedOver(incident, this.handovers)) return;
    // A newer version reached us after a handover: the incident concerns this plant again.
    this.endNotices(new Set([incident.id]));
    this.set(mergeIncident(this.list, incident));
  }

  /** An `incident-handed-over` event: the incident leaves this wall, and no version up to it may bring it back. */
  handOver(handover: IncidentHandoverView, nowMs: number): void {
    this.leave(handover, nowMs);
  }

  /**
   * The check of an unlisted incident after a refetch answered 404: the hub no longer shows it to
   * this user. It leaves the wall as a handover at the version held when the check was sent
   * (`updatedAt`); a newer version that reached the wall meanwhile (an event: the hub shows it
   * again) keeps it.
   */
  dropNotVisible(id: string, updatedAt: number, nowMs: number): void {
    const held = this.get(id);
    if (!held || held.updatedAt > updatedAt) return;
    this.leave({ id, siteId: held.siteId, updatedAt: held.updatedAt, reason: 'not-visible' }, nowMs);
  }

  /** Merges the answer of `GET /incidents?siteId=`; prunes long-closed ones at `nowMs`. */
  applyFetched(fetched: readonly IncidentView[], nowMs: number): void {
    const first = !this.receivedFlag;
    this.receivedFlag = true;
    const visible = fetched.filter((i) => !isHandedOver(i, this.handovers));
    // A version newer than a handover (the source moved back while the link was down) ends its notice.
    const noticesChanged = this.endNotices(new Set(visible.map((i) => i.id)));
    const next = pruneClosed(mergeIncidents(this.list, visible), nowMs, this.lingerMs);
    if (!this.set(next) && (first || noticesChanged)) this.notify();
  }

  /** Lets closed incidents leave the wall once they have lingered (call on the wall's clock tick). */
  prune(nowMs: number): void {
    const handovers = this.handovers.filter((h) => nowMs - h.receivedAt < this.lingerMs);
    const changed = handovers.length !== this.handovers.length;
    if (changed) this.handovers = handovers;
    if (!this.set(pruneClosed(this.list, nowMs, this.lingerMs)) && changed) this.notify();
  }

  /** Listens for any change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes the incident off the wall and keeps the notice; versions up to `left.updatedAt` stay out. */
  private leave(left: Omit<HandedOverIncident, 'receivedAt' | 'title' | 'titleText'>, nowMs: number): void {
    const held = this.handovers.find((h) => h.id === left.id);
    if (held && held.updatedAt >= left.updatedAt) return;
    // A newer version already here (another hub's, the source back with this plant) outranks a late handover.
    if ((this.get(left.id)?.updatedAt ?? -Infinity) > left.updatedAt) return;
    const current = this.get(left.id);
    const title = current?.title ?? held?.title ?? null;
    const titleText = (current ? current.titleText : held?.titleText) ?? null;
    this.handovers = [{ ...left, receivedAt: nowMs, title, titleText }, ...this.handovers.filter((h) => h.id !== left.id)];
    const keep = this.list.filter((i) => !isHandedOver(i, this.handovers));
    if (!this.set(keep.length === this.list.length ? this.list : keep)) this.notify();
  }

  /** Drops the handover notices of `ids` (a version newer than the handover came); whether any went. */
  private endNotices(ids: ReadonlySet<string>): boolean {
    const kept = this.handovers.filter((h) => !ids.has(h.id));
    if (kept.length === this.handovers.length) return false;
    this.handovers = kept;
    return true;
  }

  private set(next: readonly IncidentView[]): boolean {
    if (next === this.list) return false;
    this.list = next;
    this.notify();
    return true;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
