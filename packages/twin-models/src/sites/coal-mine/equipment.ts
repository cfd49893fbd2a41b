// Demo coal mine: powered equipment. Each machine's deviceId reports `powered` (0/1) and,
// where remote control is allowed, takes `power.cut` / `power.restore`.
import type { z } from 'zod';
import type { MineEquipmentSchema } from '../../schema/coal-mine.ts';
import { enu, pad } from '../util.ts';
import type { roadwayLocator } from './roadways.ts';

type MineEquipmentInput = z.input<typeof MineEquipmentSchema>;
type Locator = ReturnType<typeof roadwayLocator>;

// [kind, zh, en, roadwayId | null (surface), chainage m (or surface position), intrinsically safe, kW, V, remote power control]
type Row = [MineEquipmentInput['kind'], string, string, string | null, number | [number, number, number], boolean, number, number, boolean];

const ROWS: Row[] = [
  ['shearer', '采煤机', 'shearer', 'CM-R-14', 100, false, 1815, 3300, true],
  ['armoured-face-conveyor', '工作面刮板输送机', 'armoured face conveyor', 'CM-R-14', 15, false, 2000, 3300, true],
  ['support-control', '液压支架电液控制系统', 'shield support electro-hydraulic control', 'CM-R-14', 60, true, 2, 24, false],
  ['stage-loader', '转载机', 'stage loader', 'CM-R-13', -30, false, 400, 3300, true],
  ['crusher', '破碎机', 'crusher', 'CM-R-13', -45, false, 400, 3300, true],
  ['belt-conveyor', '运输顺槽带式输送机', 'headgate belt conveyor', 'CM-R-12', 30, false, 1200, 3300, true],
  ['emulsion-pump', '乳化液泵站', 'emulsion pump station', 'CM-R-13', 300, false, 800, 1140, true],
  ['mobile-substation', '移动变电站', 'mobile substation', 'CM-R-13', 320, false, 2500, 10000, true],
  ['water-pump', '回风顺槽排水泵', 'tailgate drainage pump', 'CM-R-15', 100, false, 30, 660, true],
  ['winch', '回风顺槽调度绞车', 'tailgate dispatch winch', 'CM-R-15', 300, false, 25, 660, true],
  ['roadheader', '掘进机', 'roadheader', 'CM-R-17', 5, false, 318, 1140, true],
  ['belt-conveyor', '掘进带式输送机', 'heading belt conveyor', 'CM-R-18', 100, false, 150, 660, true],
  ['water-pump', '掘进排水泵', 'heading drainage pump', 'CM-R-18', 150, false, 15, 660, true],
  // The auxiliary fan stands in intake air ≥ 10 m from the heading's return; fan–power interlock (风电闭锁) keeps it off remote cuts.
  ['auxiliary-fan', '局部通风机', 'auxiliary fan', 'CM-R-06', -15, false, 60, 660, false],
  ['belt-conveyor', '大巷带式输送机', 'main belt conveyor', 'CM-R-08', 20, false, 1000, 10000, true],
  ['transformer', '中央变电所主变压器', 'central substation transformer', 'CM-R-04', 20, false, 1600, 10000, false],
  ['water-pump', '1号主排水泵', 'main drainage pump 1', 'CM-R-03', 20, false, 710, 10000, true],
  ['water-pump', '2号主排水泵', 'main drainage pump 2', 'CM-R-03', 30, false, 710, 10000, true],
  ['main-fan', '1号主要通风机', 'main fan 1', null, [-20, 1640, 15], false, 1000, 10000, false],
  ['main-fan', '2号主要通风机（备用）', 'main fan 2 (standby)', null, [-20, 1665, 15], false, 1000, 10000, false],
  ['monitoring-outstation', '综采面监控分站', 'longwall monitoring outstation', 'CM-R-12', 60, true, 0.1, 18, false],
  ['monitoring-outstation', '掘进面监控分站', 'heading monitoring outstation', 'CM-R-18', 190, true, 0.1, 18, false],
];

/** Builds the mine's equipment list; ids `CM-EQ-nn`, device ids `CM-PWR-nn`. */
export function buildMineEquipment(loc: Locator): MineEquipmentInput[] {
  return ROWS.map(([kind, zh, en, roadwayId, where, intrinsicallySafe, ratedPowerKw, voltageV, remotePowerControl], i) => ({
    id: `CM-EQ-${pad(i + 1, 2)}`,
    deviceId: `CM-PWR-${pad(i + 1, 2)}`,
    kind,
    name: { zh, en },
    roadwayId,
    position: Array.isArray(where) ? enu(where[0], where[1], where[2]) : loc.point(roadwayId!, where, 1.5),
    intrinsicallySafe,
    ratedPowerKw,
    voltageV,
    remotePowerControl,
    intervalMs: 1000,
  }));
}
