import { describe, expect, it, vi } from 'vitest';
import { fetchHistory, HistoryError, historyUrl, parseHistory } from './history.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('historyUrl', () => {
  it('builds the hub path with from, to and limit, escaping the id', () => {
    expect(historyUrl('http://localhost:4000/', 'CP-E1 GT/1', 1000.4, 2000.2, 50)).toBe(
      'http://localhost:4000/api/v1/sensors/CP-E1%20GT%2F1/readings?from=1000&to=2001&limit=50',
    );
  });
});

describe('parseHistory', () => {
  it('keeps well-formed readings and finite values', () => {
    expect(parseHistory({ readings: [{ ts: 1, seq: 2, values: { a: 1, b: 'x', c: null } }, { ts: 'bad', values: {} }, null] }, 'D')).toEqual([
      { ts: 1, seq: 2, values: { a: 1 } },
    ]);
  });
  it('refuses an answer without a readings list', () => {
    expect(() => parseHistory({ error: 'x' }, 'D')).toThrow(HistoryError);
  });
});

describe('fetchHistory', () => {
  it('sends the token and follows a full page from after its last reading', async () => {
    const fetchImpl = vi.fn(async (url: string | URL | Request, _init?: RequestInit) => {
      const from = Number(new URL(String(url)).searchParams.get('from'));
      return from === 0
        ? json(200, { readings: [{ ts: 10, seq: 1, values: { x: 1 } }, { ts: 20, seq: 2, values: { x: 2 } }] })
        : json(200, { readings: [{ ts: 30, seq: 3, values: { x: 3 } }] });
    });
    const readings = await fetchHistory({ hubUrl: 'http://hub', token: 'tok', deviceId: 'D', fromMs: 0, toMs: 100, fetchImpl: fetchImpl as typeof fetch, pageLimit: 2 });
    expect(readings.map((r) => r.ts)).toEqual([10, 20, 30]);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(new URL(String(fetchImpl.mock.calls[1]![0])).searchParams.get('from')).toBe('21');
    const init = fetchImpl.mock.calls[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it("turns the hub's error body into the message", async () => {
    const fetchImpl = vi.fn(async () => json(404, { error: { code: 'request:not-found', message: "no device 'D'" } }));
    await expect(fetchHistory({ hubUrl: 'http://hub', token: 't', deviceId: 'D', fromMs: 0, toMs: 1, fetchImpl: fetchImpl as typeof fetch })).rejects.toThrow(
      "no device 'D' (request:not-found)",
    );
  });

  it('says when the hub cannot be reached', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await fetchHistory({ hubUrl: 'http://hub:4000', token: 't', deviceId: 'D', fromMs: 0, toMs: 1, fetchImpl: fetchImpl as typeof fetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as HistoryError).message).toMatch(/cannot reach the hub at http:\/\/hub:4000/);
    expect((err as HistoryError).status).toBeNull();
  });

  it('reports a non-JSON failure by status', async () => {
    const fetchImpl = vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(fetchHistory({ hubUrl: 'http://hub', token: 't', deviceId: 'D', fromMs: 0, toMs: 1, fetchImpl: fetchImpl as typeof fetch })).rejects.toThrow('the hub answered 502 Bad Gateway');
  });
});
