import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueue } from './create-queue.ts';
import type { JobQueue } from './job-queue.ts';

const VARIANTS: { name: string; redisUrl: string | undefined }[] = [{ name: 'in-process', redisUrl: undefined }];
if (process.env.REDIS_URL) VARIANTS.push({ name: 'bullmq', redisUrl: process.env.REDIS_URL });

describe.each(VARIANTS)('job queue: $name', ({ name, redisUrl }) => {
  let queue: JobQueue;
  const errors: unknown[] = [];
  afterEach(() => queue.close());

  it('runs added jobs with their data, and delayed jobs later', async () => {
    queue = createQueue(redisUrl, `safetwin-test-${randomUUID()}`, (_n, err) => errors.push(err));
    expect(queue.kind).toBe(name);
    const done: string[] = [];
    const finished = new Promise<void>((resolve) =>
      queue.process('echo', async (data) => {
        done.push((data as { tag: string }).tag);
        if (done.length === 2) resolve();
      }),
    );
    const t0 = Date.now();
    await queue.add('echo', { tag: 'later' }, { delayMs: 300 });
    await queue.add('echo', { tag: 'now' });
    await finished;
    expect(done).toEqual(['now', 'later']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('does not add a second job with the same id while the first waits', async () => {
    queue = createQueue(redisUrl, `safetwin-test-${randomUUID()}`, (_n, err) => errors.push(err));
    let runs = 0;
    queue.process('once', async () => void runs++);
    await queue.add('once', {}, { jobId: 'same', delayMs: 200 });
    await queue.add('once', {}, { jobId: 'same', delayMs: 200 });
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(1);
  });

  it('says whether it still holds a job: waiting or running yes, finished or never added no', async () => {
    queue = createQueue(redisUrl, `safetwin-test-${randomUUID()}`, (_n, err) => errors.push(err));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    queue.process('held', async () => {
      started = true;
      await gate;
    });
    await queue.add('held', {}, { jobId: 'job-1', delayMs: 100 });
    expect(await queue.holds('held', 'job-1')).toBe(true);
    expect(await queue.holds('held', 'never-added')).toBe(false);
    while (!started) await new Promise((r) => setTimeout(r, 20));
    expect(await queue.holds('held', 'job-1')).toBe(true);
    release();
    let held = true;
    for (let i = 0; i < 100 && held; i++) {
      await new Promise((r) => setTimeout(r, 20));
      held = await queue.holds('held', 'job-1');
    }
    expect(held).toBe(false);
  });

  it('reports a failing job and keeps working', async () => {
    const failures: string[] = [];
    queue = createQueue(redisUrl, `safetwin-test-${randomUUID()}`, (n) => failures.push(n));
    let ok = false;
    const good = new Promise<void>((resolve) =>
      queue.process('mixed', async (data) => {
        if ((data as { fail: boolean }).fail) throw new Error('boom');
        ok = true;
        resolve();
      }),
    );
    await queue.add('mixed', { fail: true });
    await queue.add('mixed', { fail: false });
    await good;
    expect(ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(failures).toContain('mixed');
  });
});
