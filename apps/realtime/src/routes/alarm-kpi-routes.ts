import { z } from 'zod';
import { canSeeAlarm, canSeeSite } from '../auth/access.ts';
import { notFound } from '../errors.ts';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import { alarmKpis } from '../alarms/kpi/alarm-kpis.ts';
import { MONTH_PATTERN, monthOf } from '../alarms/kpi/kpi-window.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const KpiQuery = z.strictObject({
  siteId: z.string().min(1).max(64).optional().describe('one site; absent: every site the user may see'),
  month: z.string().regex(MONTH_PATTERN, 'must be YYYY-MM').optional().describe('UTC month of the false-alarm rate; absent: the current one'),
});

/**
 * GET /alarms/kpis: alarm-system KPIs over the alarm points the user may see — as GET /alarms,
 * except that a safety officer's figures cover only their own enterprise's alarm points (not
 * the park's shared weather station): they are that plant's performance.
 */
export function alarmKpiRoutes(app: ZodApp, deps: RouteDeps, engine: AlarmEngine, now: () => number): void {
  app.get(
    '/alarms/kpis',
    { schema: { tags: ['alarms'], summary: 'Alarm KPIs: rate per 10 min, standing, chattering, stale sensors, bad actors, false-alarm rate per month', querystring: KpiQuery } },
    async (request) => {
      const user = await requireUser(deps, request);
      const { siteId, month } = request.query;
      if (siteId && (!canSeeSite(user, siteId) || !deps.registry.site(siteId))) throw notFound(`no site '${siteId}'`);
      const alarms = engine
        .list(siteId ?? null, false)
        .filter((a) => canSeeAlarm(user, a, deps.registry.device(a.deviceId)) && (user.role !== 'safety-officer' || a.enterpriseId === user.enterpriseId));
      const nowMs = now();
      return { siteId: siteId ?? null, ...(await alarmKpis(deps.db, alarms, nowMs, month ?? monthOf(nowMs))) };
    },
  );
}
