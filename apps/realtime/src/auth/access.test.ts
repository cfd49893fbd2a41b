import { describe, expect, it } from 'vitest';
import type { Principal } from '@safetwin/protocol';
import { alarmSubject, canSeeAlarm, enterprisesSeeing } from './access.ts';

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
