// What the plan and the twin draw of the mine's people, shared by both: the escape routes (one
// per distinct route, with who walks it) and the people's places and states.
import type { Enu } from '@safetwin/twin-models';
import type { LatestSample } from '../../live/merge-batch.ts';
import type { PersonState, SitePeopleView } from '../../live/mine-types.ts';
import type { RouteDraw } from './mine-layers.ts';

/** The escape routes of the people still inside: people on the same route to the same place share one line (the longest of theirs: it starts furthest back). */
export function escapeRoutes(people: SitePeopleView | null): RouteDraw[] {
  const byKey = new Map<string, RouteDraw>();
  for (const p of people?.people ?? []) {
    const o = p.order;
    if (!o || p.state === 'safe' || o.polyline.length < 2 || !o.destination) continue;
    const key = `${o.withdrawalId}|${o.destination.kind}:${o.destination.id}|${o.roadwayIds.join('>')}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { key, names: [p.name], to: o.destination.id, etaS: o.etaS, polyline: o.polyline });
    else {
      known.names.push(p.name);
      if (o.polyline.length > known.polyline.length) known.polyline = o.polyline;
      if ((o.etaS ?? 0) > (known.etaS ?? 0)) known.etaS = o.etaS;
    }
  }
  return [...byKey.values()];
}

/** A person where the wall draws them now. */
export interface PersonPlace {
  personId: string;
  name: string;
  team: string;
  tagDeviceId: string;
  state: PersonState;
  position: Enu;
}

/**
 * Each person's place from their tag's latest live position (the socket, ahead of the people
 * view) or else the people view's, and their state from the people view (working when it has
 * not answered yet); people never located are left out.
 */
export function personPlaces(miners: ReadonlyArray<{ id: string; name: string; team: string; tagDeviceId: string }>, people: SitePeopleView | null, sample: (deviceId: string) => LatestSample | undefined): PersonPlace[] {
  const views = new Map((people?.people ?? []).map((p) => [p.personId, p]));
  const out: PersonPlace[] = [];
  for (const m of miners) {
    const view = views.get(m.id);
    const v = sample(m.tagDeviceId)?.reading.values;
    const position = v && Number.isFinite(v.east_m) && Number.isFinite(v.north_m) && Number.isFinite(v.up_m) ? { eastM: v.east_m!, northM: v.north_m!, upM: v.up_m! } : (view?.position ?? null);
    if (!position) continue;
    out.push({ personId: m.id, name: m.name, team: m.team, tagDeviceId: m.tagDeviceId, state: view?.state ?? 'working', position });
  }
  return out;
}
