// A device's stored history from the hub: `GET {hub}/api/v1/sensors/:id/readings?from=&to=&limit=`
// (apps/realtime/src/routes/reading-routes.ts), oldest first. A page that comes back full is
// followed by the next, so a fast sensor's hour arrives whole; failures carry a message to show.

/** One stored reading as the history API returns it. */
export interface HistoryReading {
  ts: number;
  seq: number;
  values: Record<string, number>;
}

/** The trend's window, ms. */
export const HISTORY_WINDOW_MS = 3_600_000;
/** Readings asked per request (the hub's maximum, MAX_HISTORY_READINGS). */
export const HISTORY_PAGE_LIMIT = 10_000;
/** Most pages followed for one window (10 000 × 5 covers a 14 Hz sensor's hour). */
export const HISTORY_MAX_PAGES = 5;

/** A history request that failed, with words for the panel. */
export class HistoryError extends Error {
  constructor(
    message: string,
    /** HTTP status, or null when the hub could not be reached or answered nonsense. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}

/** The URL of one history page. */
export function historyUrl(hubUrl: string, deviceId: string, fromMs: number, toMs: number, limit = HISTORY_PAGE_LIMIT): string {
  const base = hubUrl.replace(/\/+$/, '');
  const q = new URLSearchParams({ from: String(Math.floor(fromMs)), to: String(Math.ceil(toMs)), limit: String(limit) });
  return `${base}/api/v1/sensors/${encodeURIComponent(deviceId)}/readings?${q.toString()}`;
}

/** Checks a history answer's shape; keeps finite values only. Throws {@link HistoryError} on anything else. */
export function parseHistory(body: unknown, deviceId: string): HistoryReading[] {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { readings?: unknown }).readings)) {
    throw new HistoryError(`the hub's history answer for ${deviceId} has no readings list`, null);
  }
  const out: HistoryReading[] = [];
  for (const r of (body as { readings: unknown[] }).readings) {
    if (!r || typeof r !== 'object') continue;
    const { ts, seq, values } = r as { ts?: unknown; seq?: unknown; values?: unknown };
    if (typeof ts !== 'number' || !Number.isFinite(ts) || !values || typeof values !== 'object') continue;
    const clean: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) if (typeof v === 'number' && Number.isFinite(v)) clean[k] = v;
    out.push({ ts, seq: typeof seq === 'number' ? seq : 0, values: clean });
  }
  return out;
}

/** What a history fetch needs. */
export interface HistoryRequest {
  hubUrl: string;
  token: string;
  deviceId: string;
  fromMs: number;
  toMs: number;
  signal?: AbortSignal;
  /** Injectable for tests; the browser's fetch by default. */
  fetchImpl?: typeof fetch;
  /** @default HISTORY_PAGE_LIMIT */
  pageLimit?: number;
}

/** Fetches a device's readings in [fromMs, toMs), following full pages; throws {@link HistoryError} with a readable message. */
export async function fetchHistory({ hubUrl, token, deviceId, fromMs, toMs, signal, fetchImpl = fetch, pageLimit = HISTORY_PAGE_LIMIT }: HistoryRequest): Promise<HistoryReading[]> {
  const all: HistoryReading[] = [];
  let from = fromMs;
  for (let page = 0; page < HISTORY_MAX_PAGES && from < toMs; page++) {
    const url = historyUrl(hubUrl, deviceId, from, toMs, pageLimit);
    let res: Response;
    try {
      res = await fetchImpl(url, { headers: { authorization: `Bearer ${token}` }, signal, cache: 'no-store' });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new HistoryError(`cannot reach the hub at ${hubUrl} (${err instanceof Error ? err.message : String(err)})`, null);
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (!res.ok) {
      const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new HistoryError(e?.message ? `${e.message} (${e.code ?? res.status})` : `the hub answered ${res.status} ${res.statusText}`, res.status);
    }
    const readings = parseHistory(body, deviceId);
    all.push(...readings);
    if (readings.length < pageLimit) break;
    // A full page: go on after its last reading (readings are ordered by time).
    from = readings[readings.length - 1]!.ts + 1;
  }
  return all;
}
