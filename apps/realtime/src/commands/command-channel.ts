import { randomUUID } from 'node:crypto';
import { commands, type SqlClient } from '@safetwin/db';
import { CommandAckSchema, type CommandAck, type CommandRecord, type CommandRequest, type FieldCommand, type ServerToClientEvents } from '@safetwin/protocol';
import type { Server } from 'socket.io';
import { eq } from 'drizzle-orm';

/** Room of the socket gateways that serve a site (`*`: every site). */
export const gatewayRoom = (siteId: string | null) => `gateways:${siteId ?? '*'}`;

/** Sends a command over MQTT and resolves with the gateway's ack, or null on timeout. */
export type MqttCommandSender = (command: FieldCommand, timeoutMs: number) => Promise<CommandAck | null>;

/**
 * The channel from the hub to field gateways: each command is recorded, sent to the
 * site's socket gateways and (when MQTT is on) to `safetwin/{site}/{device}/command`,
 * and its outcome — acknowledged, rejected, timeout or no gateway — stored with who and when.
 * The device's new state comes back as ordinary telemetry.
 */
export class CommandChannel {
  private mqtt: MqttCommandSender | null = null;

  constructor(
    private readonly db: SqlClient,
    private readonly io: Server<Record<string, never>, ServerToClientEvents>,
    private readonly timeoutMs: number,
    private readonly now: () => number,
  ) {}

  /** Enables the MQTT path. */
  useMqtt(sender: MqttCommandSender): void {
    this.mqtt = sender;
  }

  /** Issues a command and waits (≤ timeout) for a gateway to acknowledge it. */
  async send(request: CommandRequest, issuedBy: string): Promise<CommandRecord> {
    const command: FieldCommand = { id: randomUUID(), siteId: request.siteId, deviceId: request.deviceId, action: request.action, issuedAt: this.now(), ...(request.page ? { page: request.page } : {}) };
    await this.db.orm.insert(commands).values({
      id: command.id,
      siteId: command.siteId,
      deviceId: command.deviceId,
      action: command.action,
      state: 'sent',
      issuedBy,
      reason: request.reason ?? null,
      issuedAt: new Date(command.issuedAt),
    });
    const outcome = await this.deliver(command);
    const ackedAt = outcome.state === 'acknowledged' || outcome.state === 'rejected' ? this.now() : null;
    await this.db.orm
      .update(commands)
      .set({ state: outcome.state, message: outcome.message, ackedAt: ackedAt === null ? null : new Date(ackedAt) })
      .where(eq(commands.id, command.id));
    return { ...command, state: outcome.state, issuedBy, ackedAt, message: outcome.message };
  }

  /** A stored command by id. */
  async get(id: string): Promise<CommandRecord | null> {
    const [row] = await this.db.orm.select().from(commands).where(eq(commands.id, id));
    if (!row) return null;
    return {
      id: row.id,
      siteId: row.siteId,
      deviceId: row.deviceId,
      action: row.action as CommandRecord['action'],
      state: row.state as CommandRecord['state'],
      issuedBy: row.issuedBy,
      issuedAt: row.issuedAt.getTime(),
      ackedAt: row.ackedAt?.getTime() ?? null,
      message: row.message,
    };
  }

  private async deliver(command: FieldCommand): Promise<{ state: CommandRecord['state']; message: string | null }> {
    const rooms = [gatewayRoom(command.siteId), gatewayRoom(null)];
    const sockets = await this.io
      .in(rooms)
      .fetchSockets()
      .catch(() => []);
    if (sockets.length === 0 && !this.mqtt) return { state: 'no-gateway', message: 'no gateway serving this site is connected (socket.io), and MQTT is off' };
    const attempts: Promise<CommandAck[]>[] = [];
    if (sockets.length > 0) {
      attempts.push(
        this.io
          .timeout(this.timeoutMs)
          .to(rooms)
          .emitWithAck('command', command)
          .catch((err: unknown) => (err as { responses?: unknown[] }).responses ?? [])
          .then((answers: unknown[]) => validAcks(answers, command.id)),
      );
    }
    if (this.mqtt) attempts.push(this.mqtt(command, this.timeoutMs).then((ack) => (ack ? [ack] : [])));
    const acks = await firstOk(attempts);
    const ok = acks.find((a) => a.ok);
    if (ok) return { state: 'acknowledged', message: ok.message ?? null };
    const refusal = acks.find((a) => !a.ok && a.message);
    if (refusal && acks.every((a) => !a.ok)) return { state: 'rejected', message: acks.map((a) => a.message).filter(Boolean).join('; ') };
    return { state: 'timeout', message: `no gateway acknowledged within ${this.timeoutMs} ms` };
  }
}

/** The well-formed acks for `id` among gateway answers (a gateway may answer anything). */
function validAcks(answers: unknown[], id: string): CommandAck[] {
  return answers.flatMap((a) => {
    const parsed = CommandAckSchema.safeParse(a);
    return parsed.success && parsed.data.id === id ? [parsed.data] : [];
  });
}

/** Resolves with the first batch of acks holding an ok one, else with all acks once every attempt settled (a failed attempt counts as no ack). */
function firstOk(attempts: Promise<CommandAck[]>[]): Promise<CommandAck[]> {
  return new Promise((resolve) => {
    const all: CommandAck[] = [];
    let left = attempts.length;
    for (const attempt of attempts) {
      void attempt
        .catch(() => [] as CommandAck[])
        .then((acks) => {
          all.push(...acks);
          if (acks.some((a) => a.ok)) resolve(acks);
          else if (--left === 0) resolve(all);
        });
    }
  });
}
