import { z } from 'zod';
import type { Principal } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { canSeeDevice, canSeeSite } from '../auth/access.ts';
import { notFound } from '../errors.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const SiteParams = z.object({ id: z.string().min(1).max(64) });

/** Keeps, at any depth, only the list items owned by `enterpriseId` or by nobody (park-level). */
function ownedBy(value: unknown, enterpriseId: string | null): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((item: unknown) => {
        if (!item || typeof item !== 'object' || !('enterpriseId' in item)) return true;
        const owner = (item as { enterpriseId: string | null }).enterpriseId;
        return owner === null || owner === enterpriseId;
      })
      .map((item) => ownedBy(item, enterpriseId));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownedBy(v, enterpriseId)]));
  }
  return value;
}

/**
 * A safety officer's view of a site description: everything that belongs to an enterprise —
 * at any depth (equipment, sensors, pipe segments, valves …) — keeps only their own
 * enterprise's items and park-level ones; the enterprise list keeps only theirs.
 */
export function siteViewFor(user: Principal, site: Site): Site {
  if (user.role !== 'safety-officer') return site;
  const view = ownedBy(site, user.enterpriseId) as Site;
  return { ...view, enterprises: site.enterprises.filter((e) => e.id === user.enterpriseId) } as Site;
}

/** GET /sites, /sites/:id, /sites/:id/devices. */
export function siteRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/sites', { schema: { tags: ['sites'], summary: 'Sites the user may see' } }, async (request) => {
    const user = await requireUser(deps, request);
    const visible = deps.registry.all().filter((s) => canSeeSite(user, s.id));
    return {
      sites: visible.map((s) => ({ ...deps.registry.summary(s), deviceCount: deps.registry.devicesOf(s.id).filter((d) => canSeeDevice(user, d)).length })),
    };
  });
  app.get('/sites/:id', { schema: { tags: ['sites'], summary: 'The full twin description of a site', params: SiteParams } }, async (request) => {
    const user = await requireUser(deps, request);
    const site = deps.registry.site(request.params.id);
    if (!site || !canSeeSite(user, site.id)) throw notFound(`no site '${request.params.id}'`);
    return { site: siteViewFor(user, site) };
  });
  app.get('/sites/:id/devices', { schema: { tags: ['sites'], summary: 'Telemetry devices of a site the user may see', params: SiteParams } }, async (request) => {
    const user = await requireUser(deps, request);
    const site = deps.registry.site(request.params.id);
    if (!site || !canSeeSite(user, site.id)) throw notFound(`no site '${request.params.id}'`);
    return { devices: deps.registry.devicesOf(site.id).filter((d) => canSeeDevice(user, d)) };
  });
}
