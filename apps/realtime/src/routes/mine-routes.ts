import { z } from 'zod';
import { canSeeSite } from '../auth/access.ts';
import { badBody, notFound } from '../errors.ts';
import type { MineServices } from '../mine/start-mine-services.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const SiteParams = z.object({ id: z.string().min(1).max(64) });
const WithdrawalBody = z.strictObject({
  sourceRoadwayIds: z.array(z.string().min(1).max(64)).min(1, 'name at least one source roadway').max(50).describe('roadways where the hazard is; everything downstream in the air flow is affected'),
  extraRoadwayIds: z.array(z.string().min(1).max(64)).max(200).optional().describe('further roadways to clear'),
  reason: z.string().min(3).max(500),
});

/**
 * The mine's people, power and withdrawals (issue 7): GET /sites/:id/people (each tagged person:
 * position, roadway, state, order), GET /sites/:id/power (each machine: powered or cut, by which
 * sensor and reading), POST /sites/:id/withdrawals (a commander or the mine's manager orders the
 * people of an area out). 404 for a site the user may not see or that is not a mine.
 */
export function mineRoutes(app: ZodApp, deps: RouteDeps, mine: MineServices): void {
  const visibleMine = async (request: Parameters<typeof requireUser>[1], siteId: string, roles?: Parameters<typeof requireUser>[2]) => {
    const user = await requireUser(deps, request, roles);
    const site = deps.registry.site(siteId);
    if (!site || !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}'`);
    if (site.kind !== 'coal-mine') throw notFound(`site '${siteId}' is not a mine`);
    return { user, site };
  };
  app.get('/sites/:id/people', { schema: { tags: ['mine'], summary: 'Tagged people of a mine: position, roadway, state, withdrawal order', params: SiteParams } }, async (request) => {
    await visibleMine(request, request.params.id);
    return mine.withdrawal.people(request.params.id);
  });
  app.get('/sites/:id/power', { schema: { tags: ['mine'], summary: "Each machine's power: powered or cut, and by which sensor and reading", params: SiteParams } }, async (request) => {
    await visibleMine(request, request.params.id);
    return mine.interlock.power(request.params.id);
  });
  app.post('/sites/:id/withdrawals', { schema: { tags: ['mine'], summary: 'Order everyone in an area (and downstream in the air flow) out, with escape routes paged to their tags', params: SiteParams, body: WithdrawalBody } }, async (request, reply) => {
    const { user, site } = await visibleMine(request, request.params.id, ['commander', 'park-manager']);
    const known = new Set(site.roadways.edges.map((e) => e.id));
    for (const [field, ids] of [['sourceRoadwayIds', request.body.sourceRoadwayIds], ['extraRoadwayIds', request.body.extraRoadwayIds ?? []]] as const) {
      const unknown = ids.find((id) => !known.has(id));
      if (unknown) throw badBody(`${field}: no roadway '${unknown}' in mine '${site.id}'`);
    }
    const view = await mine.withdrawal.order(site.id, { ...request.body, orderedBy: user.username });
    return reply.code(201).send(view);
  });
}
