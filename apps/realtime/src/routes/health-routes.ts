import type { RouteDeps, ZodApp } from './context.ts';

/** GET /health — liveness plus which store, queue and broker are in use. No auth: load balancers call it. */
export function healthRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get('/health', { schema: { tags: ['health'], summary: 'Status, database, queue, MQTT, counters' } }, async (_request, reply) => {
    let database = 'ok';
    try {
      await deps.db.query('SELECT 1');
    } catch (err) {
      database = `error: ${(err as Error).message}`;
    }
    const status = database === 'ok' ? 'ok' : 'degraded';
    return reply.code(status === 'ok' ? 200 : 503).send({
      status,
      database: { kind: deps.db.kind, location: deps.db.description, state: database },
      ...deps.health(),
    });
  });
}
