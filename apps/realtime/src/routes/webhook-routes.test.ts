import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { Principal } from '@safetwin/protocol';
import type { WebhookNotifier } from '../notify/webhook-notifier.ts';
import type { WebhookStore } from '../notify/webhook-store.ts';
import type { Webhook } from '../notify/webhook-types.ts';
import type { RouteDeps } from './context.ts';
import { webhookRoutes } from './webhook-routes.ts';

describe('POST /webhooks when the hub cannot reload its hooks', () => {
  it('stores the hook and still answers 201 with the secret (the refresh is best effort)', async () => {
    const officer = { username: 'officer-E1', role: 'safety-officer', siteId: 's1', enterpriseId: 'E1' } as unknown as Principal;
    const inserted: Webhook[] = [];
    const store = { insert: async (h: Webhook) => void inserted.push(h) } as unknown as WebhookStore;
    const notifier = {
      urlProblem: async () => null,
      refresh: async () => {
        throw new Error('database went away');
      },
    } as unknown as WebhookNotifier;
    const deps = { auth: { authenticate: async () => officer }, registry: { site: (id: string) => (id === 's1' ? { id } : undefined) } } as unknown as RouteDeps;
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    webhookRoutes(app, deps, store, notifier, () => 1000);
    const res = await app.inject({ method: 'POST', url: '/webhooks', headers: { authorization: 'Bearer t' }, payload: { url: 'https://receiver.example/hook' } });
    await app.close();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.secret).toBe(body.secret);
  });
});
