import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header names of a delivery. */
export const SIGNATURE_HEADER = 'x-safetwin-signature';
export const TIMESTAMP_HEADER = 'x-safetwin-timestamp';
export const EVENT_HEADER = 'x-safetwin-event';
export const DELIVERY_HEADER = 'x-safetwin-delivery';

/** `sha256=<hex HMAC-SHA256(secret, body)>`: what `X-SafeTwin-Signature` carries. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether a signature header matches the body (constant time): what a receiver checks. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A fresh signing secret: 32 random bytes, hex. */
export const generateSecret = (): string => randomBytes(32).toString('hex');
