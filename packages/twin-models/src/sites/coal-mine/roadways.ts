// Demo coal mine: the roadway and ventilation graph. Two intake shafts (main skip shaft and
// auxiliary cage shaft) feed a shaft bottom at −450 m; track and belt main roadways run north
// to a longwall panel (headgate → 200 m face → tailgate) and a development heading driven
// west from the main return; all return air leaves by the ventilation shaft. Edges point along
// the airflow; quantities balance at every junction (34 m³/s in, 34 m³/s out).
import type { z } from 'zod';
import type { RoadwayNodeSchema, RoadwaySchema } from '../../schema/coal-mine.ts';
import type { Enu } from '../../geo.ts';
import { distance3dM } from '../../geo.ts';
import { lerpEnu } from '../../geometry.ts';
import { enu, round } from '../util.ts';

type NodeInput = z.input<typeof RoadwayNodeSchema>;
type RoadwayInput = z.input<typeof RoadwaySchema>;

/** Site id of the demo mine. */
export const MINE_ID = 'cm-yangquan';

const NODES: Array<[id: string, zh: string, en: string, at: Enu]> = [
  ['CM-N-S1T', '主井井口', 'main shaft collar', enu(0, 0, 0)],
  ['CM-N-S1B', '主井井底', 'main shaft bottom', enu(0, 0, -450)],
  ['CM-N-S2T', '副井井口', 'auxiliary shaft collar', enu(60, 0, 0)],
  ['CM-N-S2B', '副井井底', 'auxiliary shaft bottom', enu(60, 0, -450)],
  ['CM-N-SB', '井底车场', 'shaft-bottom station', enu(30, 40, -450)],
  ['CM-N-T400', '辅运大巷400', 'track roadway 400', enu(30, 400, -448)],
  ['CM-N-T800', '辅运大巷800', 'track roadway 800', enu(30, 800, -445)],
  ['CM-N-T1100', '辅运大巷1100', 'track roadway 1100', enu(30, 1100, -442)],
  ['CM-N-B400', '胶带大巷400', 'belt roadway 400', enu(80, 400, -448)],
  ['CM-N-B800', '胶带大巷800', 'belt roadway 800', enu(80, 800, -445)],
  ['CM-N-B1100', '胶带大巷1100', 'belt roadway 1100', enu(80, 1100, -442)],
  ['CM-N-HGA', '运输顺槽中段', 'headgate midpoint', enu(580, 1100, -437)],
  ['CM-N-HGE', '工作面机头', 'face headgate end', enu(1080, 1100, -432)],
  ['CM-N-TGE', '工作面机尾', 'face tailgate end', enu(1080, 1300, -428)],
  ['CM-N-TGA', '回风顺槽中段', 'tailgate midpoint', enu(530, 1300, -434)],
  ['CM-N-R1300', '总回风巷1300', 'main return 1300', enu(-20, 1300, -440)],
  ['CM-N-R800', '总回风巷800', 'main return 800', enu(-20, 800, -443)],
  ['CM-N-H1', '掘进巷道中段', 'heading midpoint', enu(-220, 800, -445)],
  ['CM-N-H2', '掘进工作面', 'heading face', enu(-420, 800, -447)],
  ['CM-N-R1600', '回风井井底', 'ventilation shaft bottom', enu(-20, 1600, -440)],
  ['CM-N-RST', '回风井井口', 'ventilation shaft collar', enu(-20, 1600, 15)],
];

type Limits = { min: number | null; max: number | null };
/** Permitted air speeds, m/s, by use (煤矿安全规程 table of permitted air speeds in mine workings). */
const L = {
  materialsShaft: { min: null, max: 12 },
  personsShaft: { min: null, max: 8 },
  fanShaft: { min: null, max: 15 },
  mainAirway: { min: 0.15, max: 8 },
  conveyorOrPanel: { min: 0.25, max: 6 },
  face: { min: 0.25, max: 4 },
  none: { min: null, max: null },
} satisfies Record<string, Limits>;

const shaftArea = (diameterM: number) => round((Math.PI * diameterM ** 2) / 4, 1);

