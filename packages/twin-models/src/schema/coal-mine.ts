// An underground coal mine (矿山): roadway and ventilation graph, equipment with power
// control, sensors, UWB positioning and the people underground.
import { z } from 'zod';
import {
  DeviceIdSchema, EnterpriseSchema, EnuSchema, GeoOriginSchema, IdSchema, NameSchema, PolygonSchema, PositiveM,
} from './common.ts';
import { SensorSchema } from './sensor.ts';

/** Kinds of mine airway; `vent-duct` is an auxiliary-fan duct (风筒), part of the ventilation network but not walkable. */
export const ROADWAY_KINDS = [
  'shaft', 'intake-airway', 'return-airway', 'haulage', 'longwall-face', 'heading', 'vent-duct',
] as const;
/** Zod enum of {@link ROADWAY_KINDS}. */
export const RoadwayKindSchema = z.enum(ROADWAY_KINDS);
/** Parsed form of {@link RoadwayKindSchema}. */
export type RoadwayKind = z.infer<typeof RoadwayKindSchema>;

/** A roadway junction, shaft collar or shaft bottom; depth is negative `upM`. */
export const RoadwayNodeSchema = z.strictObject({ id: IdSchema, name: NameSchema.optional(), position: EnuSchema });
/** Parsed form of {@link RoadwayNodeSchema}. */
export type RoadwayNode = z.infer<typeof RoadwayNodeSchema>;

/**
 * A roadway (or shaft, or duct) between two nodes. Edges are oriented along the airflow:
 * air flows from `from` to `to` at `airSpeedMS`.
 */
export const RoadwaySchema = z
  .strictObject({
    id: IdSchema,
    name: NameSchema,
    kind: RoadwayKindSchema,
    from: IdSchema,
    to: IdSchema,
    lengthM: PositiveM,
    /** Net cross-section, m². */
    crossSectionM2: PositiveM,
    /** Air quantity, m³/s, flowing from → to. */
    airflowM3S: z.number().nonnegative(),
    /** Mean air speed = airflow / cross-section, m/s. */
    airSpeedMS: z.number().nonnegative(),
    /** Allowed air speed for this use, m/s (煤矿安全规程 table of permitted air speeds); null bounds are unregulated. */
    airSpeedLimitsMS: z.strictObject({ min: z.number().nonnegative().nullable(), max: z.number().positive().nullable() }),
  })
  .refine((r) => r.from !== r.to, { message: 'a roadway must join two different nodes', path: ['to'] });
/** Parsed form of {@link RoadwaySchema}. */
export type Roadway = z.infer<typeof RoadwaySchema>;

/** The mine's roadway graph. */
export const RoadwayNetworkSchema = z.strictObject({ nodes: z.array(RoadwayNodeSchema), edges: z.array(RoadwaySchema) });
/** Parsed form of {@link RoadwayNetworkSchema}. */
export type RoadwayNetwork = z.infer<typeof RoadwayNetworkSchema>;

/** Kinds of mine equipment with a power supply. */
export const MINE_EQUIPMENT_KINDS = [
  'shearer', 'armoured-face-conveyor', 'stage-loader', 'crusher', 'belt-conveyor', 'emulsion-pump',
  'mobile-substation', 'transformer', 'water-pump', 'winch', 'roadheader', 'auxiliary-fan', 'main-fan',
  'monitoring-outstation', 'support-control',
] as const;

/** An electrically powered machine; its `deviceId` reports `powered` and takes power commands. */
export const MineEquipmentSchema = z.strictObject({
  id: IdSchema,
  deviceId: DeviceIdSchema,
  kind: z.enum(MINE_EQUIPMENT_KINDS),
  name: NameSchema,
  /** Roadway it stands in; null on the surface. */
  roadwayId: IdSchema.nullable(),
  position: EnuSchema,
  /** Intrinsically safe (本质安全型) equipment is outside every methane power-cut range. */
  intrinsicallySafe: z.boolean(),
  ratedPowerKw: PositiveM,
  voltageV: PositiveM,
  /** Whether the hub may cut and restore it remotely; main and auxiliary fans may not (风电闭锁). */
  remotePowerControl: z.boolean(),
  /** `powered` feedback interval, ms. */
  intervalMs: z.number().int().positive().default(1000),
});
/** Parsed form of {@link MineEquipmentSchema}. */
export type MineEquipment = z.infer<typeof MineEquipmentSchema>;

