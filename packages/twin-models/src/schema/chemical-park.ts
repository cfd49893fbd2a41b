// A chemical park (化工园区): tenants, equipment, pipe network, sensors, roads and refuges.
import { z } from 'zod';
import { CHEMICALS } from '../chemicals.ts';
import {
  DeviceIdSchema, EnterpriseSchema, EnuPlanSchema, EnuSchema, GeoOriginSchema, IdSchema, NameSchema,
  OccupancySchema, PolygonSchema, PositiveM,
} from './common.ts';
import { SensorSchema } from './sensor.ts';

/** A substance a vessel or a pipe holds. */
export const ChemicalSchema = z.enum(CHEMICALS);

/** Equipment kinds of a park. */
export const EQUIPMENT_KINDS = [
  'spherical-tank', 'vertical-tank', 'reactor', 'distillation-column', 'warehouse', 'loading-bay',
  'control-room', 'pressure-station',
] as const;
/** Zod enum of {@link EQUIPMENT_KINDS}. */
export const EquipmentKindSchema = z.enum(EQUIPMENT_KINDS);
/** Parsed form of {@link EquipmentKindSchema}. */
export type EquipmentKind = z.infer<typeof EquipmentKindSchema>;

/** Shape of a piece of equipment, metres; `position` is the centre of its base. */
export const EquipmentGeometrySchema = z.discriminatedUnion('shape', [
  z.strictObject({ shape: z.literal('sphere'), diameterM: PositiveM }),
  z.strictObject({ shape: z.literal('cylinder'), diameterM: PositiveM, heightM: PositiveM }),
  z.strictObject({
    shape: z.literal('box'), lengthM: PositiveM, widthM: PositiveM, heightM: PositiveM,
    /** Grid bearing of the length axis, degrees clockwise from north. */
    headingDeg: z.number().min(0).max(360),
  }),
]);
/** Parsed form of {@link EquipmentGeometrySchema}. */
export type EquipmentGeometry = z.infer<typeof EquipmentGeometrySchema>;

/** A piece of process equipment or a building that holds (or controls) hazardous material. */
export const EquipmentSchema = z
  .strictObject({
    id: IdSchema,
    enterpriseId: IdSchema,
    kind: EquipmentKindSchema,
    name: NameSchema,
    position: EnuSchema,
    geometry: EquipmentGeometrySchema,
    chemical: ChemicalSchema.nullable(),
    /** Mole fractions of a mixture, % (e.g. sour gas, LPG); absent for pure substances. */
    compositionMolPct: z.record(z.string(), z.number().min(0).max(100)).optional(),
    /** Mass of the chemical held at normal inventory, kg. */
    inventoryKg: z.number().nonnegative(),
    /** Gauge pressures, kPa; null for unpressurised items. */
    designPressureKpa: z.number().nullable(),
    operatingPressureKpa: z.number().nullable(),
    /** Temperatures, °C; null where not a process item. */
    designTempC: z.number().nullable(),
    operatingTempC: z.number().nullable(),
    /** The bund (防火堤) a tank stands in. */
    dikeId: IdSchema.optional(),
    /** People usually present (control rooms, warehouses, loading bays). */
    occupancy: OccupancySchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.chemical === null && e.inventoryKg !== 0) ctx.addIssue({ code: 'custom', path: ['inventoryKg'], message: 'equipment without a chemical must hold 0 kg' });
    if (e.chemical !== null && e.inventoryKg <= 0) ctx.addIssue({ code: 'custom', path: ['inventoryKg'], message: 'equipment holding a chemical needs a positive inventory' });
    if ((e.designPressureKpa === null) !== (e.operatingPressureKpa === null)) {
      ctx.addIssue({ code: 'custom', path: ['operatingPressureKpa'], message: 'give both design and operating pressure, or neither' });
    } else if (e.designPressureKpa !== null && e.operatingPressureKpa !== null && e.operatingPressureKpa >= e.designPressureKpa) {
      ctx.addIssue({ code: 'custom', path: ['operatingPressureKpa'], message: 'operating pressure must be below design pressure' });
    }
    if (e.compositionMolPct) {
      const sum = Object.values(e.compositionMolPct).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 100) > 0.5) ctx.addIssue({ code: 'custom', path: ['compositionMolPct'], message: `mole fractions sum to ${sum} %, expected 100 %` });
    }
  });
