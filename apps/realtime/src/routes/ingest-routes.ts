import { ApiErrorSchema, IngestRequestSchema, IngestResultSchema } from '@safetwin/protocol';
import { batchOutcome } from '../ingest/ingest-service.ts';
import { requireGateway, type RouteDeps, type ZodApp } from './context.ts';

/** POST /ingest — a gateway's batch of readings (DESIGN.md §4). */
export function ingestRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/ingest',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Ingest a batch of readings (gateway key in Authorization: Bearer)',
        description:
          '202 once the accepted readings are committed; per-reading refusals are listed by index. When every reading is refused the request is refused with 422 naming the first problem. Retried readings (same deviceId and seq) count as duplicates and are stored once.',
        body: IngestRequestSchema,
        response: { 202: IngestResultSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 413: ApiErrorSchema, 422: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const gateway = await requireGateway(deps, request);
      const result = await deps.ingest.ingest(request.body.readings, { gatewayId: gateway.id, gatewayNum: gateway.num, allowedSiteId: gateway.siteId });
      const outcome = batchOutcome(result);
      if (outcome.status === 422) return reply.code(422).send(outcome.error.toBody());
      return reply.code(202).send(result);
    },
  );
}
