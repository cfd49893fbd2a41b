import type { SqlClient } from './client.ts';

/** A device as numbered in `readings`. */
export interface DeviceKey {
  deviceId: string;
  siteId: string;
  kind: string;
}

/** `${siteId}/${deviceId}`: the key of a device's number. */
export const deviceKey = (siteId: string, deviceId: string) => `${siteId}/${deviceId}`;

/**
 * Gives every device its number in `devices` (new ones are added; existing numbers never
 * change, and several hubs doing this at once agree) and returns them by site/device.
 */
export async function numberDevices(client: SqlClient, list: readonly DeviceKey[]): Promise<Map<string, number>> {
  if (list.length > 0) {
    await client.query(
      `INSERT INTO devices (device_id, site_id, kind)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (device_id, site_id) DO NOTHING`,
      [list.map((d) => d.deviceId), list.map((d) => d.siteId), list.map((d) => d.kind)],
    );
  }
  const rows = await client.query<{ num: number; device_id: string; site_id: string }>(`SELECT num, device_id, site_id FROM devices`);
  return new Map(rows.map((r) => [deviceKey(r.site_id, r.device_id), r.num]));
}

/** Gives every metric name its number in `metrics` and returns them by name. */
export async function numberMetrics(client: SqlClient, list: readonly { name: string; unit: string }[]): Promise<Map<string, number>> {
  if (list.length > 0) {
    await client.query(
      `INSERT INTO metrics (name, unit) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING`,
      [list.map((m) => m.name), list.map((m) => m.unit)],
    );
  }
  const rows = await client.query<{ num: number; name: string }>(`SELECT num, name FROM metrics`);
  return new Map(rows.map((r) => [r.name, r.num]));
}
