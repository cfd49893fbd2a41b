// Demo coal mine: environmental and strata sensors. Methane sensors follow the set-point
// table of the Coal Mine Safety Regulations by placement and carry their power-cut range,
// computed here from where the non-intrinsically-safe equipment stands.
import type { z } from 'zod';
import type { MineEquipmentSchema } from '../../schema/coal-mine.ts';
import type { SensorSchema } from '../../schema/sensor.ts';
import type { MetricSpec } from '../../metrics.ts';
import { metricSpec } from '../../metrics.ts';
import {
  METHANE_SETPOINTS, MINE_CO_SETPOINTS, MINE_OXYGEN_SETPOINTS, MINE_TEMPERATURE_SETPOINTS,
} from '../../setpoints.ts';
import type { MethanePlacement } from '../../setpoints.ts';
import { idCounter } from '../util.ts';
import type { roadwayLocator } from './roadways.ts';

type SensorInput = z.input<typeof SensorSchema>;
type MineEquipmentInput = z.input<typeof MineEquipmentSchema>;
type Locator = ReturnType<typeof roadwayLocator>;

/** Roadways that make up each power-cut zone of the demo mine. */
export const POWER_CUT_ZONES = {
  /** The longwall face and its return airway (tailgate up to the main return). */
  faceAndReturn: ['CM-R-14', 'CM-R-15', 'CM-R-16'],
  /** The face's intake airway (headgate). */
  faceIntake: ['CM-R-12', 'CM-R-13'],
  /** The development heading. */
  heading: ['CM-R-17', 'CM-R-18'],
} as const;

/** Mine environment temperature range, °C. */
const MINE_TEMP_RANGE: MetricSpec = { unit: '°C', minValue: -40, maxValue: 100 };

