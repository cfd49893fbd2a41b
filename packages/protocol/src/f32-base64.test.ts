import { describe, expect, it } from 'vitest';
import { decodeF32Base64, encodeF32Base64 } from './f32-base64.ts';

/** The raw 32-bit patterns of a Float32Array (compares NaN payloads and signed zeros exactly). */
const bits = (values: Float32Array) => Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));

describe('Float32 base64', () => {
  it('round-trips every bit: NaN payloads, ±0, ±Infinity, denormals, extremes', () => {
    const raw = new Uint32Array([
      0x7fc00000, // quiet NaN
      0x7fa12345, // signalling NaN with a payload
      0xffc00001, // negative NaN with a payload
      0x00000000, 0x80000000, // +0, −0
      0x7f800000, 0xff800000, // ±Infinity
      0x00000001, 0x807fffff, // smallest and largest negative denormal
      0x7f7fffff, 0x00800000, // largest finite, smallest normal
      0x3f800000, 0x40490fdb, // 1, π
    ]);
    const values = new Float32Array(raw.buffer);
    const back = decodeF32Base64(encodeF32Base64(values));
    expect(back.length).toBe(values.length);
    expect(bits(back)).toEqual(Array.from(raw));
  });

  it('writes little-endian bytes in standard padded base64', () => {
    // 1.0f = 0x3F800000 → bytes 00 00 80 3F → "AACAPw=="
    expect(encodeF32Base64(new Float32Array([1]))).toBe('AACAPw==');
    expect(encodeF32Base64(new Float32Array([1, 2]))).toBe('AACAPwAAAEA=');
    expect(encodeF32Base64(new Float32Array([1, 2, 3]))).toBe('AACAPwAAAEAAAEBA');
  });

  it('handles the empty array and a view into a larger buffer', () => {
    expect(encodeF32Base64(new Float32Array(0))).toBe('');
    expect(decodeF32Base64('')).toEqual(new Float32Array(0));
    const whole = new Float32Array([9, 1.5, -2.25, 9]);
    const view = whole.subarray(1, 3);
    expect(Array.from(decodeF32Base64(encodeF32Base64(view)))).toEqual([1.5, -2.25]);
  });

  it('round-trips a large grid (crosses the encoder chunk size) bit for bit', () => {
    const values = new Float32Array(128 * 128 + 3);
    for (let i = 0; i < values.length; i++) values[i] = Math.sin(i) * 10 ** ((i % 60) - 40);
    const text = encodeF32Base64(values);
    expect(text.length).toBe(4 * Math.ceil((values.length * 4) / 3));
    expect(bits(decodeF32Base64(text))).toEqual(bits(values));
  });

  it('rejects text that is not base64 of whole floats', () => {
    expect(() => decodeF32Base64('AAA')).toThrow(/multiple of 4/);
    expect(() => decodeF32Base64('AA*A')).toThrow(/bad base64 character at 2/);
    expect(() => decodeF32Base64('AAAAAAA=')).toThrow(/not whole Float32/);
  });
});
