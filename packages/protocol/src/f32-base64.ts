// Float32 grids as text: little-endian IEEE 754 bytes in base64 (RFC 4648 §4), for the JSON of
// simulation results. Pure and platform-neutral (no Buffer, no atob): runs in the hub and the browser.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** True when this machine stores multi-byte numbers little-endian (every current browser and server CPU). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The array's bytes in little-endian order, without passing values through a JS number (NaN payloads stay). */
function littleEndianBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 4) {
    swapped[i] = bytes[i + 3]!;
    swapped[i + 1] = bytes[i + 2]!;
    swapped[i + 2] = bytes[i + 1]!;
    swapped[i + 3] = bytes[i]!;
  }
  return swapped;
}

/** Base64 of bytes, with `=` padding. */
function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let out = '';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
    }
    if (i < end) {
      const rest = end - i;
      const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
      out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + (rest === 2 ? ALPHABET[(n >>> 6) & 63]! : '=') + '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

/** Bytes of a padded base64 string; throws naming the first bad character. */
function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error(`base64 length ${text.length} is not a multiple of 4`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = text.charCodeAt(i + k);
      const v = c === 61 && i + k >= text.length - padding ? 0 : c < 128 ? DECODE[c]! : -1;
      if (v < 0) throw new Error(`bad base64 character at ${i + k}`);
      n = (n << 6) | v;
    }
    bytes[o++] = n >>> 16;
    if (o < bytes.length) bytes[o++] = (n >>> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}

/** Encodes Float32 values as base64 of their little-endian bytes (4 bytes a value); bit-exact, NaN and denormals included. */
export function encodeF32Base64(values: Float32Array): string {
  return toBase64(littleEndianBytes(values));
}

/** Decodes {@link encodeF32Base64}'s text back to the same Float32 bits; throws when the text is not base64 of whole floats. */
export function decodeF32Base64(text: string): Float32Array {
  const bytes = fromBase64(text);
  if (bytes.length % 4 !== 0) throw new Error(`${bytes.length} bytes are not whole Float32 values`);
  if (!LITTLE_ENDIAN) return new Float32Array(littleEndianBytes(new Float32Array(bytes.buffer)).buffer);
  return new Float32Array(bytes.buffer, 0, bytes.length / 4);
}
