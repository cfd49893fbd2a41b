import mqtt, { type MqttClient } from 'mqtt';
import {
  CommandAckSchema,
  MAX_READINGS_PER_BATCH,
  MQTT_TOPIC_ROOT,
  commandAckTopic,
  commandTopic,
  ingestErrorTopic,
  parseTopic,
  type CommandAck,
  type FieldCommand,
} from '@safetwin/protocol';
import { batchOutcome, type IngestService } from '../ingest/ingest-service.ts';
import { HubError } from '../errors.ts';

/** Provenance id of readings that arrived over MQTT (the broker authorises publishers). */
export const MQTT_GATEWAY_ID = 'mqtt';

/** Options of the MQTT bridge. */
export interface MqttBridgeOptions {
  url: string;
  /**
   * MQTT shared-subscription group: with several hubs, each message is delivered to one
   * of them (`$share/{group}/…`). Empty: a plain subscription (brokers without $share).
   * @defaultValue 'safetwin-hub'
   */
  shareGroup: string;
  /** Stable per hub: with a persistent session the broker keeps unacknowledged telemetry for it across a restart. */
  clientId: string;
  /** Persistent session (clean: false). @defaultValue true; tests turn it off. */
  persistentSession: boolean;
}

/** How long to wait before retrying a batch the store could not take, ms. */
const STORE_RETRY_MS = 1000;

/**
 * MQTT ingestion and commands: subscribes to `safetwin/+/+/telemetry` and command acks and
 * feeds telemetry through the same IngestService as HTTP. A QoS 1 message is acknowledged
 * to the broker only once it is stored or finally refused: while the store is unavailable
 * the hub retries, holding the PUBACK, so the broker keeps the message (and redelivers it to
 * this persistent session after a crash). A refused message is answered on
 * `…/telemetry/error` with `{error: {code, message}}` (MQTT has no status codes).
 */
export class MqttBridge {
  private client: MqttClient | null = null;
  private readonly pendingAcks = new Map<string, (ack: CommandAck) => void>();
  private paused = false;
  readonly stats = { messages: 0, refused: 0, retries: 0 };

  constructor(
    private readonly options: MqttBridgeOptions,
    private readonly ingest: IngestService,
    /** `gateway_keys.num` of the MQTT channel, stored as the provenance of its readings. */
    private readonly gatewayNum: number,
  ) {}

  /** Connects and subscribes; rejects if the broker cannot be reached within 10 s. */
  async start(): Promise<void> {
    const client = await mqtt.connectAsync(this.options.url, {
      clientId: this.options.clientId,
      clean: !this.options.persistentSession,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    this.client = client;
    // mqtt.js sends a QoS 1 message's PUBACK when handleMessage calls back (its documented
    // hook for back-pressure), so the broker hears "received" only once the reading is stored.
    client.handleMessage = (packet, callback) => {
      if (this.paused) return; // never acknowledged: the broker keeps it for the next session
      void this.onMessage(packet.topic, packet.payload as Buffer).then(() => callback());
    };
    const prefix = this.options.shareGroup ? `$share/${this.options.shareGroup}/` : '';
    await client.subscribeAsync([`${prefix}${MQTT_TOPIC_ROOT}/+/+/telemetry`, `${prefix}${MQTT_TOPIC_ROOT}/+/+/command/ack`], { qos: 1 });
  }

  /** Whether the broker connection is up. */
  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Publishes a command and waits for its ack on `…/command/ack`; null when offline or on timeout. */
  sendCommand = async (command: FieldCommand, timeoutMs: number): Promise<CommandAck | null> => {
    const client = this.client;
    if (!client || !client.connected) return null;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const acked = new Promise<CommandAck>((resolve) => this.pendingAcks.set(command.id, resolve));
    try {
      // The publish itself can hang while the broker is unreachable: the timeout covers it too.
      const published = client.publishAsync(commandTopic(command.siteId, command.deviceId), JSON.stringify(command), { qos: 1 }).then(
        () => acked,
        () => null,
      );
      return await Promise.race([published, timedOut]);
    } finally {
      clearTimeout(timer);
      this.pendingAcks.delete(command.id);
    }
  };

  private async onMessage(topic: string, payload: Buffer): Promise<void> {
    const parts = parseTopic(topic);
    if (!parts) return;
    if (parts.rest === 'command/ack') {
      const ack = CommandAckSchema.safeParse(safeJson(payload));
      if (ack.success) this.pendingAcks.get(ack.data.id)?.(ack.data);
      return;
    }
    if (parts.rest !== 'telemetry') return;
    this.stats.messages++;
    const body = safeJson(payload);
    if (body === undefined) return this.refuse(parts, new HubError('request:bad-json', 'payload is not valid JSON', 400));
    const readings = Array.isArray(body) ? body : [body];
    if (readings.length === 0) return this.refuse(parts, new HubError('request:bad-body', 'payload is an empty array', 400));
    if (readings.length > MAX_READINGS_PER_BATCH)
      return this.refuse(parts, new HubError('request:too-large', `payload holds ${readings.length} readings; at most ${MAX_READINGS_PER_BATCH} per message`, 413));
    const source = { gatewayId: MQTT_GATEWAY_ID, gatewayNum: this.gatewayNum, allowedSiteId: parts.siteId, topic: { siteId: parts.siteId, deviceId: parts.deviceId } };
    for (;;) {
      try {
        const result = await this.ingest.ingest(readings, source);
        const outcome = batchOutcome(result);
        if (outcome.status === 422) this.refuse(parts, outcome.error, result.rejected);
        else if (result.rejected.length > 0) this.refuse(parts, new HubError('ingest:bad-reading', `${result.rejected.length} of ${readings.length} readings refused`, 422), result.rejected);
        return;
      } catch (err) {
        const hubError = err instanceof HubError ? err : new HubError('internal', (err as Error).message, 500);
        if (hubError.statusCode !== 503 || this.paused) return this.refuse(parts, hubError);
        this.stats.retries++;
        await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      }
    }
  }

  private refuse(parts: { siteId: string; deviceId: string }, error: HubError, rejected?: unknown): void {
    this.stats.refused++;
    const body = rejected ? { ...error.toBody(), rejected } : error.toBody();
    this.client?.publish(ingestErrorTopic(parts.siteId, parts.deviceId), JSON.stringify(body), { qos: 1 });
  }

  /** Stops taking telemetry (shutdown): new messages stay unacknowledged with the broker. */
  pause(): void {
    this.paused = true;
  }

  /** Disconnects. */
  async close(): Promise<void> {
    this.paused = true;
    await this.client?.endAsync();
    this.client = null;
  }
}

function safeJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
}
