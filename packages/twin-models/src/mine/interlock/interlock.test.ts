import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import { interlockTable } from './interlock-table.ts';
import type { InterlockTable } from './interlock-table.ts';
import {
  applyInterlockEvent, createInterlockState, heldMachines, indexInterlock, staleSensors,
} from './interlock-logic.ts';
import type { InterlockEvent } from './interlock-logic.ts';

const mine = getDemoSite('cm-yangquan') as CoalMine;
const table = interlockTable(mine);

// Demo mine: CM-CH4-01 face (cut 1.5, restore < 1.0), -02 upper corner (same), -03 face return airway
// (cut 1.0, restore < 1.0), -05 on the shearer (range: the shearer CM-EQ-01), -09 main return (alarm only).
// Face-and-return range: shearer 01, face conveyor 02, tailgate pump 09, tailgate winch 10 (support control 03 is intrinsically safe).
const FACE_RANGE = ['CM-EQ-01', 'CM-EQ-02', 'CM-EQ-09', 'CM-EQ-10'];

/** Readings are measured one after the other unless a time is given (readings at or before the newest are ignored). */
let clockMs = 0;
const r = (sensorId: string, valuePct: number, atMs = ++clockMs): InterlockEvent => ({ kind: 'reading', sensorId, valuePct, atMs });
const stale = (sensorId: string, atMs = 0): InterlockEvent => ({ kind: 'fault', sensorId, fault: 'stale', valuePct: null, atMs });

/** A step: the event, then what the interlock must decide (cut / restore lists and the reason's kind), or null for nothing. */
type Step = [InterlockEvent, { cut?: string[]; restore?: string[]; kind?: string; setpointPct?: number } | null];

const CASES: Array<{ name: string; steps: Step[]; table?: InterlockTable }> = [
  {
    name: 'face: alarm level alone cuts nothing; 1.5 % cuts the face and its return airway',
    steps: [[r('CM-CH4-01', 0.4), null], [r('CM-CH4-01', 1.0), null], [r('CM-CH4-01', 1.49), null], [r('CM-CH4-01', 1.5), { cut: FACE_RANGE, kind: 'cut-level', setpointPct: 1.5 }]],
  },
  {
    name: 'face: hysteresis — stays cut at 1.2 % and at exactly 1.0 %, restores below 1.0 %',
    steps: [[r('CM-CH4-01', 1.62), { cut: FACE_RANGE }], [r('CM-CH4-01', 1.7), null], [r('CM-CH4-01', 1.2), null], [r('CM-CH4-01', 1.0), null], [r('CM-CH4-01', 0.98), { restore: FACE_RANGE, kind: 'restore-level', setpointPct: 1.0 }], [r('CM-CH4-01', 1.2), null]],
  },
  {
    name: 'return airway: alarm and cut at 1.0 %',
    steps: [[r('CM-CH4-03', 0.99), null], [r('CM-CH4-03', 1.0), { cut: FACE_RANGE, setpointPct: 1.0 }], [r('CM-CH4-03', 0.99), { restore: FACE_RANGE }]],
  },
  {
    name: 'two sensors cut one range: restored only when both are below their restore level',
    steps: [[r('CM-CH4-01', 1.6), { cut: FACE_RANGE }], [r('CM-CH4-02', 1.8), { cut: FACE_RANGE }], [r('CM-CH4-01', 0.5), { restore: [] }], [r('CM-CH4-02', 1.1), null], [r('CM-CH4-02', 0.6), { restore: FACE_RANGE }]],
  },
  {
    name: 'nested ranges: the shearer stays cut while its own sensor holds it',
    steps: [[r('CM-CH4-05', 1.55), { cut: ['CM-EQ-01'] }], [r('CM-CH4-01', 1.6), { cut: FACE_RANGE }], [r('CM-CH4-01', 0.7), { restore: ['CM-EQ-02', 'CM-EQ-09', 'CM-EQ-10'] }], [r('CM-CH4-05', 0.7), { restore: ['CM-EQ-01'] }]],
  },
  {
    name: 'a stale sensor cuts its range (fail-safe); a reading between restore and cut keeps it cut; below restore restores',
    steps: [[stale('CM-CH4-01'), { cut: FACE_RANGE, kind: 'sensor-fault', setpointPct: 1.5 }], [stale('CM-CH4-01'), null], [r('CM-CH4-01', 1.2), null], [r('CM-CH4-01', 0.3), { restore: FACE_RANGE }]],
  },
  {
    name: 'a reading outside the physical range is a fault and cuts',
    steps: [[r('CM-CH4-01', -0.5), { cut: FACE_RANGE, kind: 'sensor-fault' }], [r('CM-CH4-01', Number.NaN), null], [r('CM-CH4-01', 0.2), { restore: FACE_RANGE }]],
  },
  {
    name: 'a fault while already cut on a high reading commands nothing more',
    steps: [[r('CM-CH4-01', 2.1), { cut: FACE_RANGE }], [stale('CM-CH4-01'), null], [r('CM-CH4-01', 0.8), { restore: FACE_RANGE }]],
  },
  {
    name: 'a late (older) low reading never restores a cut; a re-sent one neither; a newer low one restores',
    steps: [[r('CM-CH4-01', 1.6, 10), { cut: FACE_RANGE, kind: 'cut-level' }], [r('CM-CH4-01', 0.2, 5), null], [r('CM-CH4-01', 0.2, 10), null], [r('CM-CH4-01', 0.2, 20), { restore: FACE_RANGE, kind: 'restore-level' }]],
  },
  {
    name: 'a late (older) high reading does not cut again after a newer low one restored',
    steps: [[r('CM-CH4-01', 1.6, 10), { cut: FACE_RANGE }], [r('CM-CH4-01', 0.2, 30), { restore: FACE_RANGE }], [r('CM-CH4-01', 1.7, 20), null], [r('CM-CH4-01', 1.7, 31), { cut: FACE_RANGE }]],
  },
  {
    name: 'a fault is never taken for a late reading (fail-safe): it cuts whatever its time; a reading newer than the last reading releases it',
    steps: [[r('CM-CH4-01', 0.3, 50), null], [stale('CM-CH4-01', 1), { cut: FACE_RANGE, kind: 'sensor-fault' }], [r('CM-CH4-01', 0.3, 40), null], [r('CM-CH4-01', 0.3, 51), { restore: FACE_RANGE }]],
  },
  {
    name: 'a main-return sensor alarms only: it never cuts, even when it fails',
    steps: [[r('CM-CH4-09', 2.5), null], [stale('CM-CH4-09'), null], [r('CM-CH4-99', 3), null]],
  },
];

