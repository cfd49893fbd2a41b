import { z } from 'zod';
import { SimRunRequestSchema } from '@safetwin/protocol';
import type { SimRunService } from '../sim-runs/sim-run-service.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** Roles that may start, cancel and replay simulations (a safety officer watches the results). */
const PLANNERS = ['commander', 'park-manager', 'drill-planner'] as const;
const RunParams = z.object({ id: z.string().min(1).max(100) });
const ListQuery = z.object({
  siteId: z.string().min(1).max(64),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('newest first; default 20'),
});

/** POST /sim/runs, GET /sim/runs(/:id), cancel and replay: plume, zones and assessment runs as queue jobs. */
export function simRunRoutes(app: ZodApp, deps: RouteDeps, runs: SimRunService): void {
  app.post(
    '/sim/runs',
    {
      schema: {
        tags: ['sim'],
        summary:
          "Queue a plume, zones or assessment run; weather defaults to the site weather station, the chemical to what the equipment holds, a hole size (release.holeDiameterM) to the equipment's operating state; 429 sim:busy when the site has its limit of unfinished runs, 503 sim:queue-unavailable when the queue does not take it",
        body: SimRunRequestSchema,
      },
    },
    async (request, reply) => {
      const user = await requireUser(deps, request, PLANNERS);
      return reply.code(202).send({ run: await runs.submit(request.body, user) });
    },
  );
  app.get('/sim/runs', { schema: { tags: ['sim'], summary: "A site's recent runs, newest first, without results (resultOmitted: true when one exists; GET the run for it)", querystring: ListQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    return { runs: await runs.list(request.query.siteId, user, request.query.limit) };
  });
  app.get('/sim/runs/:id', { schema: { tags: ['sim'], summary: 'A run: state, progress, full input, engine version and result', params: RunParams } }, async (request) => {
    const user = await requireUser(deps, request);
    return { run: await runs.get(request.params.id, user) };
  });
  app.post('/sim/runs/:id/cancel', { schema: { tags: ['sim'], summary: 'Cancel a queued or running run', params: RunParams } }, async (request) => {
    const user = await requireUser(deps, request, PLANNERS);
    return { run: await runs.cancel(request.params.id, user) };
  });
  app.post(
    '/sim/runs/:id/replay',
    {
      schema: {
        tags: ['sim'],
        summary: 'Run the stored input again with the current engine; says whether the result is identical (429 sim:busy when this hub replays its limit already, 504 sim:timeout past the time limit)',
        params: RunParams,
      },
    },
    async (request) => {
      const user = await requireUser(deps, request, PLANNERS);
      return { replay: await runs.replay(request.params.id, user) };
    },
  );
}
