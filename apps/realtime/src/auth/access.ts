import type { Principal } from '@safetwin/protocol';

/** Whether `user` may see site `siteId` at all. */
export function canSeeSite(user: Principal, siteId: string): boolean {
  if (user.role === 'commander' || user.role === 'drill-planner') return true;
  return user.siteId === siteId;
}

/** Device kinds every viewer of a site may see, whoever operates them (weather drives every decision). */
export const SHARED_DEVICE_KINDS: ReadonlySet<string> = new Set(['weather']);

/** Whether `user` may see a device of `siteId` owned by `enterpriseId` (null: park-operated). */
export function canSeeDevice(user: Principal, device: { siteId: string; enterpriseId: string | null; kind: string }): boolean {
  if (!canSeeSite(user, device.siteId)) return false;
  if (user.role !== 'safety-officer') return true;
  return device.enterpriseId === user.enterpriseId || SHARED_DEVICE_KINDS.has(device.kind);
}

/** The enterprises whose officers see a device: its owner's, or all of them for shared kinds (weather). */
export function enterprisesSeeing(device: { enterpriseId: string | null; kind: string }, enterpriseIds: readonly string[]): readonly string[] {
  if (SHARED_DEVICE_KINDS.has(device.kind)) return enterpriseIds;
  return device.enterpriseId !== null ? [device.enterpriseId] : [];
}

/** Whether `user` may command field devices (valves, power) on `siteId`. */
export function canCommand(user: Principal, device: { siteId: string; enterpriseId: string | null; kind: string }): boolean {
  if (user.role === 'drill-planner') return false;
  if (user.role === 'safety-officer') return canSeeDevice(user, device) && device.enterpriseId === user.enterpriseId;
  return canSeeSite(user, device.siteId);
}

/**
 * Whether `user` may see an alarm: through its device (`device`, from the catalogue), or for an
 * alarm of no catalogued device through its site, officers excepted.
 */
export function canSeeAlarm(user: Principal, alarm: { siteId: string }, device: { siteId: string; enterpriseId: string | null; kind: string } | undefined): boolean {
  return device ? canSeeDevice(user, device) : canSeeSite(user, alarm.siteId) && user.role !== 'safety-officer';
}
