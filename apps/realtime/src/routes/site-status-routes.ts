import type { Principal } from '@safetwin/protocol';
import { canSeeAlarm, canSeeDevice, canSeeSite } from '../auth/access.ts';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import { DeviceFreshness } from '../status/device-freshness.ts';
import { plannedOccupancy } from '../status/planned-occupancy.ts';
import { siteStatus } from '../status/site-status.ts';
import { SiteStatusListSchema, type SiteStatusList } from '../status/status-schema.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** Whether `user` sees the places an enterprise owns (the rule of the site description view: officers their own and park-level ones). */
function ownerVisible(user: Principal): (enterpriseId: string | null) => boolean {
  if (user.role !== 'safety-officer') return () => true;
  return (enterpriseId) => enterpriseId === null || enterpriseId === user.enterpriseId;
}

/**
 * GET /sites/status: for every site the user may see (scoped exactly like GET /sites), its
 * four-colour risk from the standing alarms the user may see, alarms by level, sensors
 * online / stale / never heard, and people on site. O(devices + alarms) from memory plus
 * one cached read of `device_state` (never of `readings`).
 */
export function siteStatusRoutes(app: ZodApp, deps: RouteDeps, alarms: AlarmEngine, now: () => number): void {
  const freshness = new DeviceFreshness(deps.db, now);
  app.get(
    '/sites/status',
    {
      schema: {
        tags: ['sites'],
        summary: 'Risk level, alarms by level, sensor freshness and people on site for every site the user may see (the region wall)',
        response: { 200: SiteStatusListSchema },
      },
    },
    async (request): Promise<SiteStatusList> => {
      const user = await requireUser(deps, request);
      // Judged at the moment device_state was read (≤ 0.5 s ago), and said so in `asOfMs`.
      const { lastHeardMs, takenAtMs: nowMs } = await freshness.snapshot();
      const sites = deps.registry
        .all()
        .filter((site) => canSeeSite(user, site.id))
        .map((site) =>
          siteStatus({
            site,
            devices: deps.registry.devicesOf(site.id).filter((d) => canSeeDevice(user, d)),
            lastHeardMs,
            alarms: alarms.list(site.id, true).filter((a) => canSeeAlarm(user, a, deps.registry.device(a.deviceId))),
            planned: plannedOccupancy(site, ownerVisible(user)),
            nowMs,
          }),
        );
      return { asOfMs: nowMs, sites };
    },
  );
}
