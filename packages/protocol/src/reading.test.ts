import { describe, expect, it } from 'vitest';
import { IngestRequestSchema, ReadingSchema, toEpochMs } from './reading.ts';
import { parseTopic, telemetryTopic } from './mqtt.ts';

const OK = { deviceId: 'CP1-GT-017', ts: 1764316800000, seq: 4711, values: { h2s_ppm: 3.2, temp_c: 21.5 } };

describe('ReadingSchema', () => {
  const CASES: { title: string; input: unknown; ok: boolean; path?: string }[] = [
    { title: 'the contract example', input: OK, ok: true },
    { title: 'an ISO-8601 time with zone', input: { ...OK, ts: '2025-11-28T08:00:00Z' }, ok: true },
    { title: 'an ISO time without zone', input: { ...OK, ts: '2025-11-28T08:00:00' }, ok: false, path: 'ts' },
    { title: 'fractional ms', input: { ...OK, ts: 1.5 }, ok: false, path: 'ts' },
    { title: 'a negative seq', input: { ...OK, seq: -1 }, ok: false, path: 'seq' },
    { title: 'a missing seq', input: { deviceId: OK.deviceId, ts: OK.ts, values: OK.values }, ok: false, path: 'seq' },
    { title: 'no values', input: { ...OK, values: {} }, ok: false, path: 'values' },
    { title: 'a string value', input: { ...OK, values: { h2s_ppm: '3.2' } }, ok: false, path: 'values.h2s_ppm' },
    { title: 'an infinite value', input: { ...OK, values: { h2s_ppm: Infinity } }, ok: false, path: 'values.h2s_ppm' },
    { title: 'NaN', input: { ...OK, values: { h2s_ppm: NaN } }, ok: false, path: 'values.h2s_ppm' },
    { title: 'a metric name without unit style', input: { ...OK, values: { H2S: 1 } }, ok: false, path: 'values.H2S' },
    { title: 'a device id with a slash (MQTT topic unsafe)', input: { ...OK, deviceId: 'a/b' }, ok: false, path: 'deviceId' },
    { title: 'an unknown field', input: { ...OK, extra: 1 }, ok: false },
  ];
  for (const c of CASES) {
    it(`${c.ok ? 'accepts' : 'refuses'} ${c.title}`, () => {
      const result = ReadingSchema.safeParse(c.input);
      expect(result.success, c.title).toBe(c.ok);
      if (!result.success && c.path) expect(result.error.issues[0]!.path.join('.'), c.title).toBe(c.path);
    });
  }

  it('normalises ISO times to epoch ms', () => {
    expect(toEpochMs('2025-11-28T08:00:00Z')).toBe(Date.UTC(2025, 10, 28, 8));
    expect(toEpochMs(5)).toBe(5);
  });

  it('bounds batches', () => {
    expect(IngestRequestSchema.safeParse({ readings: [] }).success).toBe(false);
    expect(IngestRequestSchema.safeParse({ readings: [1] }).success).toBe(true);
    expect(IngestRequestSchema.safeParse({ readings: new Array(10_001).fill(1) }).success).toBe(false);
  });
});

describe('MQTT topics', () => {
  it('round-trips a telemetry topic', () => {
    expect(parseTopic(telemetryTopic('cp-1', 'GT-1'))).toEqual({ siteId: 'cp-1', deviceId: 'GT-1', rest: 'telemetry' });
    expect(parseTopic('other/cp-1/GT-1/telemetry')).toBeNull();
    expect(parseTopic('safetwin/cp-1')).toBeNull();
  });
});
