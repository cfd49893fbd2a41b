import { describe, expect, it } from 'vitest';
import { deviceLabels, enterpriseNames } from './site-labels.ts';

const PARK = {
  kind: 'chemical-park',
  enterprises: [{ id: 'CP-E1', name: { zh: '江北氯碱化工有限公司', en: 'Jiangbei Chlor-Alkali Co., Ltd.' } }],
  equipment: [{ id: 'CP-E1-TK-01', name: { zh: '1#液氯球罐', en: 'liquid chlorine sphere 1' } }],
  sensors: [
    { id: 'CP-E1-GT-001', equipmentId: 'CP-E1-TK-01' },
    { id: 'CP-WX-01' },
  ],
  pipes: { valves: [{ id: 'V1', deviceId: 'CP-E1-XV-001', name: { zh: '阀', en: 'sphere 1 outlet ESD valve' } }, { id: 'V2', deviceId: null, name: { zh: '手阀', en: 'manual' } }] },
};
const MINE = {
  kind: 'coal-mine',
  enterprises: [{ id: 'CM-OP', name: { zh: '晋东示范煤业有限公司', en: 'Jindong Demo Coal Co., Ltd.' } }],
  equipment: [{ id: 'CM-EQ-01', deviceId: 'CM-PWR-01', name: { zh: '采煤机', en: 'shearer' } }],
  sensors: [{ id: 'CM-CH4-01', placement: 'longwall-face' }],
  miners: [{ id: 'CM-P-001', name: '徐建国', tagDeviceId: 'CM-TAG-001', team: '综采一队' }],
};

describe('site labels', () => {
  it('names enterprises in English', () => {
    expect(enterpriseNames(PARK)).toEqual({ 'CP-E1': 'Jiangbei Chlor-Alkali Co., Ltd.' });
  });
  it('labels park sensors by their equipment and actuators by their valve', () => {
    expect(deviceLabels(PARK)).toEqual({ 'CP-E1-GT-001': 'liquid chlorine sphere 1', 'CP-E1-XV-001': 'sphere 1 outlet ESD valve' });
    // In Chinese, the description's Chinese names.
    expect(deviceLabels(PARK, 'zh-CN')).toEqual({ 'CP-E1-GT-001': '1#液氯球罐', 'CP-E1-XV-001': '阀' });
    expect(enterpriseNames(PARK, 'zh-CN')).toEqual({ 'CP-E1': '江北氯碱化工有限公司' });
  });
  it('labels mine sensors by placement, power switches by machine, tags by wearer and team', () => {
    expect(deviceLabels(MINE)).toEqual({ 'CM-CH4-01': 'longwall face', 'CM-PWR-01': 'shearer', 'CM-TAG-001': '徐建国 · 综采一队' });
    // In Chinese, the placement in the regulations' words; one the wall does not know yet, as its words.
    expect(deviceLabels(MINE, 'zh-CN')['CM-CH4-01']).toBe('采煤工作面');
    expect(deviceLabels({ sensors: [{ id: 'X', placement: 'bleeder-road' }] }, 'zh-CN')).toEqual({ X: 'bleeder road' });
  });
  it('tolerates missing or odd descriptions', () => {
    expect(deviceLabels(null)).toEqual({});
    expect(enterpriseNames({ enterprises: 'x' })).toEqual({});
    expect(deviceLabels({ sensors: [null, 3, { id: 5 }] })).toEqual({});
  });
});
