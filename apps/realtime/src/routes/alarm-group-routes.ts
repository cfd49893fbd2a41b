import { z } from 'zod';
import type { AlarmView, Principal } from '@safetwin/protocol';
import { canSeeAlarm, canSeeSite } from '../auth/access.ts';
import { notFound } from '../errors.ts';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import type { AlarmGroupView } from '../alarms/flood/alarm-group.ts';
import type { AlarmGroupStore } from '../alarms/flood/alarm-group-store.ts';
import type { FloodMonitor } from '../alarms/flood/flood-monitor.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const SiteId = z.string().min(1).max(64);
const ListQuery = z.object({
  siteId: SiteId.optional(),
  open: z.enum(['true', 'false']).optional().describe('`true`: only open groups; `false`: only closed ones'),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('newest first; default 100'),
});
const GroupParams = z.object({ id: z.string().min(1).max(100) });
const LoadQuery = z.object({ siteId: SiteId });

/** What the floods routes use. */
export interface AlarmGroupRouteDeps {
  engine: AlarmEngine;
  flood: FloodMonitor;
  groups: AlarmGroupStore;
}

/** Groups read per page while filtering an officer's list. */
const SCAN_PAGE = 200;

type Member = { alarm: AlarmView; joinedAt: number };

/**
 * GET /alarm-groups, /alarm-groups/:id (members and first-out) and /alarms/load, scoped as
 * /alarms is: an officer sees a group only through alarms they may see, and sees it as made
 * of those alone — their first member as its first-out and unit, their levels, counts and
 * times — never another plant's unit, level or timing. Lists are filtered before `limit`.
 */
export function alarmGroupRoutes(app: ZodApp, deps: RouteDeps, floods: AlarmGroupRouteDeps): void {
  const visibleMembers = (user: Principal, alarmIds: readonly { alarmId: string; joinedAt: number }[]) =>
    alarmIds.flatMap(({ alarmId, joinedAt }) => {
      const alarm = floods.engine.get(alarmId);
      return alarm && canSeeAlarm(user, alarm, deps.registry.device(alarm.deviceId)) ? [{ alarm, joinedAt }] : [];
    });
  // An open group's counts come from memory (the stored row may lag by a write).
  const current = (g: AlarmGroupView) => floods.flood.grouper.get(g.id) ?? g;
  /** The group as an officer's scope sees it: built from their visible members only (in join order). */
  const scoped = (g: AlarmGroupView, members: readonly Member[]): AlarmGroupView => {
    const first = members[0]!;
    const activations = members.map((m) => floods.flood.grouper.activationsOf(g.id, m.alarm.id) ?? 1);
    const lastAt = members.map((m) => Math.max(m.joinedAt, m.alarm.groupId === g.id ? (m.alarm.raisedAt ?? 0) : 0));
    return {
      ...current(g),
      unit: floods.flood.unitOf(first.alarm.siteId, first.alarm.deviceId),
      firstOutAlarmId: first.alarm.id,
      topLevel: Math.min(...members.map((m) => m.alarm.level)) as AlarmGroupView['topLevel'],
      openedAt: first.joinedAt,
      lastActivationAt: Math.max(...lastAt),
      memberCount: members.length,
      activationCount: activations.reduce((a, b) => a + b, 0),
    };
  };
  const asSeenBy = (user: Principal, g: AlarmGroupView, members: readonly Member[]) => (user.role === 'safety-officer' ? scoped(g, members) : current(g));

  app.get('/alarm-groups', { schema: { tags: ['alarms'], summary: 'Alarm groups (one cause, one first-out) the user may see, newest first', querystring: ListQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const { siteId, open, limit } = request.query;
    if (siteId && (!deps.registry.site(siteId) || !canSeeSite(user, siteId))) throw notFound(`no site '${siteId}'`);
    const sites = siteId ? [siteId] : deps.registry.all().filter((s) => canSeeSite(user, s.id)).map((s) => s.id);
    const openOnly = open === undefined ? undefined : open === 'true';
    if (user.role !== 'safety-officer') return { groups: (await floods.groups.list(sites, openOnly, limit)).map(current) };
    // An officer: page through the site's groups, keeping those with a visible member, until `limit` are found.
    const out: AlarmGroupView[] = [];
    for (let offset = 0; out.length < limit; offset += SCAN_PAGE) {
      const page = await floods.groups.list(sites, openOnly, SCAN_PAGE, offset);
      const members = await floods.groups.members(page.map((g) => g.id));
      for (const g of page) {
        const visible = visibleMembers(user, members.get(g.id) ?? []);
        if (visible.length > 0 && out.length < limit) out.push(scoped(g, visible));
      }
      if (page.length < SCAN_PAGE) break;
    }
    return { groups: out };
  });

  app.get('/alarm-groups/:id', { schema: { tags: ['alarms'], summary: 'An alarm group with its members (in the order they joined) and its first-out', params: GroupParams } }, async (request) => {
    const user = await requireUser(deps, request);
    const stored = await floods.groups.get(request.params.id);
    const gone = () => notFound(`no alarm group '${request.params.id}'`);
    if (!stored || !canSeeSite(user, stored.siteId)) throw gone();
    const members = visibleMembers(user, (await floods.groups.members([stored.id])).get(stored.id) ?? []);
    if (members.length === 0 && user.role === 'safety-officer') throw gone();
    const group = asSeenBy(user, stored, members);
    const firstOut = members.find((m) => m.alarm.id === group.firstOutAlarmId)?.alarm ?? null;
    return { group, firstOut, members: members.map((m) => ({ joinedAt: m.joinedAt, alarm: m.alarm })) };
  });

  app.get('/alarms/load', { schema: { tags: ['alarms'], summary: "The alarm load of the user's view of a site: notifications and activations in the last 10 min, standing, flooding", querystring: LoadQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const { siteId } = request.query;
    if (!deps.registry.site(siteId) || !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}'`);
    return { load: floods.flood.loadFor(user, siteId) };
  });
}
