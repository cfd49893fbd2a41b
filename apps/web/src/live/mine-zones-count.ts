// Headcounts of the mine's personnel zones (the mine description's roadway sets with limits,
// 煤矿井下单班作业人数限员规定) from where the hub places each person: a person counts in every
// zone holding their roadway. The hub's zone service (GET /sites/:id/zones) is the truth for
// limits changed through the API; this count is what the wall shows from the people view.
import type { PersonnelZone } from '@safetwin/twin-models';
import type { PersonView } from './mine-types.ts';

/** One zone's headcount against its limit. */
export interface ZoneCount {
  zoneId: string;
  name: { zh: string; en: string };
  headcount: number;
  /** Null: no limit. */
  limit: number | null;
  over: boolean;
  restricted: boolean;
  personIds: string[];
}

/** Each zone's headcount from the people's roadways; over when above the limit (a limit of n allows n). */
export function zoneCounts(zones: readonly PersonnelZone[], people: readonly Pick<PersonView, 'personId' | 'roadwayId'>[]): ZoneCount[] {
  return zones.map((z) => {
    const roadways = new Set(z.roadwayIds);
    const personIds = people.filter((p) => p.roadwayId !== null && roadways.has(p.roadwayId)).map((p) => p.personId);
    return { zoneId: z.id, name: z.name, headcount: personIds.length, limit: z.headcountLimit, over: z.headcountLimit !== null && personIds.length > z.headcountLimit, restricted: z.restricted, personIds };
  });
}

/** People the hub places underground now (on a roadway). */
export function undergroundCount(people: readonly Pick<PersonView, 'roadwayId'>[]): number {
  return people.filter((p) => p.roadwayId !== null).length;
}
