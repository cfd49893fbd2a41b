// The region wall's data: what the hub's `GET /api/v1/sites/status` answers, checked field by
// field on arrival so a changed or broken answer shows as an error, never as wrong figures.
// (The hub's zod schema is apps/realtime/src/status/status-schema.ts; the web does not import the hub.)

/** The Chinese four-colour risk scale, worst first (红橙黄蓝). */
export const RISK_COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
/** One colour of the four-colour scale. */
export type RiskColour = (typeof RISK_COLOURS)[number];

/** Who is on site, and how the hub knows. */
export type PeopleOnSite =
  | { source: 'tags'; count: number; tagsTotal: number }
  | { source: 'planned-occupancy'; count: number; shift: 'day' | 'night'; dayPersons: number; nightPersons: number }
  | { source: 'none'; count: 0 };

/** One site's status as the hub reports it (scoped to the user). */
export interface SiteStatus {
  id: string;
  name: { zh: string; en: string };
  kind: 'chemical-park' | 'coal-mine';
  origin: { latDeg: number; lonDeg: number; altM: number };
  risk: RiskColour;
  worstLevel: 1 | 2 | 3 | 4 | null;
  alarms: { level1: number; level2: number; level3: number; level4: number; unacknowledged: number; shelved: number };
  sensors: { total: number; online: number; stale: number; noData: number };
  people: PeopleOnSite;
}

/** The whole answer: every visible site, and the hub's clock when it was taken. */
export interface SiteStatusList {
  asOfMs: number;
  sites: SiteStatus[];
}

/** The hub's answer does not have the shape the wall needs. */
export class StatusShapeError extends Error {
  override name = 'StatusShapeError';
}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new StatusShapeError(`${path} should be an object`);
  return value as Obj;
}
function string(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new StatusShapeError(`${path}.${key} should be a string`);
  return v;
}
function finite(o: Obj, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new StatusShapeError(`${path}.${key} should be a finite number`);
  return v;
}
function count(o: Obj, key: string, path: string): number {
  const v = finite(o, key, path);
  if (!Number.isInteger(v) || v < 0) throw new StatusShapeError(`${path}.${key} should be a count (integer ≥ 0)`);
  return v;
}
function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], path: string): T {
  const v = o[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new StatusShapeError(`${path}.${key} should be one of ${allowed.join(', ')}`);
  return v as T;
}

function parsePeople(value: unknown, path: string): PeopleOnSite {
  const o = object(value, path);
  const source = oneOf(o, 'source', ['tags', 'planned-occupancy', 'none'] as const, path);
  if (source === 'tags') return { source, count: count(o, 'count', path), tagsTotal: count(o, 'tagsTotal', path) };
  if (source === 'planned-occupancy') {
    return { source, count: count(o, 'count', path), shift: oneOf(o, 'shift', ['day', 'night'] as const, path), dayPersons: count(o, 'dayPersons', path), nightPersons: count(o, 'nightPersons', path) };
  }
  return { source, count: 0 };
}

function parseSite(value: unknown, path: string): SiteStatus {
  const o = object(value, path);
  const name = object(o.name, `${path}.name`);
  const origin = object(o.origin, `${path}.origin`);
  const alarms = object(o.alarms, `${path}.alarms`);
  const sensors = object(o.sensors, `${path}.sensors`);
  const worst = o.worstLevel;
  if (worst !== null && worst !== 1 && worst !== 2 && worst !== 3 && worst !== 4) throw new StatusShapeError(`${path}.worstLevel should be 1–4 or null`);
  return {
    id: string(o, 'id', path),
    name: { zh: string(name, 'zh', `${path}.name`), en: string(name, 'en', `${path}.name`) },
    kind: oneOf(o, 'kind', ['chemical-park', 'coal-mine'] as const, path),
    origin: { latDeg: finite(origin, 'latDeg', `${path}.origin`), lonDeg: finite(origin, 'lonDeg', `${path}.origin`), altM: finite(origin, 'altM', `${path}.origin`) },
    risk: oneOf(o, 'risk', RISK_COLOURS, path),
    worstLevel: worst,
    alarms: {
      level1: count(alarms, 'level1', `${path}.alarms`),
      level2: count(alarms, 'level2', `${path}.alarms`),
      level3: count(alarms, 'level3', `${path}.alarms`),
      level4: count(alarms, 'level4', `${path}.alarms`),
      unacknowledged: count(alarms, 'unacknowledged', `${path}.alarms`),
      shelved: count(alarms, 'shelved', `${path}.alarms`),
    },
    sensors: {
      total: count(sensors, 'total', `${path}.sensors`),
      online: count(sensors, 'online', `${path}.sensors`),
      stale: count(sensors, 'stale', `${path}.sensors`),
      noData: count(sensors, 'noData', `${path}.sensors`),
    },
    people: parsePeople(o.people, `${path}.people`),
  };
}

/** Checks the hub's `/sites/status` answer; throws StatusShapeError naming the first field that is wrong. */
export function parseSiteStatusList(body: unknown): SiteStatusList {
  const o = object(body, 'answer');
  if (!Array.isArray(o.sites)) throw new StatusShapeError('answer.sites should be an array');
  return { asOfMs: finite(o, 'asOfMs', 'answer'), sites: o.sites.map((s, i) => parseSite(s, `answer.sites[${i}]`)) };
}
