// Demo chemical park: assembles the description from its parts.
import type { ChemicalParkInput } from '../../schema/site.ts';
import { PARK_BOUNDARY, PARK_BUILDINGS, PARK_DIKES, PARK_ENTERPRISES, PARK_EQUIPMENT, PARK_ID, PARK_ORIGIN } from './layout.ts';
import { buildParkPipes } from './pipes.ts';
import { buildParkRoads } from './roads.ts';
import { buildParkSensors } from './sensors.ts';

/** Builds the (unvalidated) description of the demo chemical park `cp-nanjing`. */
export function buildChemicalPark(): ChemicalParkInput {
  const pipes = buildParkPipes(PARK_EQUIPMENT);
  const { roads, gates, assemblyPoints } = buildParkRoads();
  return {
    kind: 'chemical-park',
    id: PARK_ID,
    name: { zh: '南京江北新材料科技园（演示）', en: 'Nanjing Jiangbei chemical park (demo)' },
    description: 'Demonstration chemical park by the Yangtze north of Nanjing; layout, tenants and inventories are fictitious but plausible.',
    origin: { ...PARK_ORIGIN },
    boundary: PARK_BOUNDARY.map((p) => ({ ...p })),
    enterprises: PARK_ENTERPRISES,
    equipment: PARK_EQUIPMENT,
    dikes: PARK_DIKES,
    pipes: { nodes: pipes.nodes, segments: pipes.segments, valves: pipes.valves },
    sensors: buildParkSensors(PARK_EQUIPMENT, pipes.nodes, pipes.segments, pipes.meteredSegmentIds, PARK_BOUNDARY),
    roads,
    gates,
    assemblyPoints,
    buildings: PARK_BUILDINGS,
  };
}
