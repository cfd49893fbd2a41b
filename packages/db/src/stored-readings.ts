// Stored `readings` rows (one per metric value) regrouped into the readings a device sent: the
// rows of one reading share its device, sensor time and sequence number. Used by every reader of
// the history (the history route, the hub's preload of recent readings).

/** A `readings` row as a query returns it: `ts` as a Date or text and `seq` as a number or bigint text (PGlite, node-postgres). */
export interface StoredRow {
  ts: Date | string;
  seq: string | number;
  value: number | string;
}

/** One reading rebuilt from its rows. */
export interface StoredReading<D> {
  device: D;
  /** Sensor time, epoch ms. */
  ts: number;
  seq: number;
  values: Record<string, number>;
}

/**
 * Regroups `rows` into readings by (device, ts, seq), in the order their first rows come (rows
 * ordered by time give the readings oldest first). `deviceOf` and `metricOf` name a row's device and
 * metric.
 */
export function groupStoredRows<R extends StoredRow, D extends string | number>(
  rows: Iterable<R>,
  deviceOf: (row: R) => D,
  metricOf: (row: R) => string,
): StoredReading<D>[] {
  const readings = new Map<string, StoredReading<D>>();
  for (const row of rows) {
    const device = deviceOf(row);
    const ts = new Date(row.ts).getTime();
    const seq = Number(row.seq);
    const key = `${device}\u0000${ts}\u0000${seq}`;
    let reading = readings.get(key);
    if (!reading) readings.set(key, (reading = { device, ts, seq, values: {} }));
    reading.values[metricOf(row)] = Number(row.value);
  }
  return [...readings.values()];
}
