// The wire shape of `GET /api/v1/sites/status`: one zod schema for the OpenAPI document,
// the response serializer and the TypeScript types the status code returns.
import { z } from 'zod';

/** The Chinese four-colour risk scale (红橙黄蓝, DESIGN.md §5), worst first. */
export const RISK_COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
/** One colour of the four-colour scale. */
export type RiskColour = (typeof RISK_COLOURS)[number];

const Count = z.number().int().nonnegative();

/** Standing alarms the user may see, by response level, and how many wait for an operator. */
export const AlarmCountsSchema = z.object({
  level1: Count.describe('level 1 (red, explosion precursor) alarms whose condition stands'),
  level2: Count.describe('level 2 (orange, gas over limit)'),
  level3: Count.describe('level 3 (yellow, equipment anomaly, sensor faults included)'),
  level4: Count.describe('level 4 (blue, advisory)'),
  unacknowledged: Count.describe('alarms waiting for acknowledgement (standing or returned to normal)'),
  shelved: Count.describe('shelved alarms (counted in the levels: shelving hides an alarm, not the risk)'),
});
/** Parsed form of {@link AlarmCountsSchema}. */
export type AlarmCounts = z.infer<typeof AlarmCountsSchema>;

/** Telemetry sensors the user may see (valve actuators, power feedback and people's tags are not sensors). */
export const SensorCountsSchema = z.object({
  total: Count,
  online: Count.describe('heard from within 3× their reporting interval'),
  stale: Count.describe('silent for 3× their interval or longer'),
  noData: Count.describe('never heard from'),
});
/** Parsed form of {@link SensorCountsSchema}. */
export type SensorCounts = z.infer<typeof SensorCountsSchema>;

/** Who is on site, and how the hub knows: positioning tags reporting now, or the site description's planned occupancy. */
export const PeopleOnSiteSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('tags'),
    count: Count.describe('tags reporting now (not stale)'),
    tagsTotal: Count.describe('tags the user may see'),
  }),
  z.object({
    source: z.literal('planned-occupancy'),
    count: Count.describe('planned persons for the current shift (not a live count)'),
    shift: z.enum(['day', 'night']).describe('day 08:00–20:00 local mean solar time at the site'),
    dayPersons: Count,
    nightPersons: Count,
  }),
  z.object({ source: z.literal('none'), count: z.literal(0) }),
]);
/** Parsed form of {@link PeopleOnSiteSchema}. */
export type PeopleOnSite = z.infer<typeof PeopleOnSiteSchema>;

/** One site's status as the region wall shows it. */
export const SiteStatusSchema = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(['chemical-park', 'coal-mine']),
  origin: z.object({ latDeg: z.number(), lonDeg: z.number(), altM: z.number() }),
  risk: z.enum(RISK_COLOURS).describe('red: a level-1 alarm stands; orange: level 2; yellow: level 3; blue: advisory only or nothing'),
  worstLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable().describe('the most severe standing level, null when none'),
  alarms: AlarmCountsSchema,
  sensors: SensorCountsSchema,
  people: PeopleOnSiteSchema,
});
/** Parsed form of {@link SiteStatusSchema}. */
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

/** The answer of `GET /sites/status`. */
export const SiteStatusListSchema = z.object({
  asOfMs: z.number().int().describe('hub clock, epoch ms, when the figures were taken'),
  sites: z.array(SiteStatusSchema),
});
/** Parsed form of {@link SiteStatusListSchema}. */
export type SiteStatusList = z.infer<typeof SiteStatusListSchema>;
