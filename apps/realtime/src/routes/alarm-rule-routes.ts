import { z } from 'zod';
import type { Principal } from '@safetwin/protocol';
import { canSeeDevice, canSeeSite } from '../auth/access.ts';
import { HubError, badBody, forbidden, notFound } from '../errors.ts';
import type { AlarmRules } from '../alarms/rules/alarm-rules.ts';
import { BadRulesError, LooseningRefusedError } from '../alarms/rules/rule-checks.ts';
import { AlarmRuleSetSchema } from '../alarms/rules/rule-set.ts';
import { StaleRuleVersionError } from '../alarms/rules/rule-store.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const SiteParams = z.object({ id: z.string().min(1).max(64) });
const SensorParams = z.object({ deviceId: z.string().min(1).max(64) });
const Reason = z.string().min(1).max(500).optional().describe('why (kept in the audit trail)');
const PutBody = z.strictObject({
  baseVersion: z.number().int().min(0).describe('the version the edit started from (409 when it is no longer current)'),
  rules: AlarmRuleSetSchema,
  reason: Reason,
});
const Level = z.number().finite().nullable().optional();
const PatchBody = z
  .strictObject({ lowLow: Level, low: Level, high: Level, highHigh: Level, reason: Reason })
  .refine((b) => b.lowLow !== undefined || b.low !== undefined || b.high !== undefined || b.highHigh !== undefined, { message: 'give at least one of lowLow, low, high, highHigh', path: ['high'] });
const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Whether `user` may change the rules of a whole site: the command center, or the park's own manager. */
const mayEditSite = (user: Principal, siteId: string) => (user.role === 'commander' || user.role === 'park-manager') && canSeeSite(user, siteId);

/**
 * Alarm rules and set-points of a site, changed by authorised roles with an audit trail:
 * GET/PUT /sites/:id/alarm-rules (versioned; PUT needs the current `baseVersion`),
 * GET /sites/:id/alarm-rules/history, PATCH /sensors/:deviceId/setpoints. A change is stored
 * with who, when, before and after, and is in force in the running engine when the answer comes.
 */
export function alarmRuleRoutes(app: ZodApp, deps: RouteDeps, rules: AlarmRules): void {
  const siteOf = async (request: { params: { id: string }; headers: Record<string, unknown> }) => {
    const user = await requireUser(deps, request as never);
    const view = rules.ruleSet(request.params.id);
    if (!view || !canSeeSite(user, request.params.id)) throw notFound(`no site '${request.params.id}'`);
    return { user, view };
  };
  /** What of a site's set-points a user may see: all of them, officers only their own plant's. */
  const visibleLevels = (user: Principal, siteId: string) =>
    rules.levels(siteId).filter((l) => {
      const device = deps.registry.device(l.deviceId);
      return device !== undefined && canSeeDevice(user, device);
    });

  app.get('/sites/:id/alarm-rules', { schema: { tags: ['alarms'], summary: 'The alarm rules in force (version) and the set-points of the sensors the user may see', params: SiteParams } }, async (request) => {
    const { user, view } = await siteOf(request);
    return { ...view, setpoints: visibleLevels(user, view.siteId) };
  });

  app.put('/sites/:id/alarm-rules', { schema: { tags: ['alarms'], summary: 'A new version of the alarm rules (commander, park manager)', params: SiteParams, body: PutBody } }, async (request) => {
    const { user, view } = await siteOf(request);
    if (!mayEditSite(user, view.siteId)) throw forbidden(`role ${user.role} may not change the alarm rules of a site (commander or the park's manager may)`);
    // An adaptive condition must watch a metric the site's weather stations send, or it could never hold.
    const stationMetrics = new Set(deps.registry.devicesOf(view.siteId).filter((d) => d.kind === 'weather').flatMap((d) => Object.keys(d.metrics)));
    request.body.rules.adaptive.forEach((rule, i) => {
      if (!stationMetrics.has(rule.when.metric)) throw badBody(`body.rules.adaptive.${i}.when.metric: '${rule.when.metric}' is not sent by a weather station of ${view.siteId} (${[...stationMetrics].join(', ') || 'none'})`);
    });
    try {
      return await rules.setRules(view.siteId, request.body.baseVersion, request.body.rules, user.username, request.body.reason ?? null);
    } catch (err) {
      if (err instanceof StaleRuleVersionError) throw new HubError('alarm-rules:stale-version', `baseVersion ${request.body.baseVersion} is outdated: ${err.message}; reload and edit again`, 409);
      if (err instanceof BadRulesError) throw badBody(`body.rules.${err.field}: ${err.message}`);
      throw err;
    }
  });

  app.get('/sites/:id/alarm-rules/history', { schema: { tags: ['alarms'], summary: 'Audited changes of rules and set-points, newest first', params: SiteParams, querystring: HistoryQuery } }, async (request) => {
    const { user, view } = await siteOf(request);
    const entries = await rules.history(view.siteId, request.query.limit);
    return {
      entries: entries.filter((e) => {
        if (e.deviceId === null) return true;
        const device = deps.registry.device(e.deviceId);
        return device !== undefined && canSeeDevice(user, device);
      }),
    };
  });

  app.patch('/sensors/:deviceId/setpoints', { schema: { tags: ['alarms'], summary: "Change a sensor's set-points (commander, park manager; safety officer for their own plant's sensors)", params: SensorParams, body: PatchBody } }, async (request) => {
    const user = await requireUser(deps, request);
    const { deviceId } = request.params;
    const device = deps.registry.device(deviceId);
    const found = rules.sensor(deviceId);
    if (!device || !canSeeDevice(user, device) || !found) throw notFound(`no sensor with set-points '${deviceId}'`);
    const own = user.role === 'safety-officer' && device.enterpriseId !== null && device.enterpriseId === user.enterpriseId;
    const mayLoosen = mayEditSite(user, device.siteId);
    if (!mayLoosen && !own) throw forbidden(`${user.username} may not change the set-points of ${deviceId}`);
    const { reason, ...patch } = request.body;
    const { sensor } = found;
    for (const [field, value] of Object.entries(patch)) {
      if (typeof value === 'number' && (value < sensor.minValue || value > sensor.maxValue)) {
        throw badBody(`body.${field}: ${value} lies outside the range of ${sensor.metric}, ${sensor.minValue}…${sensor.maxValue}`);
      }
    }
    try {
      // A safety officer may only tighten their own sensors' limits; loosening needs the park.
      return await rules.setLevels(deviceId, patch, user.username, reason ?? null, mayLoosen);
    } catch (err) {
      if (err instanceof LooseningRefusedError) throw forbidden(`body.${err.field}: ${err.message}`);
      if (err instanceof BadRulesError) throw badBody(`body.${err.field}: ${err.message}`);
      throw err;
    }
  });
}
