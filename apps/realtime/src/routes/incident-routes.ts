import { z } from 'zod';
import { ConfirmIsolationSchema, DeclareIncidentSchema, INCIDENT_STATES, IncidentNoteSchema, IncidentStateRequestSchema, type IncidentView, type Principal } from '@safetwin/protocol';
import { canCommand, canSeeIncident, canSeeSite } from '../auth/access.ts';
import { HubError, forbidden, notFound } from '../errors.ts';
import { requireOpenIncident, type IncidentActions } from '../incidents/actions/index.ts';
import { requireActOnIncident } from '../incidents/incident-access.ts';
import { declaredIncident } from '../incidents/incident-declare.ts';
import { IncidentTransitionError } from '../incidents/incident-lifecycle.ts';
import { IncidentNotFoundError, type IncidentService } from '../incidents/incident-service.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const ListQuery = z.object({
  siteId: z.string().min(1).max(64).optional(),
  state: z.enum(INCIDENT_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('newest first; default 100'),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });
const ValveParams = z.object({ id: z.string().min(1).max(64), valveId: z.string().min(1).max(64) });

/** What the incident routes use. */
export interface IncidentRouteDeps {
  service: IncidentService;
  actions: Pick<IncidentActions, 'confirmIsolation' | 'fieldDone' | 'notifyFireBrigade' | 'brief'>;
}

/** Roles that may declare an incident (an officer in their own plant only; a drill planner's is a drill). */
const DECLARERS = ['commander', 'drill-planner', 'safety-officer'] as const;

/**
 * /incidents: list, detail with timeline, declare, state changes, notes, and the response's
 * actions (confirm an isolation, report a field task done, call the fire brigade, the brief).
 * Visibility is canSeeIncident (404 otherwise, as for an unknown id); acting needs
 * canActOnIncident (403); the lifecycle's refusals, and the response's actions on a closed incident, are 409
 * `incident:invalid-transition`.
 */