/** A UWB anchor (定位基站) on a roadway at a chainage (metres from the roadway's `from` node). */
export const UwbAnchorSchema = z.strictObject({
  id: IdSchema,
  roadwayId: IdSchema,
  chainageM: z.number().nonnegative(),
  position: EnuSchema,
});
/** Parsed form of {@link UwbAnchorSchema}. */
export type UwbAnchor = z.infer<typeof UwbAnchorSchema>;

/** A refuge chamber (避难硐室). */
export const RefugeChamberSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  roadwayId: IdSchema,
  position: EnuSchema,
  capacityPersons: z.number().int().positive(),
  /** Hours of life support for the rated number of persons (煤矿安全规程: ≥ 96 h). */
  autonomyH: z.number().positive(),
});
/** Parsed form of {@link RefugeChamberSchema}. */
export type RefugeChamber = z.infer<typeof RefugeChamberSchema>;

/** A miner with a UWB tag; the tag reports `east_m`, `north_m`, `up_m`, `battery_pct`, `sos`. */
export const MinerSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  tagDeviceId: DeviceIdSchema,
  tagIntervalMs: z.number().int().positive().default(1000),
  team: z.string().min(1),
  /** Roadway of the usual work place. */
  workplaceRoadwayId: IdSchema,
});
/** Parsed form of {@link MinerSchema}. */
export type Miner = z.infer<typeof MinerSchema>;

/**
 * A personnel zone (人员定位区域, AQ 6210-2007 §4 / AQ 1048-2007 §5: the positioning system
 * counts the people in each zone, alarms on overcrowding, on entry into a restricted zone and on
 * overtime): a set of walkable roadways, the most people allowed in it at once (null: no limit)
 * and whether it is restricted (only the authorized teams may enter, e.g. the total return
 * airway, or a heading cleared for blasting).
 */
export const PersonnelZoneSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  roadwayIds: z.array(IdSchema).min(1),
  /** Most people in the zone at once (煤矿井下单班作业人数限员规定); null: no limit. */
  headcountLimit: z.number().int().positive().nullable(),
  /** Entry is an alarm for anyone outside `authorizedTeams`. */
  restricted: z.boolean().default(false),
  /** Teams (Miner.team) that may enter while the zone is restricted. */
  authorizedTeams: z.array(z.string().min(1)).default([]),
  /** Where the limit or the restriction comes from. */
  basis: z.string().min(1),
});
/** Parsed form of {@link PersonnelZoneSchema}. */
export type PersonnelZone = z.infer<typeof PersonnelZoneSchema>;

/** The fields of a coal mine (cross-references checked separately, see references.ts). */
export const CoalMineShape = z.strictObject({
  kind: z.literal('coal-mine'),
  id: IdSchema,
  name: NameSchema,
  description: z.string(),
  origin: GeoOriginSchema,
  /** Mine lease (井田) boundary on the surface. */
  boundary: PolygonSchema,
  enterprises: z.array(EnterpriseSchema).min(1),
  roadways: RoadwayNetworkSchema,
  equipment: z.array(MineEquipmentSchema),
  sensors: z.array(SensorSchema),
  uwbAnchors: z.array(UwbAnchorSchema),
  refugeChambers: z.array(RefugeChamberSchema),
  miners: z.array(MinerSchema),
  /** Personnel zones with headcount limits and restrictions (additive; none by default). */
  personnelZones: z.array(PersonnelZoneSchema).default([]),
});
