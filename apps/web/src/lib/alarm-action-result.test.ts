import { describe, expect, it } from 'vitest';
import { alarmActionErrorMessage, checkShelveInput } from './alarm-action-result.ts';

describe('checkShelveInput', () => {
  const CASES = [
    { title: 'fine', minutes: 30, reason: '  calibration  ', ok: true },
    { title: 'zero minutes', minutes: 0, reason: 'calibration', ok: false },
    { title: 'fractional minutes', minutes: 1.5, reason: 'calibration', ok: false },
    { title: 'more than a week', minutes: 7 * 24 * 60 + 1, reason: 'calibration', ok: false },
    { title: 'not a number', minutes: '30', reason: 'calibration', ok: false },
    { title: 'reason too short once trimmed', minutes: 30, reason: '  ab ', ok: false },
    { title: 'reason missing', minutes: 30, reason: undefined, ok: false },
  ];
  for (const { title, minutes, reason, ok } of CASES) {
    it(title, () => expect(checkShelveInput(minutes, reason).ok, title).toBe(ok));
  }
  it('trims the reason it passes on', () => {
    expect(checkShelveInput(30, '  calibration  ')).toEqual({ ok: true, minutes: 30, reason: 'calibration' });
  });
});

describe('alarmActionErrorMessage', () => {
  it("shows the hub's message with its code", () => {
    expect(alarmActionErrorMessage({ code: 'alarm:invalid-transition', message: 'cannot ack an alarm that is acknowledged', status: 409 })).toBe(
      'cannot ack an alarm that is acknowledged (alarm:invalid-transition)',
    );
    expect(alarmActionErrorMessage({ code: 'auth:forbidden', message: 'role drill-planner may not act on alarms', status: 403 })).toContain('may not act');
    expect(alarmActionErrorMessage({ code: 'auth:invalid', message: 'expired', status: 401 })).toBe('Your session has ended. Log in again.');
  });
});
