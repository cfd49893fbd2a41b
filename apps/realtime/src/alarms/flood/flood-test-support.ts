import type { AlarmView } from '@safetwin/protocol';
import type { DeviceRelations } from './alarm-relations.ts';

/** A site of test devices: two on equipment EQ1 500 m apart, one 50 m from A1 on EQ2, one far on EQ3, one 400 m from A1 on EQ4 (A1's plot), a weather station. */
export const TEST_RELATIONS = new Map<string, DeviceRelations>([
  ['A1', { keys: ['unit:EQ1'], position: { eastM: 0, northM: 0, upM: 0 }, unit: 'EQ1', kind: 'gas-flammable' }],
  ['A2', { keys: ['unit:EQ1'], position: { eastM: 500, northM: 0, upM: 0 }, unit: 'EQ1', kind: 'gas-flammable' }],
  ['B1', { keys: ['unit:EQ2'], position: { eastM: 30, northM: 40, upM: 0 }, unit: 'EQ2', kind: 'gas-h2s' }],
  ['C1', { keys: ['unit:EQ3'], position: { eastM: 2000, northM: 2000, upM: 0 }, unit: 'EQ3', kind: 'gas-h2s' }],
  ['D1', { keys: ['unit:EQ4'], position: { eastM: 0, northM: 400, upM: 0 }, unit: 'EQ4', kind: 'gas-cl2' }],
  ['W1', { keys: [], position: { eastM: 10, northM: 0, upM: 10 }, unit: 'W1', kind: 'weather' }],
]);

/** An alarm of a test device as the engine hands a new activation to the grouper. */
export function testAlarm(deviceId: string, raisedAt: number, over: Partial<AlarmView> = {}): AlarmView {
  const kind = over.kind ?? 'high';
  return {
    id: `S/${deviceId}/m/${kind}`,
    siteId: 'S',
    enterpriseId: 'E1',
    deviceId,
    metric: 'm',
    kind,
    level: 2,
    priority: 'medium',
    state: 'unacknowledged',
    processActive: true,
    value: 1,
    setpoint: 1,
    count: 1,
    raisedAt,
    updatedAt: raisedAt,
    shelvedUntil: null,
    groupId: null,
    firstOut: false,
    response: null,
    ...over,
  };
}
