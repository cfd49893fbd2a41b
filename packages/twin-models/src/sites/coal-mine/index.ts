// Demo coal mine: assembles the description from its parts.
import type { CoalMineInput } from '../../schema/site.ts';
import type { GeoOrigin } from '../../geo.ts';
import { rect } from '../util.ts';
import { buildMineEquipment } from './equipment.ts';
import { buildMiners, buildRefugeChambers, buildUwbAnchors } from './people.ts';
import { MINE_ID, buildMineRoadways, roadwayLocator } from './roadways.ts';
import { buildMineSensors } from './sensors.ts';
import { buildPersonnelZones } from './zones.ts';

/** Mine origin: the main shaft collar, Yangquan coalfield, Shanxi (WGS84, ellipsoidal height). */
export const MINE_ORIGIN: GeoOrigin = { latDeg: 37.9180, lonDeg: 113.5020, altM: 1020 };

const OPERATOR_ID = 'CM-OP';

/** Builds the (unvalidated) description of the demo coal mine `cm-yangquan`. */
export function buildCoalMine(): CoalMineInput {
  const roadways = buildMineRoadways();
  const loc = roadwayLocator(roadways);
  const equipment = buildMineEquipment(loc);
  const lease = rect(-800, -300, 1500, 2000);
  return {
    kind: 'coal-mine',
    id: MINE_ID,
    name: { zh: '晋东示范煤矿（演示）', en: 'Jindong demo colliery, Yangquan (demo)' },
    description: 'Demonstration high-gas underground coal mine in the Yangquan coalfield, Shanxi; one longwall panel and one development heading at about −450 m. Layout and people are fictitious.',
    origin: { ...MINE_ORIGIN },
    boundary: lease,
    enterprises: [{ id: OPERATOR_ID, name: { zh: '晋东示范煤业有限公司', en: 'Jindong Demo Coal Co., Ltd.' }, industry: 'coal-mining', plot: lease.map((p) => ({ ...p })), dutyPhone: '0353-555-0100' }],
    roadways,
    equipment,
    sensors: buildMineSensors(loc, equipment, OPERATOR_ID),
    uwbAnchors: buildUwbAnchors(roadways.edges, loc),
    refugeChambers: buildRefugeChambers(loc),
    miners: buildMiners(),
    personnelZones: buildPersonnelZones(),
  };
}
