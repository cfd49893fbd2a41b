// The roof of a mine for the wall (GET /sites/:id/roof): each roof-displacement sensor with its
// latest value, its rate over the last hour and its alarm state, and the worst state per roadway
// so the twin can colour the segment.
import type { SqlClient } from '@safetwin/db';
import { ROOF_STATES, type AlarmView, type RoofSensorView, type RoofState, type SiteRoofView } from '@safetwin/protocol';
import type { CoalMine } from '@safetwin/twin-models';

/** The window the displayed rate is measured over, ms (the rate alarm's window, see rule-set.ts). */
export const ROOF_RATE_WINDOW_MS = 3_600_000;
/** Least span of readings for a rate to be shown, ms (half the window, as the rate alarm). */
const MIN_RATE_SPAN_MS = ROOF_RATE_WINDOW_MS / 2;

const worse = (a: RoofState, b: RoofState) => (ROOF_STATES.indexOf(a) >= ROOF_STATES.indexOf(b) ? a : b);

/** Builds the roof view from the stored readings of the last hour and the engine's active alarms. */
export async function readRoof(db: SqlClient, site: CoalMine, deviceNum: (deviceId: string) => number | undefined, activeAlarms: readonly AlarmView[], nowMs: number): Promise<SiteRoofView> {
  const sensors = site.sensors.filter((s) => s.kind === 'roof-displacement');
  const nums = new Map<number, string>();
  for (const s of sensors) {
    const n = deviceNum(s.id);
    if (n !== undefined) nums.set(n, s.id);
  }
  const first = new Map<string, { ts: number; value: number }>();
  const last = new Map<string, { ts: number; value: number }>();
  if (nums.size > 0) {
    const list = [...nums.keys()].map((_, i) => `$${i + 2}`).join(', ');
    for (const [order, into] of [['ASC', first], ['DESC', last]] as const) {
      const rows = await db.query<{ device_num: number; ts: Date | string; value: number }>(
        `SELECT DISTINCT ON (r.device_num) r.device_num, r.ts, r.value FROM readings r JOIN metrics m ON m.num = r.metric_num
          WHERE m.name = 'roof_disp_mm' AND r.ts >= $1 AND r.device_num IN (${list}) ORDER BY r.device_num, r.ts ${order}`,
        [new Date(nowMs - ROOF_RATE_WINDOW_MS).toISOString(), ...nums.keys()],
      );
      for (const r of rows) into.set(nums.get(Number(r.device_num))!, { ts: new Date(r.ts).getTime(), value: Number(r.value) });
    }
  }
  const alarmsBy = new Map<string, string[]>();
  for (const a of activeAlarms) if (a.processActive) alarmsBy.set(a.deviceId, [...(alarmsBy.get(a.deviceId) ?? []), a.kind]);
  const views = sensors.map((s): RoofSensorView => {
    const a = first.get(s.id), b = last.get(s.id);
    const alarms = alarmsBy.get(s.id) ?? [];
    const state: RoofState = !b ? 'no-data' : alarms.includes('high-high') ? 'danger' : alarms.includes('high') ? 'warning' : alarms.includes('rate') ? 'rising' : 'normal';
    return {
      sensorId: s.id, roadwayId: s.roadwayId ?? null, position: s.position, valueMm: b?.value ?? null, readAt: b?.ts ?? null,
      rateMmH: a && b && b.ts - a.ts >= MIN_RATE_SPAN_MS ? Math.round(((b.value - a.value) / (b.ts - a.ts)) * 3_600_000 * 100) / 100 : null,
      warningMm: s.setpoints?.high ?? null, dangerMm: s.setpoints?.highHigh ?? null, state, alarms,
    };
  });
  const byRoadway = new Map<string, { state: RoofState; sensorIds: string[] }>();
  for (const v of views) {
    if (!v.roadwayId) continue;
    const r = byRoadway.get(v.roadwayId) ?? { state: 'no-data' as RoofState, sensorIds: [] };
    r.state = worse(r.state, v.state);
    r.sensorIds.push(v.sensorId);
    byRoadway.set(v.roadwayId, r);
  }
  return { siteId: site.id, at: nowMs, sensors: views, roadways: [...byRoadway].map(([roadwayId, r]) => ({ roadwayId, ...r })) };
}
