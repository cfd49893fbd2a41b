// Planned occupancy of a chemical park: the persons its description says usually work in its
// buildings and manned plant (control rooms, loading bays), by day and by night. It is a plan,
// not a head count: the wall labels it so.
import type { Site } from '@safetwin/twin-models';

/** Planned persons by shift. */
export interface PlannedOccupancy {
  dayPersons: number;
  nightPersons: number;
}

/** Start and end of the day shift, hours of local mean solar time. */
export const DAY_SHIFT_START_H = 8;
export const DAY_SHIFT_END_H = 20;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which occupancy applies at `nowMs` at longitude `lonDeg`: day from 08:00 to 20:00 local mean
 * solar time (UTC + longitude / 15 h). Site descriptions carry no time zone; solar time is
 * within an hour of civil time for most of China and needs no tz database.
 */
export function shiftAt(nowMs: number, lonDeg: number): 'day' | 'night' {
  const localMs = nowMs + (lonDeg / 15) * HOUR_MS;
  const hour = (((localMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  return hour >= DAY_SHIFT_START_H && hour < DAY_SHIFT_END_H ? 'day' : 'night';
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
