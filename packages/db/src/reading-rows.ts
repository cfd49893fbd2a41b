/** One metric value to store, with its provenance (a row of `readings`, plus names for `device_state`). */
export interface ReadingRow {
  /** Sensor time, epoch ms. */
  tsMs: number;
  /** `devices.num` of the device on its site. */
  deviceNum: number;
  /** `metrics.num` of the metric. */
  metricNum: number;
  value: number;
  seq: number;
  /** `gateway_keys.num` of the key (or channel) that delivered it: provenance, never the secret. */
  gatewayNum: number;
  /** When the hub received it, epoch ms. */
  ingestTsMs: number;
  /** The device's text id and site, and the metric's name: kept for `device_state`. */
  deviceId: string;
  siteId: string;
  metric: string;
}

/** The newest values of one device in a batch, for the `device_state` upsert. */
export interface DeviceLatest {
  deviceId: string;
  siteId: string;
  lastSeq: number;
  lastTsMs: number;
  values: Record<string, number>;
}

/** Column order shared by the COPY and unnest writers. */
export const READING_COLUMNS = 'ts, device_num, metric_num, value, seq, gateway_num, ingest_ts';

// PostgreSQL binary COPY (docs: "COPY — Binary Format"): signature, flags, header extension.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const FIELD_COUNT = 7;
/** Bytes per tuple: field count + 7 lengths + ts 8, device 4, metric 2, value 8, seq 8, gateway 4, ingest 8. */
const TUPLE_BYTES = 2 + FIELD_COUNT * 4 + 8 + 4 + 2 + 8 + 8 + 4 + 8;
/** PostgreSQL timestamps count microseconds from 2000-01-01T00:00:00Z. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

/** Writes a signed 64-bit integer that fits in a double exactly (|n| < 2^53). */
function writeInt64(buf: Buffer, n: number, offset: number): void {
  const hi = Math.floor(n / TWO_32);
  buf.writeInt32BE(hi, offset);
  buf.writeUInt32BE(n - hi * TWO_32, offset + 4);
}

/**
 * Encodes rows as one PostgreSQL binary COPY stream: no text parsing of timestamps or
 * numbers on the server, which is what makes COPY the fastest write path (DESIGN.md §6).
 */
export function encodeBinaryCopy(rows: readonly ReadingRow[]): Buffer {
  const buf = Buffer.allocUnsafe(SIGNATURE.length + 8 + rows.length * TUPLE_BYTES + 2);
  let o = SIGNATURE.copy(buf, 0);
  buf.writeInt32BE(0, o); // flags: no OIDs
  buf.writeInt32BE(0, o + 4); // header extension length
  o += 8;
  for (const r of rows) {
    buf.writeInt16BE(FIELD_COUNT, o);
    buf.writeInt32BE(8, o + 2);
    writeInt64(buf, (r.tsMs - PG_EPOCH_MS) * 1000, o + 6);
    buf.writeInt32BE(4, o + 14);
    buf.writeInt32BE(r.deviceNum, o + 18);
    buf.writeInt32BE(2, o + 22);
    buf.writeInt16BE(r.metricNum, o + 26);
    buf.writeInt32BE(8, o + 28);
    buf.writeDoubleBE(r.value, o + 32);
    buf.writeInt32BE(8, o + 40);
    writeInt64(buf, r.seq, o + 44);
    buf.writeInt32BE(4, o + 52);
    buf.writeInt32BE(r.gatewayNum, o + 56);
    buf.writeInt32BE(8, o + 60);
    writeInt64(buf, (r.ingestTsMs - PG_EPOCH_MS) * 1000, o + 64);
    o += TUPLE_BYTES;
  }
  buf.writeInt16BE(-1, o); // trailer
  return buf;
}

/**
 * Newest values per device over `rows` (later sensor time wins, metrics merged). `lastSeq`
 * and `lastTsMs` describe the same, newest reading, so after a device restarts its counter
 * the pair still tells dedupe where the device is.
 */
export function latestPerDevice(rows: readonly ReadingRow[]): DeviceLatest[] {
  const byDevice = new Map<string, DeviceLatest>();
  for (const r of rows) {
    let d = byDevice.get(r.deviceId);
    if (!d) {
      d = { deviceId: r.deviceId, siteId: r.siteId, lastSeq: r.seq, lastTsMs: r.tsMs, values: {} };
      byDevice.set(r.deviceId, d);
    }
    if (r.tsMs > d.lastTsMs || (r.tsMs === d.lastTsMs && r.seq >= d.lastSeq)) {
      d.lastTsMs = r.tsMs;
      d.lastSeq = r.seq;
      d.values[r.metric] = r.value;
    } else if (!(r.metric in d.values)) {
      d.values[r.metric] = r.value;
    }
  }
  return [...byDevice.values()];
}
