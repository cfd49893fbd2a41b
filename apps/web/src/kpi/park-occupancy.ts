// Planned occupancy of a chemical park by enterprise: the persons its buildings and staffed
// equipment (control rooms, warehouses, loading bays) hold by day and by night, from the site
// description. It is the plan, not a head count: parks have no personnel positioning.
import type { ChemicalPark, Occupancy, Shift } from '@safetwin/twin-models';

/** Planned persons of one enterprise (or of the park's shared buildings, `enterpriseId` null). */
export interface PlannedOccupancy {
  enterpriseId: string | null;
  /** Persons planned for the shift. */
  persons: number;
  /** Places (buildings and staffed equipment) that hold them. */
  places: number;
}

/** Planned persons by enterprise for a shift, most first; places with nobody planned are left out. */
export function plannedOccupancy(park: Pick<ChemicalPark, 'buildings' | 'equipment'>, shift: Shift): PlannedOccupancy[] {
  const byOwner = new Map<string | null, PlannedOccupancy>();
  const add = (enterpriseId: string | null, occupancy: Occupancy | undefined) => {
    const persons = occupancy ? (shift === 'day' ? occupancy.dayPersons : occupancy.nightPersons) : 0;
    if (persons <= 0) return;
    let entry = byOwner.get(enterpriseId);
    if (!entry) byOwner.set(enterpriseId, (entry = { enterpriseId, persons: 0, places: 0 }));
    entry.persons += persons;
    entry.places++;
  };
  for (const b of park.buildings) add(b.enterpriseId, b.occupancy);
  for (const e of park.equipment) add(e.enterpriseId, e.occupancy);
  return [...byOwner.values()].sort((a, b) => b.persons - a.persons || String(a.enterpriseId).localeCompare(String(b.enterpriseId)));
}
