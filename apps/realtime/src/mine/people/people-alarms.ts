// The alarms of people underground (AQ 6210-2007 / AQ 1048-2007: the positioning system alarms on
// overcrowding of a zone, entry into a restricted zone, overtime underground and a tag's call for
// help), as alarm points of the hub's AlarmEngine: on the person's tag, so the wall's alarm stack
// and its twin show who and where; overcrowding on the zone (its id as the device).
import type { AlarmPoint } from '../../alarms/alarm-engine.ts';

/** Alarm kinds raised for people and zones. */
export const PEOPLE_ALARM_KINDS = ['sos', 'restricted-zone', 'overtime', 'abnormal-route', 'overcrowding'] as const;
/** One of {@link PEOPLE_ALARM_KINDS}. */
export type PeopleAlarmKind = (typeof PEOPLE_ALARM_KINDS)[number];

/**
 * Metric and grade of each kind (the seed's levels, DESIGN.md §5):
 * - `sos` — a person calling for help: level 1, high (a life at stake, as an explosion precursor);
 * - `restricted-zone` — a person where they may not be (return air, a blasting area): level 2, high;
 * - `overcrowding` — more people in a zone than its shift limit (超定员, a major hidden danger in
 *   煤矿重大事故隐患判定标准 2020 §4): level 2, medium;
 * - `overtime` — longer underground than the limit: level 3, medium (an anomaly to follow up);
 * - `abnormal-route` — out of one's work area and way in/out without an order: level 4, low (advisory).
 */
const GRADES: Record<PeopleAlarmKind, Pick<AlarmPoint, 'metric' | 'level' | 'priority'>> = {
  sos: { metric: 'sos', level: 1, priority: 'high' },
  'restricted-zone': { metric: 'position', level: 2, priority: 'high' },
  overcrowding: { metric: 'headcount', level: 2, priority: 'medium' },
  overtime: { metric: 'time_underground_h', level: 3, priority: 'medium' },
  'abnormal-route': { metric: 'position', level: 4, priority: 'low' },
};

/** The alarm point of a people alarm on `deviceId` (a tag, or a zone id for overcrowding). */
export function peopleAlarmPoint(siteId: string, enterpriseId: string | null, deviceId: string, kind: PeopleAlarmKind, setpoint: number | null): AlarmPoint {
  return { siteId, deviceId, enterpriseId, kind, setpoint, ...GRADES[kind] };
}

/** Where a person is, in words for an alarm's reason: roadway and chainage, or the surface. */
export function placeText(place: { roadwayId: string | null; roadwayName: string | null; chainageM: number | null }): string {
  if (!place.roadwayId) return 'position unknown';
  return `${place.roadwayId}${place.roadwayName ? ` ${place.roadwayName}` : ''}${place.chainageM === null ? '' : ` @ ${Math.round(place.chainageM)} m`}`;
}