/** Parsed form of {@link EquipmentSchema}. */
export type Equipment = z.infer<typeof EquipmentSchema>;

/** A bund (防火堤) around a tank group: plan polygon and wall height. */
export const DikeSchema = z.strictObject({
  id: IdSchema,
  enterpriseId: IdSchema,
  polygon: PolygonSchema,
  heightM: PositiveM,
  /** Volume the bund holds, m³ (area × height). */
  capacityM3: PositiveM,
});
/** Parsed form of {@link DikeSchema}. */
export type Dike = z.infer<typeof DikeSchema>;

/** Kinds of pipe-network node. */
export const PIPE_NODE_KINDS = ['nozzle', 'junction', 'valve'] as const;

/** A node of the pipe graph: an equipment nozzle, a junction (tee, header) or a valve. */
export const PipeNodeSchema = z
  .strictObject({
    id: IdSchema,
    kind: z.enum(PIPE_NODE_KINDS),
    position: EnuSchema,
    /** The equipment a nozzle belongs to. */
    equipmentId: IdSchema.optional(),
  })
  .refine((n) => n.kind !== 'nozzle' || n.equipmentId !== undefined, { message: 'a nozzle needs an equipmentId', path: ['equipmentId'] });
/** Parsed form of {@link PipeNodeSchema}. */
export type PipeNode = z.infer<typeof PipeNodeSchema>;

/** A pipe run between two nodes. */
export const PipeSegmentSchema = z
  .strictObject({
    id: IdSchema,
    from: IdSchema,
    to: IdSchema,
    /** Routed length, m (at least the straight distance between the nodes). */
    lengthM: PositiveM,
    /** Nominal bore, mm. */
    diameterMm: PositiveM,
    chemical: ChemicalSchema,
    /** Normal flow from → to, kg/s. */
    normalFlowKgS: z.number().nonnegative(),
    designPressureKpa: z.number().positive(),
    /** Owner; null for the park's shared pipe corridor (公共管廊). */
    enterpriseId: IdSchema.nullable(),
  })
  .refine((s) => s.from !== s.to, { message: 'a segment must join two different nodes', path: ['to'] });
/** Parsed form of {@link PipeSegmentSchema}. */
export type PipeSegment = z.infer<typeof PipeSegmentSchema>;

/** A valve sitting on a valve node; actuated ESD valves (紧急切断阀) take commands through `deviceId`. */
export const ValveSchema = z
  .strictObject({
    id: IdSchema,
    nodeId: IdSchema,
    enterpriseId: IdSchema.nullable(),
    name: NameSchema,
    /** esd: emergency shut-off; isolation: block valve; root: first valve on a vessel nozzle. */
    function: z.enum(['esd', 'isolation', 'root']),
    actuation: z.enum(['remote', 'manual']),
    /** Device that takes `valve.close`/`valve.open` and reports `open_pct`; null for manual valves. */
    deviceId: DeviceIdSchema.nullable(),
    /** Position-report interval of an actuated valve, ms. */
    intervalMs: z.number().int().positive().default(1000),
    normallyOpen: z.boolean(),
    /** Full stroke time of an actuated valve, s. */
    strokeTimeS: z.number().positive().nullable(),
  })
  .superRefine((v, ctx) => {
    if ((v.actuation === 'remote') !== (v.deviceId !== null)) {
      ctx.addIssue({ code: 'custom', path: ['deviceId'], message: 'remote valves need a deviceId; manual valves must have none' });
    }
    if ((v.actuation === 'remote') !== (v.strokeTimeS !== null)) {
      ctx.addIssue({ code: 'custom', path: ['strokeTimeS'], message: 'remote valves need a stroke time; manual valves must have none' });
    }
  });
