import { getDemoSite, type Site } from '@safetwin/twin-models';
import { alarmId, type AlarmPoint } from '../alarm-engine.ts';
import type { SetpointLimits } from '../setpoint-tracker.ts';
import type { RuleSink } from './rule-sensors.ts';
import type { LimitSink } from './site-rules.ts';
import type { MemberAlarm } from './voting-monitor.ts';

/** One condition change a monitor reported. */
export interface Reported {
  id: string;
  active: boolean;
  value: number | null;
  point: AlarmPoint;
}

/** An in-memory stand-in for the alarm engine (tests): keeps conditions and limits, logs changes. */
export class FakeSink implements RuleSink, LimitSink {
  readonly active = new Set<string>();
  readonly log: Reported[] = [];
  readonly limits = new Map<string, SetpointLimits>();

  setCondition(point: AlarmPoint, active: boolean, value: number | null): void {
    const id = alarmId(point.siteId, point.deviceId, point.metric, point.kind);
    if (this.active.has(id) === active) return;
    if (active) this.active.add(id);
    else this.active.delete(id);
    this.log.push({ id, active, value, point });
  }

  isActive(point: Pick<AlarmPoint, 'siteId' | 'deviceId' | 'metric' | 'kind'>): boolean {
    return this.active.has(alarmId(point.siteId, point.deviceId, point.metric, point.kind));
  }

  updateLimits(deviceId: string, metric: string, limits: SetpointLimits): boolean {
    this.limits.set(`${deviceId}/${metric}`, limits);
    return true;
  }

  /** Standing alarms to hand to the rules at start (the engine's list), and the change listeners. */
  readonly standing: MemberAlarm[] = [];
  readonly changeListeners: ((a: MemberAlarm) => void)[] = [];

  list(): MemberAlarm[] {
    return this.standing;
  }

  onChange(listener: (a: MemberAlarm) => void): void {
    this.changeListeners.push(listener);
  }

  /** Active alarm ids of one kind. */
  activeOf(kind: string): string[] {
    return [...this.active].filter((id) => id.endsWith(`/${kind}`)).sort();
  }
}

/** The demo chemical park. */
export const demoPark = (): Site => getDemoSite('cp-nanjing')!;
