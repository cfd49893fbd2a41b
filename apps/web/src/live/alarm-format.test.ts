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
  // AlarmView.value is the value when the alarm last changed (activation, or return to normal); the
  // hub keeps no peak. The comparison is written only where it holds of the numbers shown.
  const CASES = [
    { title: 'active high: the activation value against the set-point', input: { value: 32.5, setpoint: 25, kind: 'high', processActive: true }, unit: '%LEL', expected: '32.50 %LEL ≥ 25.00 %LEL' },
    { title: 'active low', input: { value: 18.2, setpoint: 19.5, kind: 'low', processActive: true }, unit: '%vol', expected: '18.20 %vol ≤ 19.50 %vol' },
    { title: 'active, on the set-point', input: { value: 25, setpoint: 25, kind: 'high-high', processActive: true }, unit: 'ppm', expected: '25.00 ppm ≥ 25.00 ppm' },
    { title: 'returned to normal (RTN-UNACK): the value it cleared at, the limit apart', input: { value: 21, setpoint: 23, kind: 'high', processActive: false }, unit: '%vol', expected: 'cleared 21.00 %vol · limit ≥ 23.00 %vol' },
    { title: 'returned to normal, low', input: { value: 20.4, setpoint: 19.5, kind: 'low', processActive: false }, unit: '%vol', expected: 'cleared 20.40 %vol · limit ≤ 19.50 %vol' },
    { title: 'active without a value', input: { value: null, setpoint: 25, kind: 'high-high', processActive: true }, unit: 'ppm', expected: '— · limit ≥ 25.00 ppm' },
    { title: 'returned without a value', input: { value: null, setpoint: 25, kind: 'high', processActive: false }, unit: 'ppm', expected: '— · limit ≥ 25.00 ppm' },
    { title: 'active, but the value kept is from the normal side (activation carried none)', input: { value: 21, setpoint: 23, kind: 'high', processActive: true }, unit: '%vol', expected: 'last 21.00 %vol · limit ≥ 23.00 %vol' },
    { title: 'returned, but the value kept is the activation one (the clear carried none)', input: { value: 32.5, setpoint: 25, kind: 'high', processActive: false }, unit: '%LEL', expected: 'last 32.50 %LEL · limit ≥ 25.00 %LEL' },
    { title: 'active without a set-point: nothing to compare with', input: { value: 0.051, setpoint: null, kind: 'high', processActive: true }, unit: undefined, expected: 'last 0.051 · limit ≥ —' },
    { title: 'returned without a set-point', input: { value: 0.012, setpoint: null, kind: 'high', processActive: false }, unit: undefined, expected: 'cleared 0.012 · limit ≥ —' },
  ] as const;
  for (const { title, input, unit, expected } of CASES) it(title, () => expect(alarmReadingText(input, unit), title).toBe(expected));
});

describe('alarm texts in Chinese', () => {
  it('names levels, kinds and states in the UI language', async () => {
    const { translator } = await import('../i18n/messages-core.ts');
    const { alarmKindMessages, alarmMessages } = await import('../i18n/messages/alarms.ts');
    expect(alarmLevelText(2, 'high', translator(alarmKindMessages, 'zh-CN'))).toBe('L2 ▲ 高');
    expect(alarmLevelText(3, 'mystery', translator(alarmKindMessages, 'zh-CN'))).toBe('L3 ■ MYSTERY');
    // The hub's rule alarms (apps/realtime alarm-policy.ts RuleAlarmKind, the voting monitor's degraded point) too.
    for (const [kind, zh] of [['rate', '变化率'], ['deviation', '偏差'], ['voting', '表决'], ['voting-degraded', '表决降级'], ['pseudo-data', '伪数据']] as const) {
      expect(alarmLevelText(3, kind, translator(alarmKindMessages, 'zh-CN'))).toBe(`L3 ■ ${zh}`);
    }
    expect(alarmStateText({ state: 'rtn-unacknowledged', shelvedUntil: null }, translator(alarmMessages, 'zh-CN'))).toBe('已恢复未确认');
    const zh = translator(alarmMessages, 'zh-CN');
    expect(alarmReadingText({ value: 32.5, setpoint: 25, kind: 'high', processActive: true }, '%LEL', zh)).toBe('32.50 %LEL ≥ 25.00 %LEL');
    expect(alarmReadingText({ value: 21, setpoint: 23, kind: 'high', processActive: false }, '%vol', zh)).toBe('恢复时 21.00 %vol · 限值 ≥ 23.00 %vol');
    expect(alarmReadingText({ value: null, setpoint: 25, kind: 'high', processActive: true }, 'ppm', zh)).toBe('— · 限值 ≥ 25.00 ppm');
    expect(alarmReadingText({ value: 32.5, setpoint: 25, kind: 'high', processActive: false }, '%LEL', zh)).toBe('最近 32.50 %LEL · 限值 ≥ 25.00 %LEL');
  });
});
