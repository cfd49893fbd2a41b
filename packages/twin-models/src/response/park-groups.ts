// Who is where on a chemical park: the occupants of its buildings and of occupied equipment
// (control rooms, warehouses, loading bays) by shift, plus tagged people where the site has them.
import type { ChemicalPark } from '../schema/site.ts';
import type { EnuPlan } from '../geo.ts';
import type { EvacuationGroup } from './evacuation.ts';
import { DEFAULT_AIR_CHANGES_PER_H } from './indoor.ts';

/** Equipment kinds that are open structures: their people count as outdoors. */
const OPEN_KINDS = new Set(['loading-bay']);

/** A tagged person's last known position. */
export interface TaggedPerson { id: string; position: EnuPlan }

/** Evacuation groups of a park: one per occupied building or equipment item, one per tagged person. */
export function parkEvacuationGroups(
  park: Pick<ChemicalPark, 'buildings' | 'equipment'>,
  opts: { shift: 'day' | 'night'; people?: readonly TaggedPerson[]; airChangesPerH?: Readonly<Record<string, number>> },
): EvacuationGroup[] {
  const ach = { ...DEFAULT_AIR_CHANGES_PER_H, ...opts.airChangesPerH };
  const persons = (o: { dayPersons: number; nightPersons: number }) => (opts.shift === 'day' ? o.dayPersons : o.nightPersons);
  const plan = (p: EnuPlan) => ({ eastM: p.eastM, northM: p.northM });
  const groups: EvacuationGroup[] = [];
  for (const b of park.buildings) {
    if (persons(b.occupancy) > 0) groups.push({ id: b.id, kind: 'building', position: plan(b.position), persons: persons(b.occupancy), airChangesPerH: ach[b.kind] ?? 1 });
  }
  for (const e of park.equipment) {
    if (!e.occupancy || persons(e.occupancy) === 0) continue;
    groups.push(OPEN_KINDS.has(e.kind)
      ? { id: e.id, kind: 'outdoor-group', position: plan(e.position), persons: persons(e.occupancy) }
      : { id: e.id, kind: 'building', position: plan(e.position), persons: persons(e.occupancy), airChangesPerH: ach[e.kind] ?? 1 });
  }
  for (const p of opts.people ?? []) groups.push({ id: p.id, kind: 'person', position: plan(p.position), persons: 1 });
  return groups;
}