const EDGES: Array<[id: string, zh: string, en: string, kind: RoadwayInput['kind'], from: string, to: string, areaM2: number, airflowM3S: number, limits: Limits, extraLengthM?: number]> = [
  ['CM-R-01', '主井', 'main (skip) shaft', 'shaft', 'CM-N-S1T', 'CM-N-S1B', shaftArea(5.5), 12, L.materialsShaft],
  ['CM-R-02', '副井', 'auxiliary (cage) shaft', 'shaft', 'CM-N-S2T', 'CM-N-S2B', shaftArea(6.5), 22, L.personsShaft],
  ['CM-R-03', '主井井底联络巷', 'main shaft bottom link', 'intake-airway', 'CM-N-S1B', 'CM-N-SB', 16, 12, L.mainAirway],
  ['CM-R-04', '副井井底联络巷', 'auxiliary shaft bottom link', 'intake-airway', 'CM-N-S2B', 'CM-N-SB', 16, 22, L.mainAirway],
  ['CM-R-05', '辅助运输大巷一段', 'track main intake, section 1', 'intake-airway', 'CM-N-SB', 'CM-N-T400', 16, 20, L.mainAirway],
  ['CM-R-06', '辅助运输大巷二段', 'track main intake, section 2', 'intake-airway', 'CM-N-T400', 'CM-N-T800', 16, 20, L.mainAirway],
  ['CM-R-07', '辅助运输大巷三段', 'track main intake, section 3', 'intake-airway', 'CM-N-T800', 'CM-N-T1100', 16, 14, L.mainAirway],
  ['CM-R-08', '胶带运输大巷一段', 'belt main roadway, section 1', 'haulage', 'CM-N-SB', 'CM-N-B400', 16, 14, L.conveyorOrPanel],
  ['CM-R-09', '胶带运输大巷二段', 'belt main roadway, section 2', 'haulage', 'CM-N-B400', 'CM-N-B800', 16, 14, L.conveyorOrPanel],
  ['CM-R-10', '胶带运输大巷三段', 'belt main roadway, section 3', 'haulage', 'CM-N-B800', 'CM-N-B1100', 16, 14, L.conveyorOrPanel],
  ['CM-R-11', '采区进风联络巷', 'panel intake crosscut', 'intake-airway', 'CM-N-T1100', 'CM-N-B1100', 14, 14, L.conveyorOrPanel],
  ['CM-R-12', '工作面运输顺槽外段', 'headgate, outby section', 'haulage', 'CM-N-B1100', 'CM-N-HGA', 14, 28, L.conveyorOrPanel],
  ['CM-R-13', '工作面运输顺槽里段', 'headgate, inby section', 'haulage', 'CM-N-HGA', 'CM-N-HGE', 14, 28, L.conveyorOrPanel],
  ['CM-R-14', '综采工作面', 'longwall face', 'longwall-face', 'CM-N-HGE', 'CM-N-TGE', 11, 28, L.face],
  ['CM-R-15', '工作面回风顺槽里段', 'tailgate, inby section', 'return-airway', 'CM-N-TGE', 'CM-N-TGA', 14, 28, L.conveyorOrPanel],
  ['CM-R-16', '工作面回风顺槽外段', 'tailgate, outby section', 'return-airway', 'CM-N-TGA', 'CM-N-R1300', 14, 28, L.conveyorOrPanel],
  ['CM-R-17', '掘进巷道里段', 'heading, inby section', 'heading', 'CM-N-H2', 'CM-N-H1', 12, 6, L.face],
  ['CM-R-18', '掘进巷道外段', 'heading, outby section', 'heading', 'CM-N-H1', 'CM-N-R800', 12, 6, L.face],
  ['CM-R-19', '总回风巷一段', 'main return, section 1', 'return-airway', 'CM-N-R800', 'CM-N-R1300', 16, 6, L.mainAirway],
  ['CM-R-20', '总回风巷二段', 'main return, section 2', 'return-airway', 'CM-N-R1300', 'CM-N-R1600', 16, 34, L.mainAirway],
  ['CM-R-21', '回风立井', 'ventilation shaft', 'shaft', 'CM-N-R1600', 'CM-N-RST', shaftArea(6), 34, L.fanShaft],
  // Forcing duct (Ø800 mm) from the auxiliary fan in the track roadway to the heading face, routed through a crosscut.
  ['CM-R-22', '局部通风机风筒', 'auxiliary fan duct', 'vent-duct', 'CM-N-T800', 'CM-N-H2', shaftArea(0.8), 6, L.none, 10],
];

/** Builds the roadway graph. */
export function buildMineRoadways(): { nodes: NodeInput[]; edges: RoadwayInput[] } {
  const nodes: NodeInput[] = NODES.map(([id, zh, en, position]) => ({ id, name: { zh, en }, position }));
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  const edges: RoadwayInput[] = EDGES.map(([id, zh, en, kind, from, to, crossSectionM2, airflowM3S, limits, extra]) => ({
    id, name: { zh, en }, kind, from, to,
    lengthM: round(distance3dM(at.get(from)!, at.get(to)!) + (extra ?? 0), 1),
    crossSectionM2, airflowM3S, airSpeedMS: round(airflowM3S / crossSectionM2, 2),
    airSpeedLimitsMS: { ...limits },
  }));
  return { nodes, edges };
}

/** Locates points on roadways by chainage (metres from the `from` node), optionally offset sideways. */
export function roadwayLocator(roadways: { nodes: NodeInput[]; edges: RoadwayInput[] }) {
  const at = new Map(roadways.nodes.map((n) => [n.id, n.position]));
  const byId = new Map(roadways.edges.map((e) => [e.id, e]));
  const edge = (id: string) => {
    const e = byId.get(id);
    if (!e) throw new Error(`unknown roadway ${id}`);
    return e;
  };
  return {
    edge,
    /** Length of a roadway, m. */
    lengthM: (id: string) => edge(id).lengthM,
    /** Point `chainageM` along roadway `id` (negative: from the `to` end), `sideM` to the right of the direction of travel. */
    point(id: string, chainageM: number, sideM = 0): Enu {
      const e = edge(id);
      const a = at.get(e.from)!, b = at.get(e.to)!;
      const c = chainageM < 0 ? e.lengthM + chainageM : chainageM;
      const p = lerpEnu(a, b, Math.min(1, Math.max(0, c / e.lengthM)));
      const dx = b.eastM - a.eastM, dy = b.northM - a.northM, d = Math.hypot(dx, dy) || 1;
      return enu(p.eastM + (dy / d) * sideM, p.northM - (dx / d) * sideM, p.upM);
    },
  };
}
