// Demo chemical park: where things stand. A fictitious park of seven tenants on a 2.4 × 1.6 km
// site by the Yangtze north of Nanjing. Road grid: streets (N–S) at east −1100/−400/0/400/1100 m,
// avenues (E–W) at north −700/−250/250/700 m; each tenant fills one block, 30 m in from the roads.
import type { z } from 'zod';
import type { BuildingSchema, DikeSchema, EquipmentSchema } from '../../schema/chemical-park.ts';
import type { EnterpriseSchema } from '../../schema/common.ts';
import type { Chemical } from '../../chemicals.ts';
import type { GeoOrigin } from '../../geo.ts';
import { polygonAreaM2 } from '../../geometry.ts';
import { enu, rect } from '../util.ts';

type EquipmentInput = z.input<typeof EquipmentSchema>;
type DikeInput = z.input<typeof DikeSchema>;
type EnterpriseInput = z.input<typeof EnterpriseSchema>;
type BuildingInput = z.input<typeof BuildingSchema>;

/** Site id of the demo park. */
export const PARK_ID = 'cp-nanjing';

/** Park origin: the emergency command centre block, Jiangbei, Nanjing (WGS84, ellipsoidal height). */
export const PARK_ORIGIN: GeoOrigin = { latDeg: 32.2650, lonDeg: 118.8150, altM: 8 };

/** Park fence (north-east corner cut by the riverside road). */
export const PARK_BOUNDARY = [
  { eastM: -1200, northM: -800 },
  { eastM: 1150, northM: -800 },
  { eastM: 1200, northM: -750 },
  { eastM: 1200, northM: 800 },
  { eastM: -1200, northM: 800 },
];

/** Street (N–S) centre lines, m east of the origin. */
export const STREETS_EAST_M = [-1100, -400, 0, 400, 1100] as const;
/** Avenue (E–W) centre lines, m north of the origin. */
export const AVENUES_NORTH_M = [-700, -250, 250, 700] as const;

/** Block of the road grid: column 0..3 (west→east), row 0..2 (south→north), inset from the road centre lines. */
export function block(col: number, row: number, insetM = 30) {
  const w = STREETS_EAST_M[col]!, e = STREETS_EAST_M[col + 1]!, s = AVENUES_NORTH_M[row]!, n = AVENUES_NORTH_M[row + 1]!;
  return { minE: w + insetM, maxE: e - insetM, minN: s + insetM, maxN: n - insetM };
}

const plot = (col: number, row: number) => {
  const b = block(col, row);
  return rect(b.minE, b.minN, b.maxE, b.maxN);
};

/** The tenants (all fictitious), each on one block. */
export const PARK_ENTERPRISES: EnterpriseInput[] = [
  { id: 'CP-E1', name: { zh: '江北氯碱化工有限公司', en: 'Jiangbei Chlor-Alkali Co., Ltd.' }, industry: 'chlor-alkali', plot: plot(0, 1), dutyPhone: '025-5861-0101' },
  { id: 'CP-E2', name: { zh: '滨江合成氨有限公司', en: 'Binjiang Ammonia Co., Ltd.' }, industry: 'ammonia', plot: plot(3, 1), dutyPhone: '025-5861-0202' },
  { id: 'CP-E3', name: { zh: '临江天然气净化有限公司', en: 'Linjiang Sour Gas Treating Co., Ltd.' }, industry: 'gas-processing', plot: plot(3, 0), dutyPhone: '025-5861-0303' },
  { id: 'CP-E4', name: { zh: '沿江燃气储运有限公司', en: 'Yanjiang Gas Storage Co., Ltd.' }, industry: 'gas-storage', plot: plot(0, 0), dutyPhone: '025-5861-0404' },
  { id: 'CP-E5', name: { zh: '新材精细化工有限公司', en: 'Xincai Fine Chemicals Co., Ltd.' }, industry: 'fine-chemicals', plot: plot(1, 1), dutyPhone: '025-5861-0505' },
  { id: 'CP-E6', name: { zh: '华宁工业气体有限公司', en: 'Huaning Industrial Gases Co., Ltd.' }, industry: 'industrial-gases', plot: plot(2, 0), dutyPhone: '025-5861-0606' },
  { id: 'CP-E7', name: { zh: '江北危化品物流有限公司', en: 'Jiangbei Hazchem Logistics Co., Ltd.' }, industry: 'hazchem-logistics', plot: plot(2, 1), dutyPhone: '025-5861-0707' },
];

