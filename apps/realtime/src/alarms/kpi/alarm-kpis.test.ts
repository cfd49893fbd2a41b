import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { demoSites } from '@safetwin/twin-models';
import { storeVariants, pollUntil } from '../../test-support/test-hub.ts';
import { AlarmEngine, alarmId } from '../alarm-engine.ts';
import { AlarmStore } from '../alarm-store.ts';
import { ackReason, type AckRequest } from './ack-classification.ts';
import { alarmKpis } from './alarm-kpis.ts';
import { monthBounds, monthOf } from './kpi-window.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** The clock starts a minute before a month ends, so activations fall in two months. */
const MARCH_END = Date.UTC(2026, 2, 31, 23, 59);
const APRIL = Date.UTC(2026, 3, 1);

describe.each(storeVariants())('alarm KPIs from the audit trail on $name', (variant) => {
  let dispose: () => Promise<void>;
  let db: SqlClient;
  let store: AlarmStore;
  let engine: AlarmEngine;
  let clockMs = MARCH_END;
  const park = demoSites().find((s) => s.kind === 'chemical-park')!;
  const [a, b, c] = park.sensors.filter((s) => s.kind === 'gas-flammable' && s.setpoints?.high != null);
  const idOf = (s: typeof a) => alarmId(park.id, s!.id, s!.setpoints!.metric, 'high');
  const seqs = new Map<string, number>();
  const storeErrors: unknown[] = [];

  /** Readings at the clock's time (sensor time = clock): a gas detector raises at once, clears after 5 s below the band. */
  const read = (s: typeof a, value: number, atMs = clockMs) => {
    const seq = (seqs.get(s!.id) ?? 0) + 1;
    seqs.set(s!.id, seq);
    engine.evaluate([{ deviceId: s!.id, ts: atMs, seq, values: { [s!.setpoints!.metric]: value } }]);
  };
  const at = (ms: number) => (clockMs = ms);
  const activate = (s: typeof a, ms: number) => (at(ms), read(s, s!.setpoints!.high! * 1.2));
  /** Back below the deadband at `ms`, cleared by the off-delay at `ms + 5 s`. */
  const returnToNormal = (s: typeof a, ms: number) => {
    at(ms);
    read(s, 0.5);
    at(ms + 5 * SECOND);
    read(s, 0.5);
  };
  const ack = (s: typeof a, ms: number, body: AckRequest) => (at(ms), engine.operate(idOf(s), { type: 'ack' }, 'officer-1', ackReason(body)));
  const stored = () => pollUntil(async () => store.stats.written === engine.stats.changes, 10_000);
  const kpis = async (nowMs: number, month = monthOf(nowMs)) => {
    at(nowMs);
    await stored();
    return alarmKpis(db, engine.list(null, false), nowMs, month);
  };

  beforeAll(async () => {
    const prepared = await variant.prepare();
    dispose = prepared.dispose;
    db = await openDatabase({ databaseUrl: prepared.options.databaseUrl, now: () => clockMs });
    store = new AlarmStore(db, (err) => storeErrors.push(err));
    engine = new AlarmEngine(store, () => {}, () => clockMs);
    await engine.start([park]);

    // a1 (March): back within 5 s before anyone acted — fleeting; then acknowledged as a false alarm.
    activate(a, MARCH_END);
    returnToNormal(a, MARCH_END + 1 * SECOND);
    ack(a, MARCH_END + 30 * SECOND, { classification: 'false', reason: 'calibration gas' });
    // a2 (April): acknowledged as real first, back after a minute — neither false nor fleeting.
    activate(a, APRIL + 30 * SECOND);
    ack(a, APRIL + 50 * SECOND, { classification: 'real' });
    returnToNormal(a, APRIL + 90 * SECOND);
    // a3: back after 30 s (not fleeting), then classified false.
    activate(a, APRIL + 2.5 * MINUTE);
    returnToNormal(a, APRIL + 2.5 * MINUTE + 25 * SECOND);
    ack(a, APRIL + 3.5 * MINUTE, { classification: 'false' });
    // a4: acknowledged without a classification, still standing.
    activate(a, APRIL + 4.5 * MINUTE);
    ack(a, APRIL + 4.6 * MINUTE, undefined);
    // b1–b3: b1 fleeting, none acknowledged; b3 still standing unacknowledged.
    activate(b, APRIL + 5 * MINUTE);
    returnToNormal(b, APRIL + 5 * MINUTE + 1 * SECOND);
    activate(b, APRIL + 5.5 * MINUTE);
    returnToNormal(b, APRIL + 5.5 * MINUTE + 20 * SECOND);
    activate(b, APRIL + 5.9 * MINUTE);
    // c: its device goes silent.
    at(APRIL + 5.9 * MINUTE);
    engine.setCondition({ siteId: park.id, deviceId: c!.id, enterpriseId: c!.enterpriseId, metric: '*', kind: 'stale', level: 3, priority: 'medium', setpoint: null }, true, null);
  });
  afterAll(async () => {
    await engine.close();
    expect(storeErrors).toEqual([]);
    await db.close();
    await dispose();
  });

  it('counts activations in the last 10 minutes, chattering alarms, bad actors, standing alarms and stale devices', async () => {
    const k = await kpis(APRIL + 6 * MINUTE);
    // Window (23:56, 00:06]: a1–a4 and b1–b3; the stale alarm is one more activation.
    expect(k.activationsLast10Min).toBe(8);
    expect(k.chattering).toEqual([
      { alarmId: idOf(a), deviceId: a!.id, activations: 4 },
      { alarmId: idOf(b), deviceId: b!.id, activations: 3 },
    ]);
    expect(k.badActors.slice(0, 2)).toEqual(k.chattering);
    expect(k.badActors).toHaveLength(3);
    expect(k.standing).toBe(3); // a acknowledged, b unacknowledged, c stale
    expect(k.stale).toEqual([{ deviceId: c!.id }]);
  });

  it('forgets activations older than 10 minutes for the rate, and older than 24 h for bad actors', async () => {
    const later = await kpis(APRIL + 20 * MINUTE);
    expect(later.activationsLast10Min).toBe(0);
    expect(later.chattering).toEqual([]);
    expect(later.badActors.map((x) => x.activations)).toEqual([4, 3, 1]);
    const nextDay = await kpis(APRIL + 24 * 60 * MINUTE + 3 * MINUTE);
    // Only what came after 00:03 of the day before is still in the window: b1–b3, a4, the stale activation.
    expect(nextDay.badActors[0]).toEqual({ alarmId: idOf(b), deviceId: b!.id, activations: 3 });
    expect(nextDay.badActors.slice(1).map((x) => `${x.deviceId}:${x.activations}`).sort()).toEqual([`${a!.id}:1`, `${c!.id}:1`].sort());
  });

  it('gives the false-alarm rate of a month: classified false at acknowledgement, fleeting ones counted apart', async () => {
    const april = await kpis(APRIL + 6 * MINUTE);
    // April: a2, a3, a4, b1, b2, b3 and the stale activation; a3 classified false; b1 fleeting.
    expect(april.falseAlarmRatePct).toEqual({ month: '2026-04', pct: 14.3, falseCount: 1, total: 7, fleetingCount: 1, fleetingPct: 14.3 });
    const march = await kpis(APRIL + 6 * MINUTE, '2026-03');
    expect(march.falseAlarmRatePct).toEqual({ month: '2026-03', pct: 100, falseCount: 1, total: 1, fleetingCount: 1, fleetingPct: 100 });
    const empty = await kpis(APRIL + 6 * MINUTE, '2026-02');
    expect(empty.falseAlarmRatePct).toEqual({ month: '2026-02', pct: null, falseCount: 0, total: 0, fleetingCount: 0, fleetingPct: null });
  });

  it('records the classification truthfully in the acknowledgement', async () => {
    await stored();
    const acks = (await engine.history(idOf(a))).filter((t) => t.event === 'ack').map((t) => t.reason);
    expect(acks).toEqual(['classified false alarm: calibration gas', 'classified real alarm', 'classified false alarm', null]);
  });

  it('takes months as UTC calendar months', () => {
    expect(monthBounds('2026-12')).toEqual({ startMs: Date.UTC(2026, 11, 1), endMs: Date.UTC(2027, 0, 1) });
    expect(monthOf(APRIL - 1)).toBe('2026-03');
    expect(() => monthBounds('2026-13')).toThrow(/YYYY-MM/);
  });
});