export function incidentRoutes(app: ZodApp, deps: RouteDeps, incidents: IncidentRouteDeps): void {
  /** The incident if the user may see it, else 404. */
  const visible = async (user: Principal, id: string): Promise<IncidentView> => {
    const incident = await incidents.service.get(id).catch((err: unknown) => {
      throw err instanceof IncidentNotFoundError ? notFound(err.message) : err;
    });
    if (!canSeeIncident(user, incident)) throw notFound(`no incident '${id}'`);
    return incident;
  };
  /**
   * Confirming commands the set's remote valves: the user must be allowed to command each one
   * directly (canCommand, as for POST /commands), else 403 naming the valve. Drills are exempt:
   * their valves are not sent, or are the demo simulator's.
   */
  const requireCommandValves = (user: Principal, incident: IncidentView, rank: number): void => {
    const alt = incident.assessment?.isolation?.alternatives.find((a) => a.rank === rank);
    for (const v of alt?.valves ?? []) {
      if (v.actuation !== 'remote' || v.deviceId === null) continue;
      const device = deps.registry.device(v.deviceId);
      if (!device || !canCommand(user, device)) throw forbidden(`rank: ${user.username} may not command valve ${v.valveId} (${v.deviceId}) of isolation rank ${rank}: a commander must confirm it`);
    }
  };
  const actionable = async (user: Principal, id: string) => {
    const incident = await visible(user, id);
    requireActOnIncident(user, incident);
    return incident;
  };

  app.get('/incidents', { schema: { tags: ['incidents'], summary: 'Incidents the user may see, newest first (optionally of one site, in one state)', querystring: ListQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const { siteId, state, limit } = request.query;
    if (siteId && (!deps.registry.site(siteId) || !canSeeSite(user, siteId))) throw notFound(`no site '${siteId}'`);
    const sites = siteId ? [siteId] : deps.registry.all().filter((s) => canSeeSite(user, s.id)).map((s) => s.id);
    // An officer's share is filtered after the query: read more so `limit` visible ones come back.
    const rows = await incidents.service.list(sites, state, user.role === 'safety-officer' ? 500 : limit);
    return { incidents: rows.filter((i) => canSeeIncident(user, i)).slice(0, limit) };
  });

  app.get('/incidents/:id', { schema: { tags: ['incidents'], summary: 'An incident with its timeline (every event, decision and command: who, when)', params: IdParams } }, async (request) => {
    const user = await requireUser(deps, request);
    await visible(user, request.params.id);
    return { incident: await incidents.service.detail(request.params.id) };
  });

  app.post('/incidents', { schema: { tags: ['incidents'], summary: "Declare an incident at a piece of equipment, a pipe segment or a point (a drill planner's is a drill)", body: DeclareIncidentSchema } }, async (request, reply) => {
    const user = await requireUser(deps, request, DECLARERS);
    const input = declaredIncident(deps.registry.site(request.body.siteId), user, request.body);
    reply.code(201);
    return { incident: await incidents.service.create(input) };
  });

  app.post('/incidents/:id/state', { schema: { tags: ['incidents'], summary: 'Mark the incident contained, or close it, with a reason', params: IdParams, body: IncidentStateRequestSchema } }, async (request) => {
    const user = await requireUser(deps, request);
    await actionable(user, request.params.id);
    try {
      return { incident: await incidents.service.transition(request.params.id, request.body.state, user.username, request.body.reason) };
    } catch (err) {
      if (err instanceof IncidentTransitionError) throw new HubError('incident:invalid-transition', err.message, 409);
      throw err;
    }
  });

  app.post('/incidents/:id/notes', { schema: { tags: ['incidents'], summary: "A note on the incident's timeline", params: IdParams, body: IncidentNoteSchema } }, async (request, reply) => {
    const user = await requireUser(deps, request);
    await actionable(user, request.params.id);
    await incidents.service.record(request.params.id, { kind: 'note', actor: user.username, message: request.body.text });
    reply.code(201);
    return { incident: await incidents.service.detail(request.params.id) };
  });

  app.post('/incidents/:id/isolation/confirm', { schema: { tags: ['incidents'], summary: 'Confirm an isolation alternative of the latest assessment (default rank 1): its remote valves are commanded, manual ones become field tasks', params: IdParams, body: ConfirmIsolationSchema } }, async (request) => {
    const user = await requireUser(deps, request);
    const incident = await actionable(user, request.params.id);
    requireOpenIncident(incident, 'confirming an isolation');
    const rank = request.body.rank ?? 1;
    if (incident.origin !== 'drill') requireCommandValves(user, incident, rank);
    return { valves: await incidents.actions.confirmIsolation(incident, rank, user.username) };
  });

  app.post('/incidents/:id/valves/:valveId/field-done', { schema: { tags: ['incidents'], summary: 'A field crew closed a manual valve (its field task is done)', params: ValveParams } }, async (request) => {
    const user = await requireUser(deps, request);
    const incident = await actionable(user, request.params.id);
    requireOpenIncident(incident, 'reporting a field task done');
    return { valves: await incidents.actions.fieldDone(incident, request.params.valveId, user.username) };
  });

  app.post('/incidents/:id/fire-brigade', { schema: { tags: ['incidents'], summary: 'Notify the fire brigade: the brief as a signed webhook, recorded on the timeline', params: IdParams } }, async (request) => {
    const user = await requireUser(deps, request);
    requireOpenIncident(await actionable(user, request.params.id), 'notifying the fire brigade');
    await incidents.actions.notifyFireBrigade(await incidents.service.detail(request.params.id), user.username);
    return { incident: await incidents.service.get(request.params.id) };
  });

  app.get('/incidents/:id/brief', { schema: { tags: ['incidents'], summary: 'The fire-brigade brief: location, chemical hazards, zones, wind, people, valves and an access route for fire engines', params: IdParams } }, async (request) => {
    const user = await requireUser(deps, request);
    await visible(user, request.params.id);
    return { brief: incidents.actions.brief(await incidents.service.detail(request.params.id)) };
  });
}
