import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueue } from './create-queue.ts';
import { InProcessQueue } from './in-process-queue.ts';
import { retryDelayMs, type JobAttempt, type JobQueue } from './job-queue.ts';

describe('retryDelayMs: BullMQ exponential backoff', () => {
  const CASES = [
    { title: 'after the first failed try: the base delay', backoffMs: 1000, attempt: 1, expected: 1000 },
    { title: 'after the second: twice', backoffMs: 1000, attempt: 2, expected: 2000 },
    { title: 'after the fourth: eight times', backoffMs: 250, attempt: 4, expected: 2000 },
    { title: 'no backoff: at once', backoffMs: 0, attempt: 3, expected: 0 },
  ];
  for (const c of CASES) it(c.title, () => expect(retryDelayMs(c.backoffMs, c.attempt), c.title).toBe(c.expected));
});

describe('in-process queue: attempts and backoff (fake timers)', () => {
  afterEach(() => vi.useRealTimers());

  it('retries a failing job with exponential backoff until it succeeds, telling the handler which try it runs', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = new InProcessQueue(() => {});
    const tries: { at: number; attempt: JobAttempt }[] = [];
    queue.process('flaky', async (_data, attempt) => {
      tries.push({ at: Date.now(), attempt });
      if (tries.length < 3) throw new Error('receiver down');
    });
    await queue.add('flaky', {}, { jobId: 'j1', attempts: 5, backoffMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(tries.map((t) => t.at)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(999);
    expect(tries).toHaveLength(1);
    expect(await queue.holds('flaky', 'j1')).toBe(true); // held between tries
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(tries.map((t) => t.at)).toEqual([0, 1000, 3000]);
    expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3].map((attempt) => ({ attempt, attempts: 5 })));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tries).toHaveLength(3);
    expect(await queue.holds('flaky', 'j1')).toBe(false);
    await queue.close();
  });

  it('gives up after `attempts` tries, reporting each failure', async () => {
    vi.useFakeTimers({ now: 0 });
    const failures: string[] = [];
    const queue = new InProcessQueue((name) => failures.push(name));
    let tries = 0;
    queue.process('doomed', async () => {
      tries++;
      throw new Error('always');
    });
    await queue.add('doomed', {}, { jobId: 'j2', attempts: 3, backoffMs: 100 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tries).toBe(3);
    expect(failures).toEqual(['doomed', 'doomed', 'doomed']);
    expect(await queue.holds('doomed', 'j2')).toBe(false);
    await queue.close();
  });

  it('tries once by default', async () => {
    vi.useFakeTimers({ now: 0 });
    const queue = new InProcessQueue(() => {});
    let tries = 0;
    queue.process('once', async () => {
      tries++;
      throw new Error('no');
    });
    await queue.add('once', {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tries).toBe(1);
    await queue.close();
  });
});

const VARIANTS: { name: string; redisUrl: string | undefined }[] = [{ name: 'in-process', redisUrl: undefined }];
if (process.env.REDIS_URL) VARIANTS.push({ name: 'bullmq', redisUrl: process.env.REDIS_URL });

describe.each(VARIANTS)('job queue retries: $name', ({ redisUrl }) => {
  let queue: JobQueue;
  afterEach(() => queue.close());

  it('a job failing twice succeeds on its third try; one that always fails stops after its attempts', async () => {
    queue = createQueue(redisUrl, `safetwin-test-${randomUUID()}`, () => {});
    const seen: number[] = [];
    const always: number[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    queue.process('flaky', async (_data, { attempt, attempts }) => {
      seen.push(attempt);
      expect(attempts).toBe(4);
      if (attempt < 3) throw new Error(`try ${attempt} fails`);
      done();
    });
    queue.process('doomed', async (_data, { attempt }) => {
      always.push(attempt);
      throw new Error('always');
    });
    await queue.add('flaky', { n: 1 }, { jobId: 'flaky-1', attempts: 4, backoffMs: 50 });
    await queue.add('doomed', { n: 2 }, { jobId: 'doomed-1', attempts: 2, backoffMs: 50 });
    await finished;
    expect(seen).toEqual([1, 2, 3]);
    for (let i = 0; i < 200 && (await queue.holds('doomed', 'doomed-1')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(always).toEqual([1, 2]);
    expect(await queue.holds('doomed', 'doomed-1')).toBe(false);
  });
});
