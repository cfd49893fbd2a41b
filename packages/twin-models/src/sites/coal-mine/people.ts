// Demo coal mine: UWB positioning anchors, refuge chambers and the miners on shift.
import type { z } from 'zod';
import type { MinerSchema, RefugeChamberSchema, RoadwaySchema, UwbAnchorSchema } from '../../schema/coal-mine.ts';
import { mulberry32 } from '../prng.ts';
import { pad, round } from '../util.ts';
import type { roadwayLocator } from './roadways.ts';

type RoadwayInput = z.input<typeof RoadwaySchema>;
type Locator = ReturnType<typeof roadwayLocator>;

/** Most distance between neighbouring UWB anchors along a roadway, m (DESIGN.md §5: ≤ 50 m). */
export const MAX_ANCHOR_SPACING_M = 50;
/** Spacing the generator aims for, m (margin under the limit). */
const TARGET_SPACING_M = 45;

/** One anchor at each node (on the first roadway that reaches it) and evenly spaced ones along every walkable roadway. */
export function buildUwbAnchors(edges: readonly RoadwayInput[], loc: Locator): Array<z.input<typeof UwbAnchorSchema>> {
  const out: Array<z.input<typeof UwbAnchorSchema>> = [];
  const anchoredNodes = new Set<string>();
  const add = (roadwayId: string, chainageM: number) =>
    out.push({ id: `CM-UWB-A${pad(out.length + 1, 4)}`, roadwayId, chainageM: round(chainageM, 1), position: loc.point(roadwayId, chainageM) });
  for (const e of edges) {
    if (e.kind === 'vent-duct') continue;
    if (!anchoredNodes.has(e.from)) {
      anchoredNodes.add(e.from);
      add(e.id, 0);
    }
    const n = Math.ceil(e.lengthM / TARGET_SPACING_M);
    for (let k = 1; k < n; k++) add(e.id, (e.lengthM * k) / n);
    if (!anchoredNodes.has(e.to)) {
      anchoredNodes.add(e.to);
      add(e.id, e.lengthM);
    }
  }
  return out;
}

/** Refuge chambers: one in the panel headgate (≈ 600 m from the face), one at the shaft bottom. */
export function buildRefugeChambers(loc: Locator): Array<z.input<typeof RefugeChamberSchema>> {
  return [
    { id: 'CM-RC-01', name: { zh: '采区永久避难硐室', en: 'panel refuge chamber' }, roadwayId: 'CM-R-12', position: loc.point('CM-R-12', 400, -8), capacityPersons: 100, autonomyH: 96 },
    { id: 'CM-RC-02', name: { zh: '井底车场避难硐室', en: 'shaft-bottom refuge chamber' }, roadwayId: 'CM-R-05', position: loc.point('CM-R-05', 100, 8), capacityPersons: 120, autonomyH: 96 },
  ];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '董', '薛', '程'];
const GIVEN = ['建国', '志强', '海涛', '国华', '文斌', '俊杰', '永刚', '红军', '晓东', '卫东', '立新', '德明', '庆丰', '宝山', '金龙', '振华', '兴旺', '春生', '广平', '跃进', '保平', '二虎', '军', '勇', '斌', '磊', '鹏', '涛', '伟', '强'];

/** Teams on shift and where their members usually work: [team, [roadwayId, persons]…]. */
const TEAMS: Array<[string, Array<[string, number]>]> = [
  ['综采一队', [['CM-R-14', 12], ['CM-R-13', 5], ['CM-R-15', 3]]],
  ['掘进二队', [['CM-R-17', 8], ['CM-R-18', 4]]],
  ['机电队', [['CM-R-04', 3], ['CM-R-03', 2], ['CM-R-08', 2], ['CM-R-12', 3]]],
  ['通风队', [['CM-R-19', 2], ['CM-R-20', 2], ['CM-R-18', 2], ['CM-R-16', 2]]],
  ['运输队', [['CM-R-05', 3], ['CM-R-06', 3], ['CM-R-11', 2]]],
  ['安检科', [['CM-R-14', 2], ['CM-R-17', 2], ['CM-R-12', 2]]],
];

/** The miners on shift, with deterministic (seeded) Chinese names; tags `CM-TAG-nnn`. */
export function buildMiners(seed = 20_240_601): Array<z.input<typeof MinerSchema>> {
  const rand = mulberry32(seed);
  const used = new Set<string>();
  const out: Array<z.input<typeof MinerSchema>> = [];
  for (const [team, places] of TEAMS) {
    for (const [roadwayId, count] of places) {
      for (let i = 0; i < count; i++) {
        let name: string;
        do name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
        while (used.has(name));
        used.add(name);
        const n = out.length + 1;
        out.push({ id: `CM-P-${pad(n)}`, name, tagDeviceId: `CM-TAG-${pad(n)}`, tagIntervalMs: 1000, team, workplaceRoadwayId: roadwayId });
      }
    }
  }
  return out;
}