describe('methane power-cut interlock (table-driven)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const index = indexInterlock(c.table ?? table);
      const state = createInterlockState();
      c.steps.forEach(([event, want], i) => {
        const got = applyInterlockEvent(index, state, event);
        if (want === null) {
          expect(got, `step ${i}`).toBeNull();
          return;
        }
        expect(got, `step ${i}`).not.toBeNull();
        expect([...got!.cut].sort(), `step ${i} cut`).toEqual([...(want.cut ?? [])].sort());
        expect([...got!.restore].sort(), `step ${i} restore`).toEqual([...(want.restore ?? [])].sort());
        if (want.kind) expect(got!.reason.kind, `step ${i} kind`).toBe(want.kind);
        if (want.setpointPct !== undefined) expect(got!.reason.setpointPct, `step ${i} set-point`).toBe(want.setpointPct);
        expect(got!.reason.sensorId).toBe(event.sensorId);
      });
    });
  }

  it('reads the set-points from the description: face 1.0 / 1.5 / < 1.0, return airway 1.0 / 1.0, main return alarm 0.75 only', () => {
    const by = new Map(table.sensors.map((s) => [s.sensorId, s]));
    expect(by.get('CM-CH4-01')).toMatchObject({ placement: 'longwall-face', alarmPct: 1.0, cutAtPct: 1.5, restoreBelowPct: 1.0 });
    expect(by.get('CM-CH4-03')).toMatchObject({ placement: 'face-return-airway', alarmPct: 1.0, cutAtPct: 1.0, restoreBelowPct: 1.0 });
    expect(by.get('CM-CH4-09')).toMatchObject({ placement: 'main-return', alarmPct: 0.75, cutAtPct: null, rangeEquipmentIds: [] });
    expect(by.get('CM-CH4-01')!.rangeEquipmentIds.sort()).toEqual(FACE_RANGE);
    // Intrinsically safe equipment is never in a range, whatever a description says.
    const broken = { ...mine, sensors: mine.sensors.map((s) => (s.id === 'CM-CH4-01' ? { ...s, powerCut: { ...s.powerCut!, equipmentIds: [...s.powerCut!.equipmentIds, 'CM-EQ-03'] } } : s)) };
    expect(interlockTable(broken).sensors[0]!.rangeEquipmentIds).not.toContain('CM-EQ-03');
  });

  it('machines without remote power control are listed to be switched off locally, never commanded', () => {
    const local = { ...mine, equipment: mine.equipment.map((e) => (e.id === 'CM-EQ-10' ? { ...e, remotePowerControl: false } : e)) };
    const t = interlockTable(local);
    const index = indexInterlock(t);
    const state = createInterlockState();
    const cut = applyInterlockEvent(index, state, r('CM-CH4-01', 1.7))!;
    expect(cut.cut.sort()).toEqual(['CM-EQ-01', 'CM-EQ-02', 'CM-EQ-09']);
    expect(cut.cutManually).toEqual(['CM-EQ-10']);
    expect(applyInterlockEvent(index, state, r('CM-CH4-01', 0.2))!.restore.sort()).toEqual(['CM-EQ-01', 'CM-EQ-02', 'CM-EQ-09']);
  });

  it('tells which machines are held and by whom', () => {
    const index = indexInterlock(table);
    const state = createInterlockState();
    applyInterlockEvent(index, state, r('CM-CH4-05', 1.6, 1000));
    applyInterlockEvent(index, state, stale('CM-CH4-01', 2000));
    const held = heldMachines(index, state);
    expect(held.get('CM-EQ-01')!.map((c) => c.sensorId).sort()).toEqual(['CM-CH4-01', 'CM-CH4-05']);
    expect(held.get('CM-EQ-02')).toEqual([{ sensorId: 'CM-CH4-01', kind: 'fault', fault: 'stale', readingPct: null, setpointPct: 1.5, atMs: 2000 }]);
    expect(held.has('CM-EQ-11')).toBe(false);
  });

  it('a sensor is stale after three silent intervals (never heard: counted from the start)', () => {
    const heard = new Map([['CM-CH4-01', 10_000], ['CM-CH4-02', 12_500]]);
    const out = staleSensors(table, heard, 9_000, 13_001);
    expect(out).toContain('CM-CH4-01'); // 3001 ms > 3 × 1000 ms
    expect(out).not.toContain('CM-CH4-02');
    expect(out).toContain('CM-CH4-03'); // never heard since 9000
  });
});
