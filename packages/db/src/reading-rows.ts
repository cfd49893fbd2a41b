/** One stored metric value with its provenance (a row of `readings`). */
export interface ReadingRow {
  /** Sensor time, epoch ms. */
  tsMs: number;
  siteId: string;
  deviceId: string;
  metric: string;
  value: number;
  seq: number;
  /** Which gateway key (or channel) delivered it: provenance, never the secret. */
  gatewayId: string;
  /** When the hub received it, epoch ms. */
  ingestTsMs: number;
}

/** The newest values of one device in a batch, for the `device_state` upsert. */
export interface DeviceLatest {
  deviceId: string;
  siteId: string;
  lastSeq: number;
  lastTsMs: number;
  values: Record<string, number>;
}

/** Escapes a value for PostgreSQL COPY text format (backslash, tab, newline, CR). */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : value;
}

/** Column order shared by the COPY and unnest writers. */
export const READING_COLUMNS = 'ts, site_id, device_id, metric, value, seq, gateway_id, ingest_ts';

/** Lines of COPY text for `rows`, one per row. */
export function* copyLines(rows: readonly ReadingRow[]): Generator<string> {
  for (const r of rows) {
    yield `${new Date(r.tsMs).toISOString()}\t${copyText(r.siteId)}\t${copyText(r.deviceId)}\t${copyText(r.metric)}\t${r.value}\t${r.seq}\t${copyText(r.gatewayId)}\t${new Date(r.ingestTsMs).toISOString()}\n`;
  }
}

/** Newest values per device over `rows` (later sensor time wins, metrics merged). */
export function latestPerDevice(rows: readonly ReadingRow[]): DeviceLatest[] {
  const byDevice = new Map<string, DeviceLatest>();
  for (const r of rows) {
    let d = byDevice.get(r.deviceId);
    if (!d) {
      d = { deviceId: r.deviceId, siteId: r.siteId, lastSeq: r.seq, lastTsMs: r.tsMs, values: {} };
      byDevice.set(r.deviceId, d);
    }
    if (r.seq > d.lastSeq) d.lastSeq = r.seq;
    if (r.tsMs >= d.lastTsMs) {
      d.lastTsMs = r.tsMs;
      d.values[r.metric] = r.value;
    } else if (!(r.metric in d.values)) {
      d.values[r.metric] = r.value;
    }
  }
  return [...byDevice.values()];
}
