import type { DeviceInfo } from '../lib/hub-types.ts';
import { kindLabel } from './labels.ts';

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

/** Enterprise id → name, for titles and text search; ids without a name show as they are. */
export type EnterpriseNames = Readonly<Record<string, string>>;

/** True when a device matches every word of the text (id, label, kind and its name, enterprise id and name, metric names) and the kind. */
export function matchesFilter(device: DeviceInfo, filter: DeviceFilter, names: EnterpriseNames = {}): boolean {
  if (filter.kind && device.kind !== filter.kind) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [device.deviceId, device.label ?? '', device.kind, kindLabel(device.kind), device.enterpriseId ?? '', names[device.enterpriseId ?? ''] ?? '', ...Object.keys(device.metrics)]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** An enterprise group's title: "Name · ID", the id alone, or the site-wide label. */
export function enterpriseTitle(enterpriseId: string, names: EnterpriseNames): string {
  if (!enterpriseId) return SITE_WIDE_LABEL;
  const name = names[enterpriseId];
  return name ? `${name} · ${enterpriseId}` : enterpriseId;
}

/** Filters, then groups by kind or enterprise: groups sorted by title, rows by device id. */
export function groupDevices(devices: readonly DeviceInfo[], filter: DeviceFilter, groupBy: GroupBy, names: EnterpriseNames = {}): DeviceGroup[] {
  const groups = new Map<string, DeviceGroup>();
  for (const device of devices) {
    if (!matchesFilter(device, filter, names)) continue;
    const key = groupBy === 'kind' ? device.kind : (device.enterpriseId ?? '');
    let group = groups.get(key);
    if (!group) {
      const title = groupBy === 'kind' ? kindLabel(key) : enterpriseTitle(key, names);
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
