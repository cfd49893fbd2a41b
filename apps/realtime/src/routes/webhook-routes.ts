import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@safetwin/protocol';
import { canSeeSite } from '../auth/access.ts';
import { badBody, forbidden, notFound } from '../errors.ts';
import { generateSecret } from '../notify/webhook-signing.ts';
import type { WebhookNotifier } from '../notify/webhook-notifier.ts';
import type { WebhookStore } from '../notify/webhook-store.ts';
import { CreateWebhookSchema, type Webhook, type WebhookTier, type WebhookView } from '../notify/webhook-types.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const HookParams = z.object({ id: z.string().uuid() });
const ListQuery = z.object({ siteId: z.string().min(1).max(64).optional() });
const DeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100).describe('newest first; default 100') });

/** Roles that manage hooks, and the tier their hooks speak for. */
const TIER_OF_ROLE: Partial<Record<Principal['role'], WebhookTier>> = { 'safety-officer': 'enterprise', 'park-manager': 'park', commander: 'government' };

/** Whether a user manages a hook: an officer their own enterprise's, a park manager and a commander the site's (site-wide) hooks. */
function manages(user: Principal, hook: Pick<Webhook, 'siteId' | 'enterpriseId'>): boolean {
  if (user.role === 'safety-officer') return hook.enterpriseId !== null && hook.enterpriseId === user.enterpriseId && hook.siteId === user.siteId;
  if (user.role === 'park-manager' || user.role === 'commander') return hook.enterpriseId === null && canSeeSite(user, hook.siteId);
  return false;
}

const view = ({ secret: _secret, ...hook }: Webhook): WebhookView => hook;

/** POST/GET/DELETE /webhooks and GET /webhooks/:id/deliveries. */
export function webhookRoutes(app: ZodApp, deps: RouteDeps, store: WebhookStore, notifier: WebhookNotifier, now: () => number): void {
  /** A hook the user manages; a deleted one only where `deleted` (its delivery record stays readable). */
  const managed = async (user: Principal, id: string, deleted: boolean) => {
    const hook = await store.get(id);
    if (!hook || !manages(user, hook) || (hook.deletedAt !== null && !deleted)) throw notFound(`no webhook '${id}'`);
    return hook;
  };
  // The hook is stored either way: a failed reload only delays it until the next periodic refresh.
  const refresh = () => notifier.refresh().catch((err: unknown) => app.log.error({ err }, 'webhook refresh failed'));

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Add a webhook: an officer for their enterprise, a park manager or commander for a site; the secret is answered once',
        description:
          'Deliveries are POSTs of JSON signed with `X-SafeTwin-Signature: sha256=<HMAC-SHA256(secret, body)>`, with `X-SafeTwin-Timestamp` (epoch ms, also `sentAt` in the body), `X-SafeTwin-Event` and `X-SafeTwin-Delivery` (the event id, the same on every retry). Non-2xx answers are retried with capped exponential backoff and jitter (1 s doubling to 10 min, for 2 h), then given up. The URL must resolve to a public address (no loopback, private, link-local, CGNAT, multicast or hub address) unless the hub allows private targets.',
        body: CreateWebhookSchema,
      },
    },
    async (request, reply) => {
      const user = await requireUser(deps, request);
      const tier = TIER_OF_ROLE[user.role];
      if (!tier) throw forbidden(`role ${user.role} may not manage webhooks`);
      const siteId = request.body.siteId ?? user.siteId;
      if (!siteId) throw badBody('siteId: required for a site-wide hook');
      if (!deps.registry.site(siteId) || !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}'`);
      const enterpriseId = tier === 'enterprise' ? user.enterpriseId : null;
      if (tier === 'enterprise' && !enterpriseId) throw forbidden(`${user.username} belongs to no enterprise`);
      const urlProblem = await notifier.urlProblem(request.body.url);
      if (urlProblem) throw badBody(`url: ${urlProblem}`);
      const secret = request.body.secret ?? generateSecret();
      const hook: Webhook = { id: randomUUID(), siteId, enterpriseId, tier, url: request.body.url, secret, events: request.body.events, createdBy: user.username, createdAt: now(), deletedAt: null };
      await store.insert(hook);
      await refresh();
      return reply.code(201).send({ webhook: view(hook), secret });
    },
  );

  app.get('/webhooks', { schema: { tags: ['webhooks'], summary: 'The webhooks the user manages (secrets are never shown again)', querystring: ListQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const { siteId } = request.query;
    const hooks = (await store.all()).filter((h) => manages(user, h) && (siteId === undefined || h.siteId === siteId));
    return { webhooks: hooks.sort((a, b) => a.createdAt - b.createdAt).map(view) };
  });

  app.delete('/webhooks/:id', { schema: { tags: ['webhooks'], summary: 'Remove a webhook: it gets nothing more, its delivery record stays readable', params: HookParams } }, async (request, reply) => {
    const user = await requireUser(deps, request);
    const hook = await managed(user, request.params.id, false);
    if (!(await store.delete(hook.id, now()))) throw notFound(`no webhook '${hook.id}'`);
    await refresh();
    return reply.code(204).send();
  });

  app.get('/webhooks/:id/deliveries', { schema: { tags: ['webhooks'], summary: 'Delivery attempts of a webhook (deleted ones too), newest first: status code or error class, outcome', params: HookParams, querystring: DeliveriesQuery } }, async (request) => {
    const user = await requireUser(deps, request);
    const hook = await managed(user, request.params.id, true);
    return { deliveries: await store.deliveries(hook.id, request.query.limit) };
  });
}
