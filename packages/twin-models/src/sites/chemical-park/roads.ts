// Demo chemical park: the road grid, gates and assembly points.
import type { z } from 'zod';
import type { AssemblyPointSchema, GateSchema, RoadEdgeSchema, RoadNodeSchema } from '../../schema/chemical-park.ts';
import { distance3dM } from '../../geo.ts';
import { enu, round } from '../util.ts';
import { AVENUES_NORTH_M, STREETS_EAST_M } from './layout.ts';

type RoadNodeInput = z.input<typeof RoadNodeSchema>;
type RoadEdgeInput = z.input<typeof RoadEdgeSchema>;

const STREET_NAMES = ['经一路', '经二路', '经三路', '经四路', '经五路'];
const AVENUE_NAMES = ['纬一路', '纬二路', '纬三路', '纬四路'];
const ORDINAL = ['1st', '2nd', '3rd', '4th', '5th'];
/** Carriageway widths, m: the central avenue and street are the main fire-engine routes. */
const AVENUE_WIDTH_M = [12, 24, 15, 12];
const STREET_WIDTH_M = [12, 15, 24, 15, 12];

const nodeId = (col: number, row: number) => `CP-RN-${col}${row}`;

/** Road graph: a 5 × 4 grid of junctions plus one node per gate. */
export function buildParkRoads() {
  const nodes: RoadNodeInput[] = [];
  const edges: RoadEdgeInput[] = [];
  STREETS_EAST_M.forEach((e, c) => AVENUES_NORTH_M.forEach((n, r) => nodes.push({ id: nodeId(c, r), position: enu(e, n, 0) })));
  const pos = new Map(nodes.map((n) => [n.id, n.position]));
  const edge = (from: string, to: string, zh: string, en: string, widthM: number) => {
    const id = `CP-RE-${String(edges.length + 1).padStart(2, '0')}`;
    edges.push({ id, name: { zh, en }, from, to, lengthM: round(distance3dM(pos.get(from)!, pos.get(to)!), 1), widthM });
  };
  AVENUES_NORTH_M.forEach((_, r) => {
    for (let c = 0; c + 1 < STREETS_EAST_M.length; c++) edge(nodeId(c, r), nodeId(c + 1, r), AVENUE_NAMES[r]!, `Avenue ${r + 1}`, AVENUE_WIDTH_M[r]!);
  });
  STREETS_EAST_M.forEach((_, c) => {
    for (let r = 0; r + 1 < AVENUES_NORTH_M.length; r++) edge(nodeId(c, r), nodeId(c, r + 1), STREET_NAMES[c]!, `${ORDINAL[c]} Street`, STREET_WIDTH_M[c]!);
  });

  const gateDefs = [
    { id: 'CP-GATE-S', zh: '南大门', en: 'south gate', at: enu(0, -800, 0), link: nodeId(2, 0), widthM: 24 },
    { id: 'CP-GATE-W', zh: '西大门', en: 'west gate', at: enu(-1200, 250, 0), link: nodeId(0, 2), widthM: 15 },
    { id: 'CP-GATE-E', zh: '东大门', en: 'east gate', at: enu(1200, -250, 0), link: nodeId(4, 1), widthM: 24 },
    { id: 'CP-GATE-N', zh: '北大门', en: 'north gate', at: enu(-400, 800, 0), link: nodeId(1, 3), widthM: 15 },
  ];
  const gates: Array<z.input<typeof GateSchema>> = [];
  for (const g of gateDefs) {
    const id = `${g.id}-RN`;
    nodes.push({ id, position: g.at });
    pos.set(id, g.at);
    edge(g.link, id, `${g.zh}连接道`, `${g.en} approach`, g.widthM);
    gates.push({ id: g.id, name: { zh: g.zh, en: g.en }, roadNodeId: id, position: { eastM: g.at.eastM, northM: g.at.northM }, widthM: g.widthM });
  }

  // Open ground in the north row and by the south gate, in four directions so one is always upwind.
  const assemblyPoints: Array<z.input<typeof AssemblyPointSchema>> = [
    { id: 'CP-AP-1', name: { zh: '1号紧急集合点（西北）', en: 'assembly point 1 (north-west)' }, position: { eastM: -750, northM: 600 }, capacityPersons: 1200, roadNodeId: nodeId(0, 3) },
    { id: 'CP-AP-2', name: { zh: '2号紧急集合点（北）', en: 'assembly point 2 (north)' }, position: { eastM: 200, northM: 600 }, capacityPersons: 1500, roadNodeId: nodeId(2, 3) },
    { id: 'CP-AP-3', name: { zh: '3号紧急集合点（东北）', en: 'assembly point 3 (north-east)' }, position: { eastM: 850, northM: 600 }, capacityPersons: 1000, roadNodeId: nodeId(3, 3) },
    { id: 'CP-AP-4', name: { zh: '4号紧急集合点（南门）', en: 'assembly point 4 (south gate)' }, position: { eastM: -150, northM: -740 }, capacityPersons: 800, roadNodeId: nodeId(2, 0) },
    { id: 'CP-AP-5', name: { zh: '5号紧急集合点（西门）', en: 'assembly point 5 (west gate)' }, position: { eastM: -1150, northM: 400 }, capacityPersons: 600, roadNodeId: 'CP-GATE-W-RN' },
  ];
  return { roads: { nodes, edges }, gates, assemblyPoints };
}
