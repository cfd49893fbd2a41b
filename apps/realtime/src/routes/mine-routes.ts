import { z } from 'zod';
import type { SitePagesView, SiteZonesView } from '@safetwin/protocol';
import { canSeeSite } from '../auth/access.ts';
import { badBody, notFound } from '../errors.ts';
import { PeopleRequestError } from '../mine/people/people-service.ts';
import { MAX_TRAJECTORY_WINDOW_MS } from '../mine/people/trajectory.ts';
import type { MineServices } from '../mine/start-mine-services.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const SiteParams = z.object({ id: z.string().min(1).max(64) });
const WithdrawalBody = z.strictObject({
  sourceRoadwayIds: z.array(z.string().min(1).max(64)).min(1, 'name at least one source roadway').max(50).describe('roadways where the hazard is; everything downstream in the air flow is affected'),
  extraRoadwayIds: z.array(z.string().min(1).max(64)).max(200).optional().describe('further roadways to clear'),
  reason: z.string().min(3).max(500),
});

const DAY_MS = 86_400_000;
/** Latest instant a JavaScript Date can hold (ECMA-262 §21.4.1.1), epoch ms. */
const MAX_DATE_MS = 8.64e15;
const EpochMs = z.coerce.number().int().nonnegative().max(MAX_DATE_MS, 'times are epoch ms');
const AttendanceQuery = z.object({
  from: EpochMs.optional().describe('start, epoch ms (default: a day before `to`)'),
  to: EpochMs.optional().describe('end, exclusive, epoch ms (default: now)'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
const TrajectoryQuery = z.object({ from: EpochMs.describe('start, epoch ms'), to: EpochMs.describe('end, exclusive, epoch ms') });
const ZoneParams = z.object({ id: z.string().min(1).max(64), zoneId: z.string().min(1).max(64) });
const PersonParams = z.object({ id: z.string().min(1).max(64), personId: z.string().min(1).max(64) });
const ZonePatch = z
  .strictObject({
    headcountLimit: z.number().int().min(1).max(10_000).nullable().optional().describe('most people in the zone at once; null: no limit'),
    restricted: z.boolean().optional().describe('entry is an alarm for anyone outside the authorized teams (e.g. the heading while blasting)'),
  })
  .refine((b) => b.headcountLimit !== undefined || b.restricted !== undefined, { message: 'give headcountLimit or restricted', path: ['headcountLimit'] });
const PageBody = z.strictObject({
  to: z.union([z.strictObject({ personId: z.string().min(1).max(64) }), z.strictObject({ zoneId: z.string().min(1).max(64) })]).describe('one person, or everyone in a personnel zone now'),
  text: z.string().trim().min(1).max(200),
});

/** A window [from, to) checked: from before to, at most `maxMs` long (400 naming the field). */
function windowOf(from: number, to: number, maxMs: number): { fromMs: number; toMs: number } {
  if (!(from < to)) throw badBody('from: must be before to');
  if (to - from > maxMs) throw badBody(`to: the window may be at most ${maxMs / DAY_MS} days`);
  return { fromMs: from, toMs: to };
}

/** The people service's refusals as the API's 400 / 404. */
async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PeopleRequestError) throw err.status === 404 ? notFound(err.message) : badBody(err.message);
    throw err;
  }
}

/**
 * The mine's people, power and withdrawals (issue 7): GET /sites/:id/people (each tagged person:
 * position, roadway, state, order), GET /sites/:id/power (each machine: powered or cut, by which
 * sensor and reading), POST /sites/:id/withdrawals (a commander or the mine's manager orders the
 * people of an area out); people underground (AQ 6210 / AQ 1048): GET /sites/:id/attendance,
 * GET /sites/:id/zones, PATCH /sites/:id/zones/:zoneId (limit, restriction), POST and GET
 * /sites/:id/pages, GET /sites/:id/people/:personId/trajectory, GET /sites/:id/roof. 404 for a
 * site the user may not see or that is not a mine; changes by a commander or the mine's manager.
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
  app.get('/sites/:id/attendance', { schema: { tags: ['mine'], summary: 'Who is underground now, and when people went down and came up in a window (default: the last day)', params: SiteParams, querystring: AttendanceQuery } }, async (request) => {
    await visibleMine(request, request.params.id);
    const toMs = request.query.to ?? Date.now();
    const { fromMs } = windowOf(request.query.from ?? toMs - DAY_MS, toMs, MAX_TRAJECTORY_WINDOW_MS);
    return mine.people.attendanceView(request.params.id, fromMs, toMs, request.query.limit);
  });
  app.get('/sites/:id/zones', { schema: { tags: ['mine'], summary: 'Personnel zones: limit, restriction, headcount now and who', params: SiteParams } }, async (request) => {
    await visibleMine(request, request.params.id);
    const zones = mine.people.zones(request.params.id);
    if (!zones) throw notFound(`site '${request.params.id}' is not a mine`);
    const view: SiteZonesView = { siteId: request.params.id, zones };
    return view;
  });
  app.patch('/sites/:id/zones/:zoneId', { schema: { tags: ['mine'], summary: "Change a zone's headcount limit or restriction (commander or the mine's manager)", params: ZoneParams, body: ZonePatch } }, async (request) => {
    const { user } = await visibleMine(request, request.params.id, ['commander', 'park-manager']);
    return asHttp(() => mine.people.updateZone(request.params.id, request.params.zoneId, request.body, user.username));
  });
  app.post('/sites/:id/pages', { schema: { tags: ['mine'], summary: 'Page one person or everyone in a zone (tag.page to each tag)', params: SiteParams, body: PageBody } }, async (request, reply) => {
    const { user } = await visibleMine(request, request.params.id, ['commander', 'park-manager']);
    const view = await asHttp(() => mine.people.page(request.params.id, request.body.to, request.body.text, user.username));
    return reply.code(201).send(view);
  });
  app.get('/sites/:id/pages', { schema: { tags: ['mine'], summary: "The mine's pages, newest first, with each person's acknowledgement", params: SiteParams } }, async (request) => {
    await visibleMine(request, request.params.id);
    const view: SitePagesView = { siteId: request.params.id, pages: mine.people.pages.list(request.params.id) };
    return view;
  });
  app.get('/sites/:id/people/:personId/trajectory', { schema: { tags: ['mine'], summary: "A person's positions in a window (thinned to at most 2000 points)", params: PersonParams, querystring: TrajectoryQuery } }, async (request) => {
    await visibleMine(request, request.params.id);
    const { fromMs, toMs } = windowOf(request.query.from, request.query.to, MAX_TRAJECTORY_WINDOW_MS);
    return asHttp(() => mine.people.trajectory(request.params.id, request.params.personId, fromMs, toMs));
  });
  app.get('/sites/:id/roof', { schema: { tags: ['mine'], summary: 'Roof sensors: value, rate over the last hour, alarm state; worst state per roadway', params: SiteParams } }, async (request) => {
    await visibleMine(request, request.params.id);
    return mine.people.roof(request.params.id);
  });
}
