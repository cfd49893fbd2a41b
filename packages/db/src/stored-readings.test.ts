import { describe, expect, it } from 'vitest';
import { groupStoredRows } from './stored-readings.ts';

describe('groupStoredRows', () => {
  it('rebuilds readings by device, time and sequence, oldest first, whatever form the driver gives ts and seq in', () => {
    const rows = [
      { dev: 1, ts: '2026-03-01T00:00:00.000Z', seq: '7', metric: 'cl2_ppm', value: 0.2 },
      { dev: 1, ts: new Date('2026-03-01T00:00:00.000Z'), seq: 7, metric: 'temp_c', value: '21.5' },
      { dev: 2, ts: '2026-03-01T00:00:00.000Z', seq: '7', metric: 'cl2_ppm', value: 3 },
      { dev: 1, ts: '2026-03-01T00:00:00.000Z', seq: '8', metric: 'cl2_ppm', value: 0.3 },
      { dev: 1, ts: '2026-03-01T00:00:01.000Z', seq: '8', metric: 'cl2_ppm', value: 0.4 },
    ];
    const t0 = Date.parse('2026-03-01T00:00:00.000Z');
    expect(groupStoredRows(rows, (r) => r.dev, (r) => r.metric)).toEqual([
      { device: 1, ts: t0, seq: 7, values: { cl2_ppm: 0.2, temp_c: 21.5 } },
      { device: 2, ts: t0, seq: 7, values: { cl2_ppm: 3 } },
      { device: 1, ts: t0, seq: 8, values: { cl2_ppm: 0.3 } },
      { device: 1, ts: t0 + 1000, seq: 8, values: { cl2_ppm: 0.4 } },
    ]);
  });
});
