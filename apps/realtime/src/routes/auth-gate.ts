import type { FastifyInstance, RouteOptions } from 'fastify';
import { requireGateway, requireUser, type RouteDeps } from './context.ts';

/** Paths (under the API prefix) anyone may call: load balancers, the login form, API clients reading the schema. */
const PUBLIC_PATHS = new Set(['/health', '/auth/login', '/openapi.json']);
/** Paths a gateway calls with its key instead of a user's token. */
const GATEWAY_PATHS = new Set(['/ingest']);

/**
 * Checks who is calling before the body is validated, so a caller without a valid token hears 401 and not a
 * complaint about a body it may not send at all (and nothing about the schema leaks to strangers). Roles are
 * still checked in each handler, where the route knows them. Add before the routes it guards, in the same scope.
 */
export function gateRoutesByCaller(api: FastifyInstance, deps: RouteDeps, prefix: string): void {
  api.addHook('onRoute', (route: RouteOptions) => {
    const path = route.url.startsWith(prefix) ? route.url.slice(prefix.length) : route.url;
    if (PUBLIC_PATHS.has(path)) return;
    const check = GATEWAY_PATHS.has(path)
      ? async (request: Parameters<typeof requireGateway>[1]) => void (await requireGateway(deps, request))
      : async (request: Parameters<typeof requireUser>[1]) => void (await requireUser(deps, request));
    const earlier = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [check, ...earlier];
  });
}