type Geometry = EquipmentInput['geometry'];
const sphere = (diameterM: number): Geometry => ({ shape: 'sphere', diameterM });
const cyl = (diameterM: number, heightM: number): Geometry => ({ shape: 'cylinder', diameterM, heightM });
const box = (lengthM: number, widthM: number, heightM: number, headingDeg = 90): Geometry => ({ shape: 'box', lengthM, widthM, heightM, headingDeg });

interface Process {
  chemical: Chemical | null;
  inventoryKg?: number;
  /** [design, operating] gauge pressure, kPa. */
  p?: [number, number];
  /** [design, operating] temperature, °C. */
  t?: [number, number];
  dikeId?: string;
  occupancy?: [day: number, night: number];
  composition?: Record<string, number>;
}

function eq(
  enterpriseId: string, tag: string, kind: EquipmentInput['kind'], name: [zh: string, en: string],
  at: [east: number, north: number], geometry: Geometry, pr: Process,
): EquipmentInput {
  return {
    id: `${enterpriseId}-${tag}`,
    enterpriseId,
    kind,
    name: { zh: name[0], en: name[1] },
    position: enu(at[0], at[1], 0),
    geometry,
    chemical: pr.chemical,
    ...(pr.composition ? { compositionMolPct: pr.composition } : {}),
    inventoryKg: pr.inventoryKg ?? 0,
    designPressureKpa: pr.p?.[0] ?? null,
    operatingPressureKpa: pr.p?.[1] ?? null,
    designTempC: pr.t?.[0] ?? null,
    operatingTempC: pr.t?.[1] ?? null,
    ...(pr.dikeId ? { dikeId: pr.dikeId } : {}),
    ...(pr.occupancy ? { occupancy: { dayPersons: pr.occupancy[0], nightPersons: pr.occupancy[1] } } : {}),
  };
}

const SOUR_GAS = { CH4: 85, H2S: 10, CO2: 5 };
const LPG_MIX = { C3H8: 60, C4H10: 40 };
const ctrl = (e: string, at: [number, number], occ: [number, number]) =>
  eq(e, 'CR-01', 'control-room', ['中央控制室', 'central control room'], at, box(30, 15, 5), { chemical: null, occupancy: occ });

