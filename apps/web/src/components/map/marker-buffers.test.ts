import { describe, expect, it } from 'vitest';
import type { LatestSample } from '../../live/merge-batch.ts';
import { MINER_STATES, MinerBuffers, minerState, refreshSensorStates, VISUAL_STATE_INDEX } from './marker-buffers.ts';
import { SiteProjector } from './site-projector.ts';

const NOW = 1_764_316_800_000;
const sample = (ts: number, values: Record<string, number>): LatestSample => ({ reading: { deviceId: 'T', ts, seq: 1, values }, receivedAtMs: ts });

describe('refreshSensorStates', () => {
  it('writes state indices and counts only the changes', () => {
    const sensors = [{ deviceId: 'A' }, { deviceId: 'B' }, { deviceId: 'C' }];
    const out = new Uint8Array(3).fill(VISUAL_STATE_INDEX['no-data']);
    const states: Record<string, 'normal' | 'stale' | 'critical' | 'no-data'> = { A: 'normal', B: 'no-data', C: 'critical' };
    expect(refreshSensorStates(out, sensors, (id) => states[id]!)).toBe(2);
    expect([...out]).toEqual([VISUAL_STATE_INDEX.normal, VISUAL_STATE_INDEX['no-data'], VISUAL_STATE_INDEX.critical]);
    expect(refreshSensorStates(out, sensors, (id) => states[id]!)).toBe(0);
    states.A = 'stale';
    expect(refreshSensorStates(out, sensors, (id) => states[id]!)).toBe(1);
    expect(out[0]).toBe(VISUAL_STATE_INDEX.stale);
  });
});

describe('minerState', () => {
  const CASES = [
    { title: 'a fresh tag is live', s: sample(NOW - 200, { east_m: 1 }), link: 'up', expected: 'live' },
    { title: 'a fresh tag with sos=1 is SOS', s: sample(NOW - 200, { sos: 1 }), link: 'up', expected: 'sos' },
    { title: 'a tag silent 3× its interval is silent, SOS or not', s: sample(NOW - 3000, { sos: 1 }), link: 'up', expected: 'silent' },
    { title: 'a fresh tag without the hub link is not live', s: sample(NOW - 200, {}), link: 'down', expected: 'silent' },
    { title: 'never heard is no-data', s: undefined, link: 'up', expected: 'no-data' },
  ] as const;
  for (const c of CASES) it(c.title, () => expect(minerState(c.s, 1000, NOW, c.link), c.title).toBe(c.expected));
});

describe('MinerBuffers', () => {
  const projector = new SiteProjector({ latDeg: 37.86, lonDeg: 113.58, altM: 1000 });
  const tags = [{ tagDeviceId: 'T1', tagIntervalMs: 1000 }, { tagDeviceId: 'T2', tagIntervalMs: 1000 }];

  it('places reporting tags, leaves unheard ones without a place, and reports changes once', () => {
    const b = new MinerBuffers(tags, projector);
    const samples: Record<string, LatestSample> = { T1: sample(NOW - 100, { east_m: 100, north_m: 200, up_m: -430 }) };
    expect(b.refresh((id) => samples[id], NOW, 'up')).toBe(true);
    const [lon, lat] = projector.lonLat(100, 200);
    expect(b.positions[0]).toBeCloseTo(lon, 9);
    expect(b.positions[1]).toBeCloseTo(lat, 9);
    expect(Number.isNaN(b.positions[2])).toBe(true);
    expect(MINER_STATES[b.states[0]!]).toBe('live');
    expect(MINER_STATES[b.states[1]!]).toBe('no-data');
    expect(b.refresh((id) => samples[id], NOW, 'up')).toBe(false);
  });

  it('keeps a silent tag at its last place and turns it grey', () => {
    const b = new MinerBuffers(tags, projector);
    const samples: Record<string, LatestSample> = { T1: sample(NOW - 100, { east_m: 100, north_m: 200 }) };
    b.refresh((id) => samples[id], NOW, 'up');
    const lon = b.positions[0];
    expect(b.refresh((id) => samples[id], NOW + 5000, 'up')).toBe(true);
    expect(MINER_STATES[b.states[0]!]).toBe('silent');
    expect(b.positions[0]).toBe(lon);
  });
});
