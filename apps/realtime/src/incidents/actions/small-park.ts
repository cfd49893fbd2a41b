// A hand-made chemical park for the incident-action tests: a chlorine tank and a reactor on one
// pipe run, a branch to the site boundary, two remote ESD valves and a manual block valve, a flow
// transmitter on the tank's line and a pressure transmitter on the tank; two gates on one road.
//
//   gate W ── A ──── B ──── C ── gate E        (road y = −100; B ── D north)
//   TK-1 ▭ N1 ─XV-1─ S2 (FT-1) ─ J1 ──── XV-2 ── N2 ▭ R-1
//                                 │
//                                HV-3 (manual) ── E (boundary tie-in)
import { parseSite, type ChemicalPark, type SiteInput } from '@safetwin/twin-models';

/** Site id of {@link smallPark}. */
export const SMALL_PARK_ID = 'tp-actions';

const name = (en: string) => ({ zh: en, en });
const at = (eastM: number, northM: number, upM = 1) => ({ eastM, northM, upM });

/** The park, validated. */
export function smallPark(): ChemicalPark {
  const ent = 'TP-ENT';
  const square = (r: number) => [{ eastM: -r, northM: -r }, { eastM: r, northM: -r }, { eastM: r, northM: r }, { eastM: -r, northM: r }];
  const park = {
    kind: 'chemical-park', id: SMALL_PARK_ID, name: name('Action test park'), description: 'hand-made for the incident-action tests',
    origin: { latDeg: 31.0, lonDeg: 121.0, altM: 5 },
    boundary: square(700),
    enterprises: [{ id: ent, name: name('Test chlor-alkali'), industry: 'chlor-alkali', plot: square(400), dutyPhone: '000-000' }],
    equipment: [
      { id: 'TP-TK-1', enterpriseId: ent, kind: 'vertical-tank', name: name('chlorine tank 1'), position: at(0, 0, 0), geometry: { shape: 'cylinder', diameterM: 5, heightM: 8 }, chemical: 'Cl2', inventoryKg: 20_000, designPressureKpa: 1600, operatingPressureKpa: 800, designTempC: 50, operatingTempC: 20 },
      { id: 'TP-R-1', enterpriseId: ent, kind: 'reactor', name: name('chlorination reactor'), position: at(200, 0, 0), geometry: { shape: 'cylinder', diameterM: 3, heightM: 6 }, chemical: 'Cl2', inventoryKg: 500, designPressureKpa: 1000, operatingPressureKpa: 500, designTempC: 120, operatingTempC: 80 },
    ],
    dikes: [],
    pipes: {
      nodes: [
        { id: 'TP-N1', kind: 'nozzle', position: at(3, 0), equipmentId: 'TP-TK-1' },
        { id: 'TP-V1', kind: 'valve', position: at(20, 0) },
        { id: 'TP-J1', kind: 'junction', position: at(100, 0) },
        { id: 'TP-V2', kind: 'valve', position: at(180, 0) },
        { id: 'TP-N2', kind: 'nozzle', position: at(198, 0), equipmentId: 'TP-R-1' },
        { id: 'TP-V3', kind: 'valve', position: at(100, 50) },
        { id: 'TP-E', kind: 'junction', position: at(100, 120) },
      ],
      segments: [
        ['TP-S1', 'TP-N1', 'TP-V1', 17], ['TP-S2', 'TP-V1', 'TP-J1', 80], ['TP-S3', 'TP-J1', 'TP-V2', 80],
        ['TP-S4', 'TP-V2', 'TP-N2', 18], ['TP-S5', 'TP-J1', 'TP-V3', 50], ['TP-S6', 'TP-V3', 'TP-E', 70],
      ].map(([id, from, to, lengthM]) => ({ id, from, to, lengthM, diameterMm: 50, chemical: 'Cl2', normalFlowKgS: 1, designPressureKpa: 1600, enterpriseId: ent })),
      valves: [
        { id: 'TP-XV-1', nodeId: 'TP-V1', enterpriseId: ent, name: name('tank outlet ESD'), function: 'esd', actuation: 'remote', deviceId: 'TP-XV-1', intervalMs: 1000, normallyOpen: true, strokeTimeS: 5 },
        { id: 'TP-XV-2', nodeId: 'TP-V2', enterpriseId: ent, name: name('reactor inlet ESD'), function: 'esd', actuation: 'remote', deviceId: 'TP-XV-2', intervalMs: 1000, normallyOpen: true, strokeTimeS: 5 },
        { id: 'TP-HV-3', nodeId: 'TP-V3', enterpriseId: ent, name: name('boundary block valve'), function: 'isolation', actuation: 'manual', deviceId: null, intervalMs: 1000, normallyOpen: true, strokeTimeS: null },
      ],
    },
    sensors: [
      { id: 'TP-FT-1', kind: 'flow', enterpriseId: ent, position: at(60, 0), pipeSegmentId: 'TP-S2', intervalMs: 1000, metrics: { flow_kg_s: { unit: 'kg/s', minValue: 0, maxValue: 10 } } },
      { id: 'TP-PT-1', kind: 'pressure', enterpriseId: ent, position: at(0, 0, 8), equipmentId: 'TP-TK-1', intervalMs: 1000, metrics: { pressure_kpa: { unit: 'kPa', minValue: -101.3, maxValue: 2400 } } },
    ],
    roads: {
      nodes: [['TP-RN-GW', -600, -100], ['TP-RN-A', -300, -100], ['TP-RN-B', 0, -100], ['TP-RN-C', 300, -100], ['TP-RN-GE', 600, -100], ['TP-RN-D', 0, 300]]
        .map(([id, e, n]) => ({ id: id as string, position: at(e as number, n as number, 0) })),
      edges: [['TP-RE-1', 'TP-RN-GW', 'TP-RN-A', 300], ['TP-RE-2', 'TP-RN-A', 'TP-RN-B', 300], ['TP-RE-3', 'TP-RN-B', 'TP-RN-C', 300], ['TP-RE-4', 'TP-RN-C', 'TP-RN-GE', 300], ['TP-RE-5', 'TP-RN-B', 'TP-RN-D', 400]]
        .map(([id, from, to, lengthM]) => ({ id: id as string, name: name(id === 'TP-RE-5' ? 'North Road' : 'Main Avenue'), from: from as string, to: to as string, lengthM: lengthM as number, widthM: 10 })),
    },
    gates: [
      { id: 'TP-GATE-W', name: name('west gate'), roadNodeId: 'TP-RN-GW', position: { eastM: -600, northM: -100 }, widthM: 12 },
      { id: 'TP-GATE-E', name: name('east gate'), roadNodeId: 'TP-RN-GE', position: { eastM: 600, northM: -100 }, widthM: 12 },
    ],
    assemblyPoints: [],
    buildings: [],
  };
  return parseSite(park as unknown as SiteInput) as ChemicalPark;
}
