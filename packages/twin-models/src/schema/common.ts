// Building blocks shared by every site description: ids, names, positions, polygons.
import { z } from 'zod';
import { DeviceIdSchema as ProtocolDeviceIdSchema } from '@safetwin/protocol';

/** Entity ids: printable, URL- and MQTT-topic-safe — the wire protocol's device-id rule. */
export const IdSchema = ProtocolDeviceIdSchema;

/** Telemetry device ids (DESIGN.md §4): the same rule as {@link IdSchema}. */
export const DeviceIdSchema = IdSchema;

/** A name in Chinese and English. */
export const NameSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
/** Parsed form of {@link NameSchema}. */
export type Name = z.infer<typeof NameSchema>;

/** Metres east, north and up of the site origin (local tangent plane). */
export const EnuSchema = z.strictObject({ eastM: z.number(), northM: z.number(), upM: z.number() });

/** Metres east and north of the site origin (plan). */
export const EnuPlanSchema = z.strictObject({ eastM: z.number(), northM: z.number() });

/** A simple plan polygon, vertices in order, not closed (the last vertex is not the first repeated). */
export const PolygonSchema = z.array(EnuPlanSchema).min(3, 'a polygon needs at least 3 vertices');

/** WGS84 anchor of a site: degrees and ellipsoidal height in metres. */
export const GeoOriginSchema = z.strictObject({
  latDeg: z.number().min(-90).max(90),
  lonDeg: z.number().min(-180).max(180),
  altM: z.number(),
});

/** A positive, finite length in metres. */
export const PositiveM = z.number().positive();

/** Persons present in a place by day and by night (for evacuation and consequence estimates). */
export const OccupancySchema = z.strictObject({
  dayPersons: z.number().int().nonnegative(),
  nightPersons: z.number().int().nonnegative(),
});
/** Parsed form of {@link OccupancySchema}. */
export type Occupancy = z.infer<typeof OccupancySchema>;

/** A tenant or operator: one file per enterprise (一企一档). */
export const EnterpriseSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  /** Trade, e.g. 'chlor-alkali'. */
  industry: z.string().min(1),
  /** Fence line of the enterprise's plot (parks); the mine lease for a mine operator. */
  plot: PolygonSchema,
  /** Emergency contact number of the enterprise's duty room. */
  dutyPhone: z.string().min(3),
});
/** Parsed form of {@link EnterpriseSchema}. */
export type Enterprise = z.infer<typeof EnterpriseSchema>;
