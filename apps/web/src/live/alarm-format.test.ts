import { describe, expect, it } from 'vitest';
import { alarmLevelText, alarmReadingText, alarmStateText, formatAlarmAge, formatClock, LEVEL_STYLES } from './alarm-format.ts';

describe('alarm level labels', () => {
  it('writes level, shape and kind, so the level reads without colour', () => {
    expect(alarmLevelText(2, 'high')).toBe('L2 ▲ HIGH');
    expect(alarmLevelText(1, 'high-high')).toBe('L1 ◆ HIGH-HIGH');
    expect(alarmLevelText(3, 'low')).toBe('L3 ■ LOW');
    expect(alarmLevelText(4, 'low-low')).toBe('L4 ● LOW-LOW');
    const shapes = Object.values(LEVEL_STYLES).map((s) => s.shape);
    expect(new Set(shapes).size, 'every level has its own shape').toBe(4);
    expect(Object.values(LEVEL_STYLES).map((s) => s.colour)).toEqual(['red', 'orange', 'yellow', 'blue']);
  });
});

describe('alarmStateText', () => {
  const until = new Date(2025, 0, 1, 14, 5).getTime(); // local time, so the test holds in any zone
  const CASES = [
    { title: 'unacknowledged', input: { state: 'unacknowledged', shelvedUntil: null }, expected: 'UNACK' },
    { title: 'acknowledged', input: { state: 'acknowledged', shelvedUntil: null }, expected: 'ACK' },
    { title: 'returned, not acknowledged', input: { state: 'rtn-unacknowledged', shelvedUntil: null }, expected: 'RTN-UNACK' },
    { title: 'shelved with an end', input: { state: 'shelved', shelvedUntil: until }, expected: 'SHELVED until 14:05' },
    { title: 'shelved without an end', input: { state: 'shelved', shelvedUntil: null }, expected: 'SHELVED' },
    { title: 'out of service', input: { state: 'out-of-service', shelvedUntil: null }, expected: 'OUT OF SERVICE' },
    { title: 'suppressed', input: { state: 'suppressed', shelvedUntil: null }, expected: 'SUPPRESSED' },
  ] as const;
  for (const { title, input, expected } of CASES) it(title, () => expect(alarmStateText(input), title).toBe(expected));

  it('pads the clock to hh:mm', () => {
    expect(formatClock(new Date(2025, 0, 1, 7, 3).getTime())).toBe('07:03');
  });
});

describe('formatAlarmAge', () => {
  const CASES = [
    { title: 'just raised', input: 400, expected: '<1 s' },
    { title: 'seconds', input: 45_900, expected: '45 s' },
    { title: 'whole minutes only', input: 2 * 60_000 + 59_000, expected: '2 min' },
    { title: 'hours', input: (3 * 60 + 12) * 60_000, expected: '3 h 12 min' },
    { title: 'days', input: (2 * 24 + 4) * 3_600_000, expected: '2 d 4 h' },
  ];
  for (const { title, input, expected } of CASES) it(title, () => expect(formatAlarmAge(input), title).toBe(expected));
});

describe('alarmReadingText', () => {
  it('gives value and set-point in the unit, with the comparison of the kind', () => {
    expect(alarmReadingText({ value: 32.5, setpoint: 25, kind: 'high' }, '%LEL')).toBe('32.50 %LEL ≥ 25.00 %LEL');
    expect(alarmReadingText({ value: 18.2, setpoint: 19.5, kind: 'low' }, '%vol')).toBe('18.20 %vol ≤ 19.50 %vol');
    expect(alarmReadingText({ value: null, setpoint: 25, kind: 'high-high' }, 'ppm')).toBe('— ≥ 25.00 ppm');
    expect(alarmReadingText({ value: 0.051, setpoint: null, kind: 'high' }, undefined)).toBe('0.051 ≥ —');
  });
});

describe('alarm texts in Chinese', () => {
  it('names levels, kinds and states in the UI language', async () => {
    const { translator } = await import('../i18n/messages-core.ts');
    const { alarmKindMessages, alarmMessages } = await import('../i18n/messages/alarms.ts');
    expect(alarmLevelText(2, 'high', translator(alarmKindMessages, 'zh-CN'))).toBe('L2 ▲ 高');
    expect(alarmLevelText(3, 'mystery', translator(alarmKindMessages, 'zh-CN'))).toBe('L3 ■ MYSTERY');
    expect(alarmStateText({ state: 'rtn-unacknowledged', shelvedUntil: null }, translator(alarmMessages, 'zh-CN'))).toBe('已恢复未确认');
  });
});
