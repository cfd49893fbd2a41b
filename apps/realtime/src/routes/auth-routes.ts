import { LoginRequestSchema, LoginResponseSchema, PrincipalSchema, ApiErrorSchema } from '@safetwin/protocol';
import { z } from 'zod';
import { bearerOf } from '../auth/auth-service.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** POST /auth/login, POST /auth/logout, GET /auth/me. */
export function authRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], summary: 'Log in; returns a bearer token', body: LoginRequestSchema, response: { 200: LoginResponseSchema, 401: ApiErrorSchema } } },
    async (request) => deps.auth.login(request.body.username, request.body.password),
  );
  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Revoke the bearer token', response: { 200: z.object({ ok: z.boolean() }) } } }, async (request) => {
    await requireUser(deps, request);
    const token = bearerOf(request.headers.authorization)!;
    await deps.auth.logout(token);
    deps.endSession(token);
    return { ok: true };
  });
  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'Who the token belongs to', response: { 200: PrincipalSchema } } }, async (request) => requireUser(deps, request));
}