/** All process equipment and storage of the park. Pressures are gauge. */
export const PARK_EQUIPMENT: EquipmentInput[] = [
  // E1 chlor-alkali: liquid chlorine spheres, hydrochloric acid tanks, cell house, HCl furnace, filling.
  eq('CP-E1', 'TK-01', 'spherical-tank', ['1#液氯球罐', 'liquid chlorine sphere 1'], [-905, 130], sphere(9), { chemical: 'Cl2', inventoryKg: 150_000, p: [1600, 800], t: [50, 25], dikeId: 'CP-E1-DK-01' }),
  eq('CP-E1', 'TK-02', 'spherical-tank', ['2#液氯球罐', 'liquid chlorine sphere 2'], [-885, 130], sphere(9), { chemical: 'Cl2', inventoryKg: 150_000, p: [1600, 800], t: [50, 25], dikeId: 'CP-E1-DK-01' }),
  eq('CP-E1', 'TK-03', 'vertical-tank', ['1#盐酸储罐', 'hydrochloric acid tank 1'], [-800, 130], cyl(10, 12), { chemical: 'HCl', inventoryKg: 180_000, p: [5, 1], t: [60, 25], dikeId: 'CP-E1-DK-02' }),
  eq('CP-E1', 'TK-04', 'vertical-tank', ['2#盐酸储罐', 'hydrochloric acid tank 2'], [-775, 130], cyl(10, 12), { chemical: 'HCl', inventoryKg: 180_000, p: [5, 1], t: [60, 25], dikeId: 'CP-E1-DK-02' }),
  eq('CP-E1', 'R-01', 'reactor', ['电解槽厂房', 'membrane cell house'], [-700, 30], box(60, 20, 10), { chemical: 'Cl2', inventoryKg: 300, p: [100, 20], t: [100, 85] }),
  eq('CP-E1', 'R-02', 'reactor', ['氯化氢合成炉', 'HCl synthesis furnace'], [-640, 30], cyl(3, 15), { chemical: 'HCl', inventoryKg: 150, p: [100, 30], t: [450, 350] }),
  eq('CP-E1', 'WH-01', 'warehouse', ['液氯钢瓶库及充装站', 'chlorine cylinder store and filling'], [-560, 130], box(40, 20, 8), { chemical: 'Cl2', inventoryKg: 30_000, occupancy: [4, 1] }),
  eq('CP-E1', 'LB-01', 'loading-bay', ['液氯槽车装车站', 'chlorine tanker loading bay'], [-560, -120], box(30, 12, 6), { chemical: 'Cl2', inventoryKg: 20_000, occupancy: [3, 1] }),
  ctrl('CP-E1', [-950, -150], [12, 6]),

  // E2 ammonia: synthesis loop, stripper, ambient spheres, refrigerated tank, loading.
  eq('CP-E2', 'TK-01', 'spherical-tank', ['1#液氨球罐', 'ammonia sphere 1'], [560, 130], sphere(15.7), { chemical: 'NH3', inventoryKg: 800_000, p: [2160, 1200], t: [50, 25], dikeId: 'CP-E2-DK-01' }),
  eq('CP-E2', 'TK-02', 'spherical-tank', ['2#液氨球罐', 'ammonia sphere 2'], [590, 130], sphere(15.7), { chemical: 'NH3', inventoryKg: 800_000, p: [2160, 1200], t: [50, 25], dikeId: 'CP-E2-DK-01' }),
  eq('CP-E2', 'TK-03', 'vertical-tank', ['低温液氨储罐', 'refrigerated ammonia tank'], [680, 120], cyl(26, 20), { chemical: 'NH3', inventoryKg: 5_000_000, p: [15, 8], t: [-20, -33], dikeId: 'CP-E2-DK-02' }),
  eq('CP-E2', 'R-01', 'reactor', ['氨合成塔', 'ammonia converter'], [850, 20], cyl(3.2, 30), { chemical: 'NH3', inventoryKg: 2_500, p: [15_700, 14_000], t: [520, 480] }),
  eq('CP-E2', 'R-02', 'reactor', ['一氧化碳变换炉', 'CO shift converter'], [900, 20], cyl(4, 18), { chemical: 'CO', inventoryKg: 600, p: [4000, 3500], t: [460, 430] }),
  eq('CP-E2', 'C-01', 'distillation-column', ['氨汽提塔', 'ammonia stripper'], [950, 20], cyl(2.4, 35), { chemical: 'NH3', inventoryKg: 3_000, p: [2000, 1700], t: [180, 150] }),
  eq('CP-E2', 'LB-01', 'loading-bay', ['液氨装车站', 'ammonia loading bay'], [1000, -150], box(30, 12, 6), { chemical: 'NH3', inventoryKg: 25_000, occupancy: [3, 1] }),
  ctrl('CP-E2', [500, -150], [14, 7]),

  // E3 sour-gas treating: slug catcher, amine absorber/regenerator, Claus unit, sour water, NGL → LPG.
  eq('CP-E3', 'TK-01', 'vertical-tank', ['原料气段塞流捕集器', 'sour gas slug catcher'], [520, -480], cyl(6, 15), { chemical: 'sour-gas', composition: SOUR_GAS, inventoryKg: 20_000, p: [8500, 7000], t: [60, 25] }),
  eq('CP-E3', 'C-01', 'distillation-column', ['胺法脱硫吸收塔', 'amine absorber'], [560, -380], cyl(3, 30), { chemical: 'sour-gas', composition: SOUR_GAS, inventoryKg: 4_000, p: [8000, 6500], t: [60, 40] }),
  eq('CP-E3', 'C-02', 'distillation-column', ['胺液再生塔', 'amine regenerator'], [600, -380], cyl(2.5, 28), { chemical: 'H2S', inventoryKg: 600, p: [300, 100], t: [150, 120] }),
  eq('CP-E3', 'R-01', 'reactor', ['克劳斯硫磺回收反应器', 'Claus sulfur recovery reactor'], [680, -380], cyl(4, 10), { chemical: 'H2S', inventoryKg: 300, p: [150, 60], t: [400, 330] }),
  eq('CP-E3', 'TK-02', 'vertical-tank', ['酸性水储罐', 'sour water tank'], [560, -600], cyl(12, 14), { chemical: 'H2S', inventoryKg: 400, p: [5, 1], t: [80, 50], dikeId: 'CP-E3-DK-02' }),
  eq('CP-E3', 'C-03', 'distillation-column', ['脱丙烷塔', 'depropaniser'], [800, -380], cyl(2, 40), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 5_000, p: [2000, 1650], t: [120, 90] }),
  eq('CP-E3', 'TK-03', 'spherical-tank', ['1#液化气球罐', 'LPG sphere 1'], [900, -560], sphere(12.3), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 450_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E3-DK-01' }),
  eq('CP-E3', 'TK-04', 'spherical-tank', ['2#液化气球罐', 'LPG sphere 2'], [930, -560], sphere(12.3), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 450_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E3-DK-01' }),
  eq('CP-E3', 'TK-05', 'vertical-tank', ['燃料气柜', 'fuel gas holder'], [1000, -420], cyl(20, 25), { chemical: 'CH4', inventoryKg: 6_000, p: [6, 3], t: [50, 25] }),
  ctrl('CP-E3', [480, -640], [15, 8]),

  // E4 gas storage: LPG and propane spheres, tanker loading, natural-gas city-gate station.
  eq('CP-E4', 'TK-01', 'spherical-tank', ['1#液化石油气球罐', 'LPG sphere 1'], [-1000, -400], sphere(15.7), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 900_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-01' }),
  eq('CP-E4', 'TK-02', 'spherical-tank', ['2#液化石油气球罐', 'LPG sphere 2'], [-970, -400], sphere(15.7), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 900_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-01' }),
  eq('CP-E4', 'TK-03', 'spherical-tank', ['3#液化石油气球罐', 'LPG sphere 3'], [-1000, -370], sphere(15.7), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 900_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-01' }),
  eq('CP-E4', 'TK-04', 'spherical-tank', ['4#液化石油气球罐', 'LPG sphere 4'], [-970, -370], sphere(15.7), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 900_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-01' }),
  eq('CP-E4', 'TK-05', 'spherical-tank', ['1#丙烷球罐', 'propane sphere 1'], [-890, -400], sphere(12.3), { chemical: 'C3H8', inventoryKg: 450_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-02' }),
  eq('CP-E4', 'TK-06', 'spherical-tank', ['2#丙烷球罐', 'propane sphere 2'], [-865, -400], sphere(12.3), { chemical: 'C3H8', inventoryKg: 450_000, p: [1770, 1000], t: [50, 25], dikeId: 'CP-E4-DK-02' }),
  eq('CP-E4', 'LB-01', 'loading-bay', ['液化石油气装车站', 'LPG tanker loading bay'], [-700, -600], box(40, 15, 7), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 30_000, occupancy: [4, 2] }),
  eq('CP-E4', 'LB-02', 'loading-bay', ['丙烷装车站', 'propane loading bay'], [-620, -600], box(30, 12, 6), { chemical: 'C3H8', inventoryKg: 15_000, occupancy: [2, 1] }),
  eq('CP-E4', 'PS-01', 'pressure-station', ['天然气门站', 'natural gas city-gate station'], [-520, -400], box(30, 20, 5), { chemical: 'CH4', inventoryKg: 800, p: [6300, 4000], t: [60, 15], occupancy: [2, 1] }),
  ctrl('CP-E4', [-760, -330], [10, 5]),

  // E5 fine chemicals: chlorination, amination, sulfonation, HCl absorption, liquid SO2.
  eq('CP-E5', 'R-01', 'reactor', ['氯化反应釜', 'chlorination reactor'], [-300, 100], cyl(2.8, 6), { chemical: 'Cl2', inventoryKg: 800, p: [600, 300], t: [150, 90] }),
  eq('CP-E5', 'R-02', 'reactor', ['胺化反应釜', 'amination reactor'], [-250, 100], cyl(2.5, 6), { chemical: 'NH3', inventoryKg: 1_200, p: [2500, 1800], t: [200, 150] }),
  eq('CP-E5', 'R-03', 'reactor', ['磺化反应釜', 'sulfonation reactor'], [-200, 100], cyl(2.5, 5), { chemical: 'SO2', inventoryKg: 500, p: [1000, 400], t: [120, 70] }),
  eq('CP-E5', 'C-01', 'distillation-column', ['副产盐酸吸收塔', 'by-product HCl absorber'], [-150, 100], cyl(1.5, 20), { chemical: 'HCl', inventoryKg: 300, p: [200, 50], t: [90, 60] }),
  eq('CP-E5', 'TK-01', 'vertical-tank', ['液体二氧化硫储罐', 'liquid SO2 tank'], [-120, -120], cyl(4, 8), { chemical: 'SO2', inventoryKg: 60_000, p: [1000, 350], t: [50, 25], dikeId: 'CP-E5-DK-01' }),
  eq('CP-E5', 'WH-01', 'warehouse', ['原料仓库', 'raw material warehouse'], [-300, -130], box(50, 24, 9), { chemical: null, occupancy: [6, 1] }),
  eq('CP-E5', 'CR-01', 'control-room', ['中央控制室', 'central control room'], [-70, 180], box(20, 12, 5), { chemical: null, occupancy: [8, 4] }),

  // E6 industrial gases: steam-methane reformer, CO cold box, CO and natural-gas buffers, filling.
  eq('CP-E6', 'R-01', 'reactor', ['甲烷蒸汽转化炉', 'steam methane reformer'], [100, -380], cyl(6, 20), { chemical: 'CH4', inventoryKg: 1_000, p: [3000, 2500], t: [900, 850] }),
  eq('CP-E6', 'C-01', 'distillation-column', ['一氧化碳冷箱', 'CO cold box'], [170, -380], cyl(4, 40), { chemical: 'CO', inventoryKg: 1_500, p: [3000, 2600], t: [-120, -170] }),
  eq('CP-E6', 'TK-01', 'vertical-tank', ['一氧化碳缓冲罐', 'CO buffer vessel'], [250, -380], cyl(5, 14), { chemical: 'CO', inventoryKg: 3_000, p: [3000, 2400], t: [50, 25] }),
  eq('CP-E6', 'TK-02', 'vertical-tank', ['天然气缓冲罐', 'natural gas buffer vessel'], [100, -560], cyl(4, 10), { chemical: 'CH4', inventoryKg: 1_500, p: [4000, 3500], t: [50, 25] }),
  eq('CP-E6', 'LB-01', 'loading-bay', ['一氧化碳充装站', 'CO cylinder filling bay'], [300, -600], box(30, 12, 6), { chemical: 'CO', inventoryKg: 1_000, occupancy: [4, 1] }),
  eq('CP-E6', 'CR-01', 'control-room', ['中央控制室', 'central control room'], [200, -640], box(20, 12, 5), { chemical: null, occupancy: [8, 4] }),

  // E7 logistics: cylinder stores and tanker parking.
  eq('CP-E7', 'WH-01', 'warehouse', ['液氯钢瓶仓库', 'chlorine cylinder warehouse'], [100, 120], box(50, 24, 8), { chemical: 'Cl2', inventoryKg: 20_000, occupancy: [3, 1] }),
  eq('CP-E7', 'WH-02', 'warehouse', ['液氨钢瓶仓库', 'ammonia cylinder warehouse'], [200, 120], box(40, 20, 8), { chemical: 'NH3', inventoryKg: 8_000, occupancy: [2, 1] }),
  eq('CP-E7', 'WH-03', 'warehouse', ['液化气钢瓶仓库', 'LPG cylinder warehouse'], [300, 120], box(40, 20, 8), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 10_000, occupancy: [2, 1] }),
  eq('CP-E7', 'LB-01', 'loading-bay', ['危化品槽车停车场', 'hazchem tanker park'], [120, -120], box(60, 30, 6), { chemical: 'LPG', composition: LPG_MIX, inventoryKg: 50_000, occupancy: [6, 3] }),
  eq('CP-E7', 'LB-02', 'loading-bay', ['盐酸槽车装卸站', 'hydrochloric acid tanker bay'], [280, -120], box(40, 20, 6), { chemical: 'HCl', inventoryKg: 20_000, occupancy: [2, 1] }),
  eq('CP-E7', 'CR-01', 'control-room', ['调度控制室', 'dispatch control room'], [320, -185], box(20, 12, 4), { chemical: null, occupancy: [6, 3] }),
];

function dike(id: string, enterpriseId: string, minE: number, minN: number, maxE: number, maxN: number, heightM: number): DikeInput {
  const polygon = rect(minE, minN, maxE, maxN);
  return { id, enterpriseId, polygon, heightM, capacityM3: Math.round(polygonAreaM2(polygon) * heightM) };
}

/** Bunds (防火堤) around the tank groups. */
export const PARK_DIKES: DikeInput[] = [
  dike('CP-E1-DK-01', 'CP-E1', -925, 110, -865, 150, 1.0),
  dike('CP-E1-DK-02', 'CP-E1', -820, 110, -755, 150, 1.5),
  dike('CP-E2-DK-01', 'CP-E2', 540, 110, 610, 150, 1.0),
  dike('CP-E2-DK-02', 'CP-E2', 650, 90, 710, 150, 3.0),
  dike('CP-E3-DK-01', 'CP-E3', 880, -580, 950, -540, 1.0),
  dike('CP-E3-DK-02', 'CP-E3', 540, -620, 580, -580, 1.5),
  dike('CP-E4-DK-01', 'CP-E4', -1025, -425, -945, -345, 1.0),
  dike('CP-E4-DK-02', 'CP-E4', -910, -420, -845, -380, 1.0),
  dike('CP-E5-DK-01', 'CP-E5', -135, -135, -105, -105, 1.2),
];

const bldg = (
  id: string, enterpriseId: string | null, kind: BuildingInput['kind'], name: [string, string], at: [number, number],
  size: [number, number, number], occ: [number, number],
): BuildingInput => ({
  id, enterpriseId, kind, name: { zh: name[0], en: name[1] }, position: enu(at[0], at[1], 0),
  geometry: { shape: 'box', lengthM: size[0], widthM: size[1], heightM: size[2], headingDeg: 90 },
  occupancy: { dayPersons: occ[0], nightPersons: occ[1] },
});

/** Occupied buildings that are not process equipment: park services, offices, gatehouses. */
export const PARK_BUILDINGS: BuildingInput[] = [
  bldg('CP-B-01', null, 'command-center', ['园区应急指挥中心', 'park emergency command centre'], [-200, -420], [40, 25, 15], [60, 15]),
  bldg('CP-B-02', null, 'fire-station', ['园区特勤消防站', 'park special fire station'], [-300, -600], [50, 25, 10], [45, 40]),
  bldg('CP-B-03', null, 'office', ['园区管委会办公楼', 'park administration building'], [-200, 480], [60, 25, 20], [200, 10]),
  bldg('CP-B-04', null, 'canteen', ['园区公共食堂', 'park canteen'], [200, 480], [40, 30, 8], [150, 5]),
  bldg('CP-B-05', null, 'laboratory', ['园区公共检测中心', 'park testing laboratory'], [600, 480], [40, 20, 12], [40, 5]),
  bldg('CP-B-06', null, 'substation', ['110kV园区变电站', '110 kV park substation'], [-800, 480], [40, 30, 10], [2, 1]),
  bldg('CP-B-11', 'CP-E1', 'office', ['江北氯碱综合楼', 'Jiangbei Chlor-Alkali offices'], [-1000, -170], [40, 18, 15], [90, 10]),
  bldg('CP-B-12', 'CP-E2', 'office', ['滨江合成氨综合楼', 'Binjiang Ammonia offices'], [460, -185], [40, 18, 15], [110, 12]),
  bldg('CP-B-13', 'CP-E3', 'office', ['临江天然气综合楼', 'Linjiang Gas offices'], [1020, -640], [36, 16, 12], [70, 8]),
  bldg('CP-B-14', 'CP-E4', 'office', ['沿江燃气综合楼', 'Yanjiang Gas offices'], [-1020, -640], [36, 16, 12], [50, 6]),
  bldg('CP-B-15', 'CP-E5', 'office', ['新材精细化工综合楼', 'Xincai offices'], [-330, 190], [30, 14, 12], [60, 5]),
  bldg('CP-B-16', 'CP-E6', 'office', ['华宁工业气体综合楼', 'Huaning Gases offices'], [330, -460], [30, 14, 12], [40, 5]),
  bldg('CP-B-17', 'CP-E7', 'office', ['江北危化物流调度楼', 'Jiangbei Logistics dispatch building'], [80, -190], [30, 14, 10], [35, 6]),
  bldg('CP-B-21', null, 'gatehouse', ['南大门门卫', 'south gatehouse'], [20, -785], [8, 6, 4], [3, 2]),
  bldg('CP-B-22', null, 'gatehouse', ['西大门门卫', 'west gatehouse'], [-1185, 270], [8, 6, 4], [3, 2]),
  bldg('CP-B-23', null, 'gatehouse', ['东大门门卫', 'east gatehouse'], [1185, -230], [8, 6, 4], [3, 2]),
  bldg('CP-B-24', null, 'gatehouse', ['北大门门卫', 'north gatehouse'], [-380, 785], [8, 6, 4], [3, 2]),
];
