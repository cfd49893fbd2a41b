import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Principal, ServerToClientEvents, SubscribeAck } from '@safetwin/protocol';
import { IngestRequestSchema } from '@safetwin/protocol';
import type { AuthService, GatewayIdentity } from '../auth/auth-service.ts';
import { canSeeSite } from '../auth/access.ts';
import { hashSecret } from '../auth/passwords.ts';
import { HubError, authMissing, forbidden, notFound } from '../errors.ts';
import { roomFor } from '../fanout/fanout.ts';
import { gatewayRoom } from '../commands/command-channel.ts';
import { batchOutcome, type IngestService } from '../ingest/ingest-service.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { AlarmLoadView, AlarmView, LiveReading } from '@safetwin/protocol';

/** What a socket carries after the handshake. */
export interface SocketData {
  user?: Principal;
  token?: string;
  gateway?: GatewayIdentity;
  gatewayKey?: string;
}

export type HubSocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the socket layer needs from the hub. */
export interface SocketDeps {
  auth: AuthService;
  registry: SiteRegistry;
  ingest: IngestService;
  latest: (user: Principal, siteId: string) => Promise<LiveReading[]>;
  /** The standing alarms of a site that the user may see. */
  standingAlarms: (user: Principal, siteId: string) => AlarmView[];
  /** The alarm load of the user's view of a site, sent as `alarm-load` right after subscribing (flood banner). */
  alarmLoad?: (user: Principal, siteId: string) => AlarmLoadView;
}

/**
 * socket.io: a handshake with a user token (walls, browsers) or a gateway key; users
 * `subscribe` to sites they may see and get the latest values in the ack; gateways
 * `ingest` through the same path as HTTP and receive `command`s for their sites.
 */
export function attachSocketHandlers(io: HubSocketServer, deps: SocketDeps): void {
  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const fail = (err: unknown) => {
      const hubError = toHubError(err);
      next(Object.assign(new Error(hubError.message), { data: hubError.toBody() }));
    };
    if (typeof auth.token === 'string') {
      const token = auth.token;
      deps.auth.session(token).then((session) => {
        socket.data.user = session.user;
        socket.data.token = token;
        void socket.join(sessionRoom(token));
        // The socket ends with its token: a wall must log in again, never run on a dead session.
        const timer = setTimeout(() => socket.disconnect(true), Math.max(0, Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1)));
        timer.unref();
        socket.once('disconnect', () => clearTimeout(timer));
        next();
      }, fail);
    } else if (typeof auth.gatewayKey === 'string') {
      const key = auth.gatewayKey;
      deps.auth.authenticateGateway(key).then((gateway) => {
        socket.data.gateway = gateway;
        socket.data.gatewayKey = key;
        void socket.join(gatewayRoom(gateway.siteId));
        next();
      }, fail);
    } else {
      fail(authMissing('socket.io handshake needs auth: {token} or {gatewayKey}'));
    }
  });

  io.on('connection', (socket: HubSocket) => {
    socket.on('subscribe', async (request, ack) => {
      if (typeof ack !== 'function') return;
      try {
        ack(await subscribe(socket, request, deps));
      } catch (err) {
        ack({ ok: false, ...toHubError(err).toBody() });
      }
    });
    socket.on('unsubscribe', (request, ack) => {
      const user = socket.data.user;
      if (user && request && typeof request.siteId === 'string') void socket.leave(roomFor(user, request.siteId));
      if (typeof ack === 'function') ack({ ok: true });
    });
    socket.on('ingest', async (body, ack) => {
      // A gateway that sends no ack callback still gets its readings stored; it just hears nothing back.
      const reply = typeof ack === 'function' ? ack : () => {};
      try {
        if (!socket.data.gatewayKey) throw forbidden('only gateways (connected with a gatewayKey) may ingest');
        // Checked again on every batch (cached 30 s): a revoked key stops feeding data.
        const gateway = await deps.auth.authenticateGateway(socket.data.gatewayKey);
        const parsed = IngestRequestSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new HubError('request:bad-body', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not {readings: [...]}'}`, 400);
        }
        const result = await deps.ingest.ingest(parsed.data.readings, { gatewayId: gateway.id, gatewayNum: gateway.num, allowedSiteId: gateway.siteId });
        const outcome = batchOutcome(result);
        reply(outcome.status === 422 ? { ...outcome.error.toBody(), ...result } : result);
      } catch (err) {
        reply(toHubError(err).toBody());
      }
    });
  });
}

/** Room of every socket opened with one login token (logout disconnects them, on every hub). */
export const sessionRoom = (token: string) => `session:${hashSecret(token)}`;

async function subscribe(socket: HubSocket, request: unknown, deps: SocketDeps): Promise<SubscribeAck> {
  if (!socket.data.token) throw forbidden('gateways do not subscribe; log in as a user');
  // Checked again on every subscription (cached 30 s): a revoked or expired token sees nothing new.
  const user = await deps.auth.authenticate(socket.data.token);
  socket.data.user = user;
  const siteId = (request as { siteId?: unknown } | null)?.siteId;
  if (typeof siteId !== 'string') throw new HubError('request:bad-body', 'subscribe needs {siteId: string}', 400);
  if (!deps.registry.site(siteId) || !canSeeSite(user, siteId)) throw notFound(`no site '${siteId}' visible to ${user.username}`);
  await socket.join(roomFor(user, siteId));
  const answer: SubscribeAck = { ok: true, siteId, latest: await deps.latest(user, siteId), alarms: deps.standingAlarms(user, siteId) };
  const load = deps.alarmLoad?.(user, siteId);
  if (load) setImmediate(() => socket.emit('alarm-load', load)); // right after the ack: the flood banner's state
  return answer;
}

function toHubError(err: unknown): HubError {
  return err instanceof HubError ? err : new HubError('internal', (err as Error)?.message ?? 'internal error', 500);
}
