// Values of rows read with raw SQL (SqlClient.query), as PGlite and postgres.js hand them back.

/** A timestamp column as epoch ms (a Date from the driver, or its text). */
export function timestampMs(v: unknown): number {
  return v instanceof Date ? v.getTime() : new Date(String(v)).getTime();
}

/** A jsonb column: both drivers hand it back parsed; a string is parsed just in case. */
export function jsonValue<T = unknown>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
