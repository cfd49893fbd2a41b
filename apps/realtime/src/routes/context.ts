import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '@safetwin/protocol';
import type { SqlClient } from '@safetwin/db';
import type { AuthService, GatewayIdentity } from '../auth/auth-service.ts';
import { bearerOf } from '../auth/auth-service.ts';
import { authMissing, forbidden } from '../errors.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { CommandChannel } from '../commands/command-channel.ts';
import type { Role } from '@safetwin/protocol';

/** The hub's parts that routes use. */
export interface RouteDeps {
  db: SqlClient;
  auth: AuthService;
  registry: SiteRegistry;
  ingest: IngestService;
  commands: CommandChannel;
  /** Disconnects every socket opened with a token (logout), on every hub. */
  endSession: (token: string) => void;
  /** What /health reports beyond the basics. */
  health: () => Record<string, unknown>;
}

/** Fastify with zod schemas. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The logged-in user behind a request's bearer token, or a 401/403. */
export async function requireUser(deps: RouteDeps, request: FastifyRequest, roles?: readonly Role[]): Promise<Principal> {
  const token = bearerOf(request.headers.authorization);
  if (!token) throw authMissing();
  const user = await deps.auth.authenticate(token);
  if (roles && !roles.includes(user.role)) throw forbidden(`role ${user.role} may not do this (needs ${roles.join(' or ')})`);
  return user;
}

/** The gateway behind a request's key, or a 401. */
export async function requireGateway(deps: RouteDeps, request: FastifyRequest): Promise<GatewayIdentity> {
  const key = bearerOf(request.headers.authorization);
  if (!key) throw authMissing('missing gateway key: send Authorization: Bearer <gateway key>');
  return deps.auth.authenticateGateway(key);
}
