import { z } from 'zod';
import { CommandRecordSchema, CommandRequestSchema } from '@safetwin/protocol';
import { commandTargets } from '@safetwin/twin-models';
import { canCommand, canSeeDevice, canSeeSite } from '../auth/access.ts';
import { HubError, forbidden, notFound } from '../errors.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** POST /commands (operate an actuated valve or a power switch), GET /commands/:id. */
export function commandRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/commands',
    { schema: { tags: ['commands'], summary: 'Send a command to a field device and wait for the gateway to acknowledge it', body: CommandRequestSchema } },
    async (request, reply) => {
      const user = await requireUser(deps, request);
      const { siteId, deviceId, action } = request.body;
      const site = deps.registry.site(siteId);
      const device = deps.registry.device(deviceId);
      if (!site || !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}'`);
      if (!device || device.siteId !== siteId) throw new HubError('command:unknown-device', `no device '${deviceId}' on site '${siteId}'`, 404);
      const target = commandTargets(site).get(deviceId);
      if (!target || !target.actions.includes(action))
        throw new HubError('command:not-actuated', `device '${deviceId}' does not accept '${action}'${target ? ` (it accepts ${target.actions.join(', ')})` : ''}`, 422);
      if (!canCommand(user, device)) throw forbidden(`${user.username} may not command '${deviceId}'`);
      const record = await deps.commands.send(request.body, user.username);
      const status = record.state === 'acknowledged' ? 200 : record.state === 'rejected' ? 409 : record.state === 'no-gateway' ? 503 : 504;
      return reply.code(status).send({ command: record });
    },
  );
  app.get('/commands/:id', { schema: { tags: ['commands'], summary: 'A command and its outcome', params: z.object({ id: z.string().uuid() }) } }, async (request) => {
    const user = await requireUser(deps, request);
    const record = await deps.commands.get(request.params.id);
    const device = record ? deps.registry.device(record.deviceId) : undefined;
    if (!record || !(device ? canSeeDevice(user, device) : canSeeSite(user, record.siteId))) throw notFound(`no command '${request.params.id}'`);
    return { command: CommandRecordSchema.parse(record) };
  });
}
