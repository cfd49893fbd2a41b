import { z } from 'zod';
import { AlarmReasonSchema, ShelveRequestSchema, type AlarmView } from '@safetwin/protocol';
import { canSeeAlarm, canSeeSite } from '../auth/access.ts';
import { HubError, forbidden, notFound } from '../errors.ts';
import { AlarmTransitionError } from '../alarms/alarm-lifecycle.ts';
import { AckRequestSchema, ackReason } from '../alarms/kpi/ack-classification.ts';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const AlarmParams = z.object({ id: z.string().min(1).max(300) });
const ListQuery = z.object({
  siteId: z.string().min(1).max(64).optional(),
  state: z.enum(['active', 'normal', 'unacknowledged', 'acknowledged', 'rtn-unacknowledged', 'shelved', 'suppressed', 'out-of-service']).optional().describe('`active` is every state but normal'),
});

/** Roles that may act on alarms (a drill planner watches; a safety officer acts on their own plant's). */
const OPERATORS = ['commander', 'park-manager', 'safety-officer'] as const;

/** GET /alarms, GET /alarms/:id (with its transitions), and the operator actions. */
export function alarmRoutes(app: ZodApp, deps: RouteDeps, engine: AlarmEngine, now: () => number): void {
  app.get('/alarms', { schema: { tags: ['alarms'], summary: 'Alarms the user may see, newest first', querystring: ListQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const { siteId, state } = request.query;
    if (siteId && !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}'`);
    const list = engine
      .list(siteId ?? null, state === 'active')
      .filter((a) => canSeeAlarm(user, a, deps.registry.device(a.deviceId)) && (state === undefined || state === 'active' || a.state === state))
      .sort((a, b) => b.updatedAt - a.updatedAt);
    return { alarms: list };
  });

  const load = async (request: { params: { id: string }; headers: Record<string, unknown> }, operate: boolean) => {
    const user = await requireUser(deps, request as never);
    const alarm = engine.get(request.params.id);
    if (!alarm || !canSeeAlarm(user, alarm, deps.registry.device(alarm.deviceId))) throw new HubError('alarm:not-found', `no alarm '${request.params.id}'`, 404);
    if (operate && !(OPERATORS as readonly string[]).includes(user.role)) throw forbidden(`role ${user.role} may not act on alarms`);
    // Seeing is not owning: an officer sees the park's weather station but acts only on their own plant's alarms.
    if (operate && user.role === 'safety-officer' && alarm.enterpriseId !== user.enterpriseId) throw forbidden(`${user.username} may act only on alarms of their own enterprise`);
    return { user, alarm };
  };
  const act = (run: () => AlarmView) => {
    try {
      return { alarm: run() };
    } catch (err) {
      if (err instanceof AlarmTransitionError) throw new HubError('alarm:invalid-transition', err.message, 409);
      throw err;
    }
  };

  app.get('/alarms/:id', { schema: { tags: ['alarms'], summary: 'An alarm with its transition history (who, when, why)', params: AlarmParams } }, async (request) => {
    const { alarm } = await load(request, false);
    return { alarm, history: await engine.history(alarm.id) };
  });
  app.post('/alarms/:id/ack', { schema: { tags: ['alarms'], summary: 'Acknowledge; optionally classify the activation as a false or real alarm (recorded in the reason, counted in the KPIs)', params: AlarmParams, body: AckRequestSchema } }, async (request) => {
    const { user, alarm } = await load(request, true);
    return act(() => engine.operate(alarm.id, { type: 'ack' }, user.username, ackReason(request.body)));
  });
  app.post('/alarms/:id/shelve', { schema: { tags: ['alarms'], summary: 'Shelve for a stated time, with a reason', params: AlarmParams, body: ShelveRequestSchema } }, async (request) => {
    const { user, alarm } = await load(request, true);
    const untilMs = now() + request.body.minutes * 60_000;
    return act(() => engine.operate(alarm.id, { type: 'shelve', untilMs, reason: request.body.reason }, user.username, request.body.reason));
  });
  app.post('/alarms/:id/unshelve', { schema: { tags: ['alarms'], summary: 'Unshelve', params: AlarmParams } }, async (request) => {
    const { user, alarm } = await load(request, true);
    return act(() => engine.operate(alarm.id, { type: 'unshelve' }, user.username, null));
  });
  app.post('/alarms/:id/out-of-service', { schema: { tags: ['alarms'], summary: 'Take out of service, with a reason', params: AlarmParams, body: AlarmReasonSchema } }, async (request) => {
    const { user, alarm } = await load(request, true);
    return act(() => engine.operate(alarm.id, { type: 'out-of-service', reason: request.body.reason }, user.username, request.body.reason));
  });
  app.post('/alarms/:id/return-to-service', { schema: { tags: ['alarms'], summary: 'Return to service', params: AlarmParams } }, async (request) => {
    const { user, alarm } = await load(request, true);
    return act(() => engine.operate(alarm.id, { type: 'return-to-service' }, user.username, null));
  });
}
