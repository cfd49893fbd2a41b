import { describe, expect, it } from 'vitest';
import { parseSiteStatusList, StatusShapeError } from './region-status.ts';
import { fetchRegionStatus, StatusFetchError } from './fetch-region-status.ts';

/** A hub answer as `GET /sites/status` gives it (one park). */
function sampleAnswer() {
  return {
    asOfMs: 1_764_316_800_000,
    sites: [
      {
        id: 'cp-nanjing',
        name: { zh: '南京江北新材料科技园', en: 'Nanjing Jiangbei chemical park' },
        kind: 'chemical-park',
        origin: { latDeg: 32.265, lonDeg: 118.815, altM: 8 },
        risk: 'orange',
        worstLevel: 2,
        alarms: { level1: 0, level2: 1, level3: 2, level4: 0, unacknowledged: 1, shelved: 0 },
        sensors: { total: 388, online: 380, stale: 6, noData: 2 },
        people: { source: 'planned-occupancy', count: 1080, shift: 'day', dayPersons: 1080, nightPersons: 189 },
      },
    ],
  };
}

describe('parseSiteStatusList', () => {
  it('accepts the hub answer', () => {
    const parsed = parseSiteStatusList(sampleAnswer());
    expect(parsed.sites[0]).toMatchObject({ id: 'cp-nanjing', risk: 'orange', worstLevel: 2, people: { source: 'planned-occupancy', count: 1080 } });
  });

  const BROKEN = [
    { title: 'not an object', mutate: () => 'nope', message: 'answer should be an object' },
    { title: 'no sites', mutate: (a: any) => ({ ...a, sites: undefined }), message: 'answer.sites should be an array' },
    { title: 'an unknown risk colour', mutate: (a: any) => ((a.sites[0].risk = 'green'), a), message: 'answer.sites[0].risk should be one of red, orange, yellow, blue' },
    { title: 'a negative count', mutate: (a: any) => ((a.sites[0].sensors.stale = -1), a), message: 'answer.sites[0].sensors.stale should be a count' },
    { title: 'a level out of the scale', mutate: (a: any) => ((a.sites[0].worstLevel = 5), a), message: 'answer.sites[0].worstLevel should be 1–4 or null' },
    { title: 'people of an unknown source', mutate: (a: any) => ((a.sites[0].people = { source: 'guess', count: 3 }), a), message: 'answer.sites[0].people.source should be one of' },
    { title: 'a missing clock', mutate: (a: any) => ({ ...a, asOfMs: 'now' }), message: 'answer.asOfMs should be a finite number' },
  ];
  for (const c of BROKEN) {
    it(`names the problem: ${c.title}`, () => {
      expect(() => parseSiteStatusList(c.mutate(sampleAnswer())), c.title).toThrow(StatusShapeError);
      expect(() => parseSiteStatusList(c.mutate(sampleAnswer())), c.title).toThrow(c.message);
    });
  }
});

describe('fetchRegionStatus', () => {
  const answering = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

  it('asks the hub with the bearer token and returns the checked answer', async () => {
    let seen: { url: string; auth: string | null } | null = null;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, auth: new Headers(init.headers).get('authorization') };
      return new Response(JSON.stringify(sampleAnswer()), { status: 200 });
    }) as unknown as typeof fetch;
    const list = await fetchRegionStatus('http://hub:4000', 'tok', undefined, fetchImpl);
    expect(seen).toEqual({ url: 'http://hub:4000/api/v1/sites/status', auth: 'Bearer tok' });
    expect(list.sites).toHaveLength(1);
  });

  const FAILURES = [
    { title: 'a refused token', fetchImpl: answering(401, { error: { code: 'auth:invalid', message: 'expired' } }), kind: 'auth' },
    { title: 'a hub error', fetchImpl: answering(503, { error: { code: 'store:unavailable', message: 'store down' } }), kind: 'http', message: 'the hub answered 503: store down (store:unavailable)' },
    { title: 'a wrong shape', fetchImpl: answering(200, { sites: 'x' }), kind: 'bad-response' },
    { title: 'no answer', fetchImpl: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch, kind: 'unreachable', message: 'http://hub:4000 cannot be reached' },
  ] as const;
  for (const c of FAILURES) {
    it(`reports ${c.title}`, async () => {
      const failure = await fetchRegionStatus('http://hub:4000', 'tok', undefined, c.fetchImpl).catch((e: unknown) => e);
      expect(failure, c.title).toBeInstanceOf(StatusFetchError);
      expect((failure as StatusFetchError).kind, c.title).toBe(c.kind);
      if ('message' in c) expect((failure as StatusFetchError).message, c.title).toBe(c.message);
    });
  }
});
