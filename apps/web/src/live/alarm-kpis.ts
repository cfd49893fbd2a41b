// The site wall's alarm KPIs (EEMUA 191 / ISA-18.2 performance measures): the hub's
// `GET /alarms/kpis?siteId=` answer read defensively, and, while the hub has no such route, the
// part the wall can work out from its own standing list and the `alarm-load` event.
import type { AlarmLoadView, AlarmView } from '@safetwin/protocol';
import { activatedAtMs } from './alarm-list.ts';

/** An alarm point and how often it went off in the KPI's window. */
export interface AlarmPointActivations {
  alarmId: string;
  deviceId: string;
  activations: number;
}

/** The false-alarm rate of one month, as the seed tracks it. */
export interface FalseAlarmRate {
  /** `YYYY-MM`. */
  month: string;
  pct: number;
  falseCount: number;
  total: number;
}

/** The KPI figures; `source` says whether the hub computed them or the wall estimated what it could. */
export interface AlarmKpis {
  source: 'hub' | 'wall';
  /** Activations in the last 10 min (EEMUA 191: ≤ 1 per 10 min is very likely acceptable, > 10 is a flood); null when unknown. */
  activationsLast10Min: number | null;
  /** Standing alarms (every state but normal). */
  standing: number;
  /** Alarm points with ≥ 3 activations in 10 min. */
  chattering: AlarmPointActivations[];
  /** Sensors reporting no data. */
  stale: { deviceId: string }[];
  /** Top 5 alarm points by activations in 24 h. */
  badActors: AlarmPointActivations[];
  falseAlarmRate: FalseAlarmRate | null;
}

/** Activations in this window make a point chattering (ISA-18.2 TR5 uses ≥ 3 per minute; the seed's wall counts per 10 min). */
export const CHATTER_ACTIVATIONS = 3;
const WINDOW_10_MIN_MS = 10 * 60_000;
/** How many bad actors the panel lists. */
export const BAD_ACTOR_COUNT = 5;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function points(value: unknown): AlarmPointActivations[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) =>
    isObj(p) && typeof p.alarmId === 'string' && typeof p.deviceId === 'string' && num(p.activations) !== null
      ? [{ alarmId: p.alarmId, deviceId: p.deviceId, activations: num(p.activations)! }]
      : [],
  );
}

/** Reads the hub's KPI answer; null when it is not that shape (the panel then falls back to the wall's own figures). */
export function parseAlarmKpis(body: unknown): AlarmKpis | null {
  const k = isObj(body) && isObj(body.kpis) ? body.kpis : body;
  if (!isObj(k) || num(k.standing) === null) return null;
  const rate = isObj(k.falseAlarmRatePct) ? k.falseAlarmRatePct : null;
  return {
    source: 'hub',
    activationsLast10Min: num(k.activationsLast10Min),
    standing: num(k.standing)!,
    chattering: points(k.chattering),
    stale: Array.isArray(k.stale) ? k.stale.flatMap((s) => (isObj(s) && typeof s.deviceId === 'string' ? [{ deviceId: s.deviceId }] : [])) : [],
    badActors: points(k.badActors).slice(0, BAD_ACTOR_COUNT),
    falseAlarmRate:
      rate && typeof rate.month === 'string' && num(rate.pct) !== null
        ? { month: rate.month, pct: num(rate.pct)!, falseCount: num(rate.falseCount) ?? 0, total: num(rate.total) ?? 0 }
        : null,
  };
}

/**
 * What the wall can tell without the hub's KPI route: the standing count, activations from the
 * `alarm-load` event (else the standing alarms raised in the window), stale sensors from their `stale` alarms, and repeats (`count`) of the
 * standing alarms as a stand-in for chattering points and bad actors. No false-alarm rate.
 */
export function wallAlarmKpis(alarms: readonly AlarmView[], load: AlarmLoadView | null, nowMs: number): AlarmKpis {
  const byCount = [...alarms].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const asPoint = (a: AlarmView): AlarmPointActivations => ({ alarmId: a.id, deviceId: a.deviceId, activations: a.count });
  return {
    source: 'wall',
    // Without the hub's count, the standing alarms raised in the window: a floor, not the count.
    activationsLast10Min: load ? load.activationsLast10Min : alarms.filter((a) => a.raisedAt !== null && nowMs - a.raisedAt <= WINDOW_10_MIN_MS).length,
    standing: alarms.length,
    chattering: byCount.filter((a) => a.count >= CHATTER_ACTIVATIONS && nowMs - activatedAtMs(a) <= WINDOW_10_MIN_MS).map(asPoint),
    stale: [...new Set(alarms.filter((a) => a.kind === 'stale').map((a) => a.deviceId))].sort().map((deviceId) => ({ deviceId })),
    badActors: byCount.filter((a) => a.count > 1).slice(0, BAD_ACTOR_COUNT).map(asPoint),
    falseAlarmRate: null,
  };
}

/** The kind of an alarm point from its id (`site/device/metric/kind` → `kind`). */
export function pointKind(alarmId: string): string {
  return alarmId.slice(alarmId.lastIndexOf('/') + 1);
}
