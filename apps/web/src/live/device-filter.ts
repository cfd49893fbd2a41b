import type { DeviceInfo } from '../lib/hub-types.ts';
import { humanize } from './format.ts';

/** How the sensor table groups its rows. */
export type GroupBy = 'kind' | 'enterprise';

/** The table's filter: free text and one device kind (or every kind). */
export interface DeviceFilter {
  text: string;
  kind: string | null;
}

/** A titled group of rows. */
export interface DeviceGroup {
  key: string;
  title: string;
  devices: DeviceInfo[];
}

/** Label for devices owned by no enterprise (park- or mine-wide). */
export const SITE_WIDE_LABEL = 'Site-wide (no enterprise)';

/** True when a device matches every word of the text (id, label, kind, enterprise, metric names) and the kind. */
export function matchesFilter(device: DeviceInfo, filter: DeviceFilter): boolean {
  if (filter.kind && device.kind !== filter.kind) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [device.deviceId, device.label ?? '', device.kind, device.enterpriseId ?? '', ...Object.keys(device.metrics)]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Filters, then groups by kind or enterprise: groups sorted by title, rows by device id. */
export function groupDevices(devices: readonly DeviceInfo[], filter: DeviceFilter, groupBy: GroupBy): DeviceGroup[] {
  const groups = new Map<string, DeviceGroup>();
  for (const device of devices) {
    if (!matchesFilter(device, filter)) continue;
    const key = groupBy === 'kind' ? device.kind : (device.enterpriseId ?? '');
    let group = groups.get(key);
    if (!group) {
      const title = groupBy === 'kind' ? humanize(key) : key || SITE_WIDE_LABEL;
      groups.set(key, (group = { key, title, devices: [] }));
    }
    group.devices.push(device);
  }
  const sorted = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
  for (const group of sorted) group.devices.sort((a, b) => a.deviceId.localeCompare(b.deviceId, undefined, { numeric: true }));
  return sorted;
}

/** The kinds present on a site with their device counts, for the kind filter. */
export function kindCounts(devices: readonly DeviceInfo[]): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const device of devices) counts.set(device.kind, (counts.get(device.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind));
}