/** Parsed form of {@link ValveSchema}. */
export type Valve = z.infer<typeof ValveSchema>;

/** The park's pipe graph. */
export const PipeNetworkSchema = z.strictObject({
  nodes: z.array(PipeNodeSchema),
  segments: z.array(PipeSegmentSchema),
  valves: z.array(ValveSchema),
});
/** Parsed form of {@link PipeNetworkSchema}. */
export type PipeNetwork = z.infer<typeof PipeNetworkSchema>;

/** A road junction or end (plan position and grade). */
export const RoadNodeSchema = z.strictObject({ id: IdSchema, position: EnuSchema });
/** Parsed form of {@link RoadNodeSchema}. */
export type RoadNode = z.infer<typeof RoadNodeSchema>;

/** A road between two nodes; two-way. */
export const RoadEdgeSchema = z
  .strictObject({ id: IdSchema, name: NameSchema, from: IdSchema, to: IdSchema, lengthM: PositiveM, widthM: PositiveM })
  .refine((e) => e.from !== e.to, { message: 'a road must join two different nodes', path: ['to'] });
/** Parsed form of {@link RoadEdgeSchema}. */
export type RoadEdge = z.infer<typeof RoadEdgeSchema>;

/** The park's road graph. */
export const RoadNetworkSchema = z.strictObject({ nodes: z.array(RoadNodeSchema), edges: z.array(RoadEdgeSchema) });
/** Parsed form of {@link RoadNetworkSchema}. */
export type RoadNetwork = z.infer<typeof RoadNetworkSchema>;

/** A gate in the park fence, on a road node. */
export const GateSchema = z.strictObject({ id: IdSchema, name: NameSchema, roadNodeId: IdSchema, position: EnuPlanSchema, widthM: PositiveM });
/** Parsed form of {@link GateSchema}. */
export type Gate = z.infer<typeof GateSchema>;

/** An assembly point (紧急集合点) for evacuation. */
export const AssemblyPointSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  position: EnuPlanSchema,
  /** Persons it holds (≈ 0.5 m² each on open ground). */
  capacityPersons: z.number().int().positive(),
  /** Road node people walk to. */
  roadNodeId: IdSchema,
});
/** Parsed form of {@link AssemblyPointSchema}. */
export type AssemblyPoint = z.infer<typeof AssemblyPointSchema>;

/** A building people work in (office, canteen, fire station …) with its usual occupancy. */
export const BuildingSchema = z.strictObject({
  id: IdSchema,
  enterpriseId: IdSchema.nullable(),
  kind: z.enum(['office', 'canteen', 'fire-station', 'laboratory', 'substation', 'command-center', 'workshop', 'gatehouse']),
  name: NameSchema,
  position: EnuSchema,
  geometry: z.strictObject({ shape: z.literal('box'), lengthM: PositiveM, widthM: PositiveM, heightM: PositiveM, headingDeg: z.number().min(0).max(360) }),
  occupancy: OccupancySchema,
});
/** Parsed form of {@link BuildingSchema}. */
export type Building = z.infer<typeof BuildingSchema>;

/** The fields of a chemical park (cross-references checked separately, see references.ts). */
export const ChemicalParkShape = z.strictObject({
  kind: z.literal('chemical-park'),
  id: IdSchema,
  name: NameSchema,
  description: z.string(),
  origin: GeoOriginSchema,
  boundary: PolygonSchema,
  enterprises: z.array(EnterpriseSchema).min(1),
  equipment: z.array(EquipmentSchema),
  dikes: z.array(DikeSchema),
  pipes: PipeNetworkSchema,
  sensors: z.array(SensorSchema),
  roads: RoadNetworkSchema,
  gates: z.array(GateSchema),
  assemblyPoints: z.array(AssemblyPointSchema),
  buildings: z.array(BuildingSchema),
});
