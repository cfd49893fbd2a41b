import type { AlarmView } from '@safetwin/protocol';

/** A standing alarm for tests, with overrides. */
export function alarmView(overrides: Partial<AlarmView> & { id?: string } = {}): AlarmView {
  const deviceId = overrides.deviceId ?? 'GD-01';
  const metric = overrides.metric ?? 'lel_pct';
  const kind = overrides.kind ?? 'high';
  return {
    id: overrides.id ?? `park/${deviceId}/${metric}/${kind}`,
    siteId: 'park',
    enterpriseId: null,
    deviceId,
    metric,
    kind,
    level: 2,
    priority: 'medium',
    state: 'unacknowledged',
    processActive: true,
    value: 32.5,
    setpoint: 25,
    count: 1,
    raisedAt: 1_000,
    updatedAt: 1_000,
    shelvedUntil: null,
    groupId: null,
    firstOut: false,
    response: null,
    ...overrides,
  };
}