/** Builds the mine sensors; `operatorId` owns them all. */
export function buildMineSensors(loc: Locator, equipment: readonly MineEquipmentInput[], operatorId: string): SensorInput[] {
  const next = idCounter(2);
  const out: SensorInput[] = [];
  const nonIsIn = (roadways: readonly string[]) =>
    equipment.filter((e) => !e.intrinsicallySafe && e.roadwayId !== null && roadways.includes(e.roadwayId)).map((e) => e.id);
  const byKind = (kind: MineEquipmentInput['kind'], roadwayId: string) => equipment.find((e) => e.kind === kind && e.roadwayId === roadwayId)!;
  const shearer = byKind('shearer', 'CM-R-14');
  const roadheader = byKind('roadheader', 'CM-R-17');

  /** Sensors hang 1.5 m from the rib, 2.8 m above the floor (methane gathers at the roof). */
  const base = (prefix: string, kind: SensorInput['kind'], roadwayId: string, chainageM: number, intervalMs: number) => {
    const p = loc.point(roadwayId, chainageM, -1.5);
    return { id: next(prefix), kind, enterpriseId: operatorId, position: { ...p, upM: p.upM + 2.8 }, roadwayId, intervalMs };
  };

  // Methane: [placement, roadway, chainage (negative = from the to-end), cut range, mounted on].
  const ch4: Array<[MethanePlacement, string, number, string[] | null, MineEquipmentInput | null]> = [
    ['longwall-face', 'CM-R-14', -10, nonIsIn(POWER_CUT_ZONES.faceAndReturn), null],
    ['upper-corner', 'CM-R-15', 1, nonIsIn(POWER_CUT_ZONES.faceAndReturn), null],
    ['face-return-airway', 'CM-R-16', -15, nonIsIn(POWER_CUT_ZONES.faceAndReturn), null],
    ['face-intake-airway', 'CM-R-13', -20, nonIsIn(POWER_CUT_ZONES.faceIntake), null],
    ['shearer', 'CM-R-14', 100, [shearer.id], shearer],
    ['heading-face', 'CM-R-17', 4, nonIsIn(POWER_CUT_ZONES.heading), null],
    ['heading-return', 'CM-R-18', -12, nonIsIn(POWER_CUT_ZONES.heading), null],
    ['roadheader', 'CM-R-17', 5, [roadheader.id], roadheader],
    ['main-return', 'CM-R-19', 250, null, null],
    ['main-return', 'CM-R-20', -20, null, null],
  ];
  for (const [placement, roadwayId, chainageM, range, mountedOn] of ch4) {
    const row = METHANE_SETPOINTS[placement];
    const s: SensorInput = {
      ...base('CM-CH4', 'gas-ch4', roadwayId, chainageM, 1000),
      ...(mountedOn ? { equipmentId: mountedOn.id, position: { ...mountedOn.position, upM: mountedOn.position.upM + 1.5 } } : {}),
      placement,
      metrics: { ch4_pct: metricSpec('ch4_pct') },
      setpoints: {
        metric: 'ch4_pct', lowLow: null, low: null, high: row.alarmPct,
        // A separate high-high level only where the cut level differs from the alarm level.
        highHigh: row.cutPct !== null && row.cutPct > row.alarmPct ? row.cutPct : null,
        basis: `煤矿安全规程 / AQ 1029-2019 methane table, ${placement}: alarm ≥ ${row.alarmPct} %` + (row.cutPct === null ? '' : `, cut ≥ ${row.cutPct} %, restore < ${row.restoreBelowPct} %`),
      },
    };
    if (range && row.cutPct !== null && row.restoreBelowPct !== null) s.powerCut = { cutAtPct: row.cutPct, restoreBelowPct: row.restoreBelowPct, equipmentIds: range };
    out.push(s);
  }

  // Carbon monoxide: face return, upper corner, downwind of belt drives, heading return, main return, substation.
  const co: Array<[string, number]> = [['CM-R-16', -20], ['CM-R-15', 5], ['CM-R-08', 35], ['CM-R-12', 45], ['CM-R-18', -20], ['CM-R-20', -30], ['CM-R-04', 30]];
  for (const [r, c] of co) {
    out.push({ ...base('CM-CO', 'gas-co', r, c, 1000), metrics: { co_ppm: metricSpec('co_ppm') }, setpoints: { metric: 'co_ppm', lowLow: null, low: null, high: MINE_CO_SETPOINTS.high, highHigh: null, basis: MINE_CO_SETPOINTS.basis } });
  }

  // Oxygen: face, heading, tailgate, main return, main intake, headgate by the refuge chamber.
  const o2: Array<[string, number]> = [['CM-R-14', 100], ['CM-R-17', 10], ['CM-R-16', -25], ['CM-R-20', -40], ['CM-R-05', 50], ['CM-R-12', 400]];
  for (const [r, c] of o2) {
    const sp = MINE_OXYGEN_SETPOINTS;
    out.push({ ...base('CM-O2', 'gas-o2', r, c, 1000), metrics: { o2_pct: metricSpec('o2_pct') }, setpoints: { metric: 'o2_pct', lowLow: sp.lowLow, low: sp.low, high: sp.high, highHigh: null, basis: sp.basis } });
  }

  // Air speed in each main airway; limits from the roadway's permitted speeds.
  const as: Array<[string, number]> = [['CM-R-05', 200], ['CM-R-08', 200], ['CM-R-12', 100], ['CM-R-14', 150], ['CM-R-16', -50], ['CM-R-18', 100], ['CM-R-19', 100], ['CM-R-20', -50]];
  for (const [r, c] of as) {
    const lim = loc.edge(r).airSpeedLimitsMS;
    out.push({
      ...base('CM-AS', 'air-speed', r, c, 1000), metrics: { air_speed_ms: metricSpec('air_speed_ms') },
      setpoints: { metric: 'air_speed_ms', lowLow: null, low: lim.min, high: lim.max, highHigh: null, basis: '煤矿安全规程 permitted air speeds for this roadway' },
    });
  }

  // Temperature at working faces and machine chambers.
  const tt: Array<[string, number, 'face' | 'chamber']> = [['CM-R-14', 120, 'face'], ['CM-R-17', 10, 'face'], ['CM-R-16', -30, 'face'], ['CM-R-04', 25, 'chamber'], ['CM-R-03', 25, 'chamber'], ['CM-R-13', 320, 'chamber']];
  for (const [r, c, where] of tt) {
    const sp = MINE_TEMPERATURE_SETPOINTS[where];
    out.push({ ...base('CM-TT', 'temperature', r, c, 2000), metrics: { temp_c: { ...MINE_TEMP_RANGE } }, setpoints: { metric: 'temp_c', lowLow: null, low: null, high: sp.high, highHigh: sp.highHigh, basis: MINE_TEMPERATURE_SETPOINTS.basis } });
  }

  // Roof separation every 50 m in the gateways ahead of the face and along the heading.
  const roof: Array<[string, number]> = [
    ...[-20, -70, -120, -170, -220, -270].map((c): [string, number] => ['CM-R-13', c]),
    ...[20, 70, 120, 170, 220, 270].map((c): [string, number] => ['CM-R-15', c]),
    ...[10, 60, 110, 160].map((c): [string, number] => ['CM-R-17', c]),
    ...[10, 60, 110, 160].map((c): [string, number] => ['CM-R-18', c]),
  ];
  for (const [r, c] of roof) {
    out.push({
      ...base('CM-RD', 'roof-displacement', r, c, 10_000), metrics: { roof_disp_mm: metricSpec('roof_disp_mm') },
      setpoints: { metric: 'roof_disp_mm', lowLow: null, low: null, high: 25, highHigh: 50, basis: 'roof-control plan (顶板离层) demo warning 25 mm, danger 50 mm' },
    });
  }
  return out;
}
