import { describe, expect, it } from 'vitest';
import type { Principal } from '@safetwin/protocol';
import { alarmSubject, canSeeAlarm, canSeeIncident, concernedEnterprises, enterprisesLosingIncident, enterprisesSeeing, incidentEnterprises } from './access.ts';

const user = (role: Principal['role'], enterpriseId: string | null = null, siteId: string | null = 'park'): Principal => ({
  username: `${role}-${enterpriseId ?? 'x'}`, displayName: role, role, siteId: role === 'commander' ? null : siteId, enterpriseId,
});
const gasOfE1 = { siteId: 'park', enterpriseId: 'E1', kind: 'gas-h2s' };
const weather = { siteId: 'park', enterpriseId: null, kind: 'weather' };

describe('who sees an alarm', () => {
  it('through its catalogued device: the owner’s officer and full viewers; weather everybody on the site', () => {
    const alarm = { siteId: 'park', enterpriseId: 'E1' };
    expect(canSeeAlarm(user('safety-officer', 'E1'), alarm, gasOfE1)).toBe(true);
    expect(canSeeAlarm(user('safety-officer', 'E2'), alarm, gasOfE1)).toBe(false);
    expect(canSeeAlarm(user('park-manager'), alarm, gasOfE1)).toBe(true);
    expect(canSeeAlarm(user('park-manager', null, 'mine'), alarm, gasOfE1)).toBe(false);
    expect(canSeeAlarm(user('safety-officer', 'E2'), { siteId: 'park', enterpriseId: null }, weather)).toBe(true);
  });

  it('a unit-wide alarm (voting: no catalogued device) goes to the unit owner’s officer and full viewers, not to other plants', () => {
    const voting = { siteId: 'park', enterpriseId: 'E4' };
    expect(canSeeAlarm(user('safety-officer', 'E4'), voting, undefined)).toBe(true);
    expect(canSeeAlarm(user('safety-officer', 'E1'), voting, undefined)).toBe(false);
    expect(canSeeAlarm(user('commander'), voting, undefined)).toBe(true);
    expect(enterprisesSeeing(alarmSubject(voting, undefined), ['E1', 'E4'])).toEqual(['E4']);
    // Park-level (no owner): full viewers only.
    expect(canSeeAlarm(user('safety-officer', 'E4'), { siteId: 'park', enterpriseId: null }, undefined)).toBe(false);
    expect(canSeeAlarm(user('park-manager'), { siteId: 'park', enterpriseId: null }, undefined)).toBe(true);
  });
});

describe('who sees an incident', () => {
  const candidate = (enterpriseId: string | null, probability: number) => ({ id: `${enterpriseId ?? 'park'}-item-${probability}`, enterpriseId, probability });
  const incident = (enterpriseId: string | null, candidates: { id: string; enterpriseId: string | null; probability: number }[] = [], isolated: string[] = []) => ({
    siteId: 'park', enterpriseId, assessment: { source: { candidates }, isolation: { targets: isolated.map((id) => ({ id })) } },
  });

  it('full viewers of the site, and the officer of its own plant only, before any source estimate', () => {
    expect(canSeeIncident(user('commander'), incident('E1'))).toBe(true);
    expect(canSeeIncident(user('park-manager'), incident(null))).toBe(true);
    expect(canSeeIncident(user('park-manager', null, 'other'), incident('E1'))).toBe(false);
    expect(canSeeIncident(user('safety-officer', 'E1'), incident('E1'))).toBe(true);
    expect(canSeeIncident(user('safety-officer', 'E2'), incident('E1'))).toBe(false);
    expect(canSeeIncident(user('safety-officer', 'E1'), { siteId: 'park', enterpriseId: null, assessment: null })).toBe(false);
  });

  it('the officer of a plant whose equipment is a likely source sees it too, though the alarm came from another plant', () => {
    const i = incident('E1', [candidate('E1', 0.55), candidate('E2', 0.4), candidate('E3', 0.04), candidate(null, 0.01)]);
    expect(incidentEnterprises(i)).toEqual(['E1', 'E2']);
    expect(canSeeIncident(user('safety-officer', 'E2'), i)).toBe(true);
    expect(canSeeIncident(user('safety-officer', 'E3'), i), 'a 4 % candidate does not bring its plant in').toBe(false);
    // A park-level incident (a park detector's alarm) whose likely source is a plant's: that plant's officer sees it.
    expect(canSeeIncident(user('safety-officer', 'E3'), incident(null, [candidate('E3', 0.9)]))).toBe(true);
  });

  it('the officer of a plant whose item the valves cut off sees it, however unlikely that item', () => {
    const candidates = [candidate('E1', 0.55), candidate('E2', 0.3), candidate('E3', 0.06)];
    expect(canSeeIncident(user('safety-officer', 'E3'), incident(null, candidates))).toBe(false);
    expect(canSeeIncident(user('safety-officer', 'E3'), incident(null, candidates, candidates.map((c) => c.id)))).toBe(true);
  });

  it('a new estimate that moves the source away loses the plants it no longer names, never the incident’s own', () => {
    const before = incident('E1', [candidate('E2', 0.7), candidate('E3', 0.2)]);
    const after = incident('E1', [candidate('E3', 0.8), candidate('E2', 0.05), candidate('E1', 0.15)]);
    expect(enterprisesLosingIncident(before, after)).toEqual(['E2']);
    expect(enterprisesLosingIncident(after, before)).toEqual([]);
    expect(enterprisesLosingIncident(before, before)).toEqual([]);
    expect(enterprisesLosingIncident(incident(null, [candidate('E2', 0.9)]), incident(null, []))).toEqual(['E2']);
  });

  it('a plant enters at 10 % and leaves below 5 %: a candidate wavering around 10 % keeps its officers on the incident', () => {
    const at = (p: number) => incident('E1', [candidate('E1', 1 - p), candidate('E2', p)]);
    const steps = [0.12, 0.08, 0.11, 0.06, 0.04, 0.08, 0.1];
    let concerns: string[] | null = null;
    const seen: boolean[] = [];
    for (const p of steps) {
      concerns = concernedEnterprises(at(p), concerns);
      seen.push(concerns.includes('E2'));
    }
    expect(seen).toEqual([true, true, true, true, false, false, true]);
    // Without the plants it concerned until now, 8 % is below the entry threshold.
    expect(concernedEnterprises(at(0.08), null)).toEqual(['E1']);
  });

  it('the plants stored with the incident decide who sees it, and who loses it', () => {
    const stored = { ...incident('E1', [candidate('E1', 0.92), candidate('E2', 0.08)]), concerns: ['E1', 'E2'] };
    expect(incidentEnterprises(stored)).toEqual(['E1', 'E2']);
    expect(canSeeIncident(user('safety-officer', 'E2'), stored)).toBe(true);
    expect(enterprisesLosingIncident(stored, { ...stored, concerns: ['E1'] })).toEqual(['E2']);
    // A row written before the plants were stored: worked out from its assessment.
    expect(incidentEnterprises({ ...stored, concerns: null })).toEqual(['E1']);
  });
});
