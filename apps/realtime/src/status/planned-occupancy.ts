// Planned occupancy of a chemical park: the persons its description says usually work in its
// buildings and manned plant (control rooms, loading bays), by day and by night. It is a plan,
// not a head count: the wall labels it so.
import type { Site } from '@safetwin/twin-models';

/** Planned persons by shift. */
export interface PlannedOccupancy {
  dayPersons: number;
  nightPersons: number;
}

/**
 * Planned occupancy of the buildings and manned equipment whose owner `ownerVisible` accepts
 * (null: park-level); null for a site whose description has no occupancy (a mine counts tags).
 */
export function plannedOccupancy(site: Site, ownerVisible: (enterpriseId: string | null) => boolean): PlannedOccupancy | null {
  if (site.kind !== 'chemical-park') return null;
  const total: PlannedOccupancy = { dayPersons: 0, nightPersons: 0 };
  let places = 0;
  const add = (enterpriseId: string | null, occupancy: { dayPersons: number; nightPersons: number } | undefined) => {
    if (!occupancy || !ownerVisible(enterpriseId)) return;
    places++;
    total.dayPersons += occupancy.dayPersons;
    total.nightPersons += occupancy.nightPersons;
  };
  for (const b of site.buildings) add(b.enterpriseId, b.occupancy);
  for (const e of site.equipment) add(e.enterpriseId, e.occupancy);
  return places > 0 ? total : null;
}
