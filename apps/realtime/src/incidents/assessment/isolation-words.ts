// The isolation plan's sentences in both forms the hub sends (said.ts): why a leak can or cannot be
// cut off, and what else a valve set shuts down, with the equipment by its names in both languages.
import type { SiteName } from '@safetwin/protocol';
import type { FeedRef, IsolationPlan, SideEffect } from '@safetwin/twin-models';
import { joinSaid, said, type Said } from '../../said.ts';
import { idName } from '../site-places.ts';
import type { AssessmentSite } from './assessment-input.ts';

/** Why the leak can or cannot be cut off: nothing feeds it, every feed is cut off by the sets listed, or which feeds no valve stands between. */
export function isolationReason(site: AssessmentSite, plan: Pick<IsolationPlan, 'feeds' | 'unisolableFeeds' | 'alternatives'>): Said {
  if (plan.feeds.length === 0) return said('nothing feeds the leak through open pipes: only its own inventory is released', 'isolation.no-feed');
  const unisolable = plan.unisolableFeeds;
  if (unisolable.length === 0) {
    const sets = plan.alternatives.length;
    const en = `isolable from ${plan.feeds.length} feed${plan.feeds.length === 1 ? '' : 's'}; ${sets} valve set${sets === 1 ? '' : 's'}`;
    return said(en, 'isolation.isolable', { feeds: plan.feeds.length, sets });
  }
  const feeds = joinSaid(unisolable.map((f) => feedSaid(site, f)), 'comma');
  const others = plan.alternatives.length > 0;
  const en = `cannot isolate: ${feeds.en} reach${unisolable.length === 1 ? 'es' : ''} the leak without passing any open valve${others ? '; the sets listed cut off every other feed' : ''}`;
  return said(en, others ? 'isolation.cannot-others-cut' : 'isolation.cannot', { feeds: feeds.text });
}

/** What closing a set does to one other piece of equipment: every supply lost, or its connection to some items. */
export function sideEffectSaid(site: AssessmentSite, s: SideEffect): Said {
  const name = equipmentName(site, s.equipmentId);
  if (s.cutOffFromAllFeeds) return said(`${name.en} (${s.equipmentId}) loses every supply`, 'isolation.loses-every-supply', { name, id: s.equipmentId });
  const to = s.lostConnectionsTo.join(', ');
  return said(`${name.en} (${s.equipmentId}) loses its connection to ${to}`, 'isolation.loses-connection', { name, id: s.equipmentId, to });
}

/** A set that leaves a boundary tie-in joined to the leak. */
export const BOUNDARY_JOINED: Said = said('a boundary tie-in stays joined to the leak: the release does not end with these valves', 'isolation.boundary-joined');

/** A feed by its kind: equipment by name and id, a boundary tie-in by its node. */
function feedSaid(site: AssessmentSite, f: FeedRef): Said {
  if (f.kind === 'boundary') return said(`the boundary tie-in at ${f.id}`, 'isolation.feed-boundary', { id: f.id });
  const name = equipmentName(site, f.id);
  return said(`equipment ${name.en} (${f.id})`, 'isolation.feed-equipment', { name, id: f.id });
}

/** A piece of equipment by its names, or by its id where the site lacks it. */
function equipmentName(site: AssessmentSite, id: string): SiteName {
  return site.equipment.find((x) => x.id === id)?.name ?? idName(id);
}
