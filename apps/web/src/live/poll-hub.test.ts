import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollHub } from './poll-hub.ts';

afterEach(() => vi.useRealTimers());

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('pollHub', () => {
  it('asks with the token, one request at a time, waiting the delay the answer chose; stops on demand', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi.fn(async () => answer(200, { n: fetchImpl.mock.calls.length }));
    const seen: unknown[] = [];
    const stop = pollHub('http://hub/api/v1/x', 'tok', 1_000, (status, body) => {
      seen.push([status, body]);
      return seen.length === 1 ? 5_000 : undefined;
    }, fetchImpl as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([[200, { n: 1 }]]);
    expect((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({ authorization: 'Bearer tok' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it('keeps polling after a network failure, without calling back', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fetchImpl = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed');
      return answer(404, { error: { code: 'route:not-found' } });
    });
    const onAnswer = vi.fn();
    const stop = pollHub('http://hub/x', 'tok', 1_000, onAnswer, fetchImpl as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(onAnswer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onAnswer).toHaveBeenCalledWith(404, { error: { code: 'route:not-found' } });
    stop();
  });
});
