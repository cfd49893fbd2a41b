// A site's status for the region wall, from what the hub already holds in memory: the
// device catalogue, each device's last-heard time, and the standing alarms. Pure: the
// caller scopes devices and alarms to the user and passes the clock; O(devices + alarms).
import type { AlarmView } from '@safetwin/protocol';
import type { DeviceInfo, Site } from '@safetwin/twin-models';
import { DEFAULT_HEALTH_RULES } from '../alarms/sensor-health.ts';
import type { AlarmCounts, PeopleOnSite, RiskColour, SensorCounts, SiteStatus } from './status-schema.ts';
import { shiftAt } from '@safetwin/twin-models';
import type { PlannedOccupancy } from './planned-occupancy.ts';

/** Catalogue kinds that are not sensors: valve position and power feedback, and people's positioning tags. */
export const NON_SENSOR_KINDS: ReadonlySet<string> = new Set(['valve-actuator', 'power-switch', 'uwb-tag']);
/** The catalogue kind of a personnel-positioning tag. */
export const TAG_KIND = 'uwb-tag';

/** The colour of a response level on the four-colour scale: 1 red … 4 blue; no standing alarm is low risk, blue. */
export function riskOfLevel(level: AlarmView['level'] | null): RiskColour {
  switch (level) {
    case 1:
      return 'red';
    case 2:
      return 'orange';
    case 3:
      return 'yellow';
    default:
      return 'blue';
  }
}

/**
 * Whether an alarm counts toward the site's risk now: its condition stands, and it is not
 * out of service (known-bad instrument under maintenance) or suppressed by design. Shelved
 * alarms do count: an operator hiding an alarm from a list does not remove the hazard.
 */
export function countsTowardRisk(alarm: Pick<AlarmView, 'processActive' | 'state'>): boolean {
  return alarm.processActive && alarm.state !== 'out-of-service' && alarm.state !== 'suppressed';
}

/** Alarm counts by level and the worst standing level (null when nothing stands). */
export function countAlarms(alarms: readonly Pick<AlarmView, 'level' | 'processActive' | 'state'>[]): { counts: AlarmCounts; worstLevel: AlarmView['level'] | null } {
  const counts: AlarmCounts = { level1: 0, level2: 0, level3: 0, level4: 0, unacknowledged: 0, shelved: 0 };
  let worstLevel: AlarmView['level'] | null = null;
  for (const a of alarms) {
    if (a.state === 'unacknowledged' || a.state === 'rtn-unacknowledged') counts.unacknowledged++;
    if (a.state === 'shelved') counts.shelved++;
    if (!countsTowardRisk(a)) continue;
    counts[`level${a.level}`]++;
    if (worstLevel === null || a.level < worstLevel) worstLevel = a.level;
  }
  return { counts, worstLevel };
}

/** A device's freshness: heard within 3× its interval (the sensor-health rule), silent longer, or never heard. */
export type Freshness = 'online' | 'stale' | 'no-data';

/** Freshness of a device last heard at `lastHeardMs` (undefined: never), at `nowMs`. */
export function freshnessOf(lastHeardMs: number | undefined, intervalMs: number, nowMs: number): Freshness {
  if (lastHeardMs === undefined) return 'no-data';
  return nowMs - lastHeardMs >= DEFAULT_HEALTH_RULES.staleIntervals * intervalMs ? 'stale' : 'online';
}

/** What one site's status is computed from, already scoped to the user. */
export interface SiteStatusInput {
  site: Site;
  /** The site's devices the user may see. */
  devices: readonly DeviceInfo[];
  /** When each device was last heard from, epoch ms (hub clock); absent: never. */
  lastHeardMs: ReadonlyMap<string, number>;
  /** The site's alarms the user may see (any state; normal ones are ignored). */
  alarms: readonly AlarmView[];
  /** Planned occupancy of the places the user may see, or null when the description has none. */
  planned: PlannedOccupancy | null;
  nowMs: number;
}

/** One site's status: risk colour, alarms by level, sensor freshness, people on site. */
export function siteStatus(input: SiteStatusInput): SiteStatus {
  const { site, nowMs } = input;
  const sensors: SensorCounts = { total: 0, online: 0, stale: 0, noData: 0 };
  let tagsTotal = 0;
  let tagsReporting = 0;
  for (const device of input.devices) {
    const freshness = freshnessOf(input.lastHeardMs.get(device.deviceId), device.intervalMs, nowMs);
    if (device.kind === TAG_KIND) {
      tagsTotal++;
      if (freshness === 'online') tagsReporting++;
      continue;
    }
    if (NON_SENSOR_KINDS.has(device.kind)) continue;
    sensors.total++;
    if (freshness === 'online') sensors.online++;
    else if (freshness === 'stale') sensors.stale++;
    else sensors.noData++;
  }
  const { counts, worstLevel } = countAlarms(input.alarms);
  return {
    id: site.id,
    name: { zh: site.name.zh, en: site.name.en },
    kind: site.kind,
    origin: { latDeg: site.origin.latDeg, lonDeg: site.origin.lonDeg, altM: site.origin.altM },
    risk: riskOfLevel(worstLevel),
    worstLevel,
    alarms: counts,
    sensors,
    people: peopleOnSite(tagsTotal, tagsReporting, input.planned, site.origin.lonDeg, nowMs),
  };
}

/** Tagged people when the site has tags (a live count); otherwise the planned occupancy of the current shift. */
function peopleOnSite(tagsTotal: number, tagsReporting: number, planned: PlannedOccupancy | null, lonDeg: number, nowMs: number): PeopleOnSite {
  if (tagsTotal > 0) return { source: 'tags', count: tagsReporting, tagsTotal };
  if (planned) {
    const shift = shiftAt(nowMs, lonDeg);
    return { source: 'planned-occupancy', count: shift === 'day' ? planned.dayPersons : planned.nightPersons, shift, ...planned };
  }
  return { source: 'none', count: 0 };
}
