import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import { parseSite, SiteValidationError } from '../../validate.ts';
import { buildCoalMine } from './index.ts';
import { SHIFT_HEADCOUNT_LIMITS } from './zones.ts';

const site = getDemoSite('cm-yangquan') as CoalMine;
const zone = (id: string) => site.personnelZones.find((z) => z.id === id)!;

describe('coal mine: personnel zones', () => {
  it('limits the longwall face to 25 and the heading to 18 persons, with room for the shift that works there', () => {
    expect(zone('CM-Z-FACE').headcountLimit).toBe(SHIFT_HEADCOUNT_LIMITS.longwallFace);
    expect(zone('CM-Z-HEADING').headcountLimit).toBe(SHIFT_HEADCOUNT_LIMITS.heading);
    for (const z of site.personnelZones) {
      const working = site.miners.filter((m) => z.roadwayIds.includes(m.workplaceRoadwayId)).length;
      if (z.headcountLimit !== null) expect(working, z.id).toBeLessThanOrEqual(z.headcountLimit);
    }
  });

  it('restricts the outby main return to teams that exist, and lets the heading be restricted only when asked', () => {
    const teams = new Set(site.miners.map((m) => m.team));
    const restricted = site.personnelZones.filter((z) => z.restricted);
    expect(restricted.map((z) => z.id)).toEqual(['CM-Z-RETURN']);
    for (const t of zone('CM-Z-RETURN').authorizedTeams) expect(teams.has(t), t).toBe(true);
    const unauthorizedWorkers = site.miners.filter((m) => zone('CM-Z-RETURN').roadwayIds.includes(m.workplaceRoadwayId) && !zone('CM-Z-RETURN').authorizedTeams.includes(m.team));
    expect(unauthorizedWorkers).toEqual([]);
    expect(zone('CM-Z-HEADING').restricted).toBe(false);
  });

  it('defaults to no zones for a mine description without them', () => {
    const { personnelZones: _omit, ...rest } = buildCoalMine();
    expect((parseSite(rest) as CoalMine).personnelZones).toEqual([]);
  });

  it('refuses a zone on an unknown roadway or a ventilation duct, and duplicate zone ids', () => {
    const input = buildCoalMine();
    input.personnelZones = [
      { id: 'Z1', name: { zh: '甲', en: 'a' }, roadwayIds: ['CM-R-99'], headcountLimit: 3, basis: 'test' },
      { id: 'Z1', name: { zh: '乙', en: 'b' }, roadwayIds: ['CM-R-22'], headcountLimit: null, basis: 'test' },
    ];
    let error: unknown;
    try {
      parseSite(input);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SiteValidationError);
    const messages = (error as SiteValidationError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(messages).toMatch(/personnelZones\[0\]\.roadwayIds\[0\]: unknown roadway 'CM-R-99'/);
    expect(messages).toMatch(/personnelZones\[1\]\.roadwayIds\[0\]: 'CM-R-22' is a ventilation duct/);
    expect(messages).toMatch(/personnelZones\[1\]\.id: .*duplicate/i);
  });
});
