import { describe, expect, it } from 'vitest';
import { STATUS_CURRENT_FOR_MS, statusCurrency } from './status-currency.ts';

const T = 1_800_000_000_000;
const CASES = [
  { title: 'nothing yet', receivedAtMs: null, failed: false, nowMs: T, expected: 'waiting' },
  { title: 'the first request failed', receivedAtMs: null, failed: true, nowMs: T, expected: 'not-current' },
  { title: 'just received', receivedAtMs: T, failed: false, nowMs: T + 500, expected: 'current' },
  { title: 'at the limit', receivedAtMs: T, failed: false, nowMs: T + STATUS_CURRENT_FOR_MS, expected: 'current' },
  { title: 'older than the limit', receivedAtMs: T, failed: false, nowMs: T + STATUS_CURRENT_FOR_MS + 1, expected: 'not-current' },
  { title: 'fresh, but the latest request failed', receivedAtMs: T, failed: true, nowMs: T + 1_000, expected: 'not-current' },
  { title: 'received before the clock first ticked', receivedAtMs: T, failed: false, nowMs: 0, expected: 'current' },
] as const;

describe('statusCurrency', () => {
  for (const c of CASES) it(c.title, () => expect(statusCurrency(c.receivedAtMs, c.failed, c.nowMs), c.title).toBe(c.expected));
});
