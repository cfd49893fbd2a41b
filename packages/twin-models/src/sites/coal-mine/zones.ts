// Demo coal mine: personnel zones (人员定位区域) with their headcount limits and restrictions.
import type { z } from 'zod';
import type { PersonnelZoneSchema } from '../../schema/coal-mine.ts';

type ZoneInput = z.input<typeof PersonnelZoneSchema>;

/**
 * Headcount limits of one shift (煤矿井下单班作业人数限员规定（试行）, 国家安全监管总局 / 国家煤矿安监局
 * 2018: a fully mechanized longwall face ≤ 25 persons, a development heading ≤ 18 persons).
 */
export const SHIFT_HEADCOUNT_LIMITS = { longwallFace: 25, heading: 18 } as const;

/**
 * The demo mine's zones: the longwall face and the development heading with their shift limits
 * (the heading is the zone a commander restricts before blasting: PATCH restricted = true), the
 * panel gateways without a limit, and the main return's outby section (a dead end to the
 * ventilation shaft bottom, in the whole mine's return air) restricted to the ventilation and
 * safety-inspection staff who patrol it.
 */
export function buildPersonnelZones(): ZoneInput[] {
  return [
    {
      id: 'CM-Z-FACE', name: { zh: '综采工作面', en: 'longwall face' }, roadwayIds: ['CM-R-14'], headcountLimit: SHIFT_HEADCOUNT_LIMITS.longwallFace,
      basis: '煤矿井下单班作业人数限员规定（试行） (2018): fully mechanized longwall face ≤ 25 persons',
    },
    {
      id: 'CM-Z-HEADING', name: { zh: '掘进工作面', en: 'development heading' }, roadwayIds: ['CM-R-17', 'CM-R-18'], headcountLimit: SHIFT_HEADCOUNT_LIMITS.heading,
      basis: '煤矿井下单班作业人数限员规定（试行） (2018): development heading ≤ 18 persons; restricted while blasting (煤矿安全规程: guards keep everyone out of the blasting area)',
    },
    {
      id: 'CM-Z-GATEWAYS', name: { zh: '工作面顺槽', en: 'panel gateways' }, roadwayIds: ['CM-R-12', 'CM-R-13', 'CM-R-15', 'CM-R-16'], headcountLimit: null,
      basis: 'counted for the panel; no limit of its own',
    },
    {
      id: 'CM-Z-RETURN', name: { zh: '总回风巷二段', en: 'main return, outby section' }, roadwayIds: ['CM-R-20'], headcountLimit: null,
      restricted: true, authorizedTeams: ['通风队', '安检科'],
      basis: 'the whole mine\'s return air, dead end to the ventilation shaft: ventilation and safety-inspection staff only (mine rule of the demo)',
    },
  ];
}
