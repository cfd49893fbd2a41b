import mqtt, { type MqttClient } from 'mqtt';
import {
  CommandAckSchema,
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
  clientId: string;
}

/**
 * MQTT ingestion and commands: subscribes to `safetwin/+/+/telemetry` and command acks,
 * feeds telemetry through the same IngestService as HTTP, and answers a refused message
 * on `…/telemetry/error` with `{error: {code, message}}` (MQTT has no status codes).
 */
export class MqttBridge {
  private client: MqttClient | null = null;
  private readonly pendingAcks = new Map<string, (ack: CommandAck) => void>();
  readonly stats = { messages: 0, refused: 0 };

  constructor(
    private readonly options: MqttBridgeOptions,
    private readonly ingest: IngestService,
    /** `gateway_keys.num` of the MQTT channel, stored as the provenance of its readings. */
    private readonly gatewayNum: number,
  ) {}

  /** Connects and subscribes; rejects if the broker cannot be reached within 10 s. */
  async start(): Promise<void> {
    const client = await mqtt.connectAsync(this.options.url, { clientId: this.options.clientId, clean: true, reconnectPeriod: 2000, connectTimeout: 10_000 });
    this.client = client;
    const prefix = this.options.shareGroup ? `$share/${this.options.shareGroup}/` : '';
    await client.subscribeAsync([`${prefix}${MQTT_TOPIC_ROOT}/+/+/telemetry`, `${prefix}${MQTT_TOPIC_ROOT}/+/+/command/ack`], { qos: 1 });
    client.on('message', (topic, payload) => void this.onMessage(topic, payload));
  }

  /** Whether the broker connection is up. */
  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Publishes a command and waits for its ack on `…/command/ack`. */
  sendCommand = async (command: FieldCommand, timeoutMs: number): Promise<CommandAck | null> => {
    if (!this.client) return null;
    const ack = new Promise<CommandAck | null>((resolve) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(command.id);
        resolve(null);
      }, timeoutMs);
      this.pendingAcks.set(command.id, (a) => {
        clearTimeout(timer);
        this.pendingAcks.delete(command.id);
        resolve(a);
      });
    });
    await this.client.publishAsync(commandTopic(command.siteId, command.deviceId), JSON.stringify(command), { qos: 1 });
    return ack;
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
    try {
      const result = await this.ingest.ingest(readings, { gatewayId: MQTT_GATEWAY_ID, gatewayNum: this.gatewayNum, allowedSiteId: parts.siteId, topic: { siteId: parts.siteId, deviceId: parts.deviceId } });
      const outcome = batchOutcome(result);
      if (outcome.status === 422) this.refuse(parts, outcome.error, result.rejected);
      else if (result.rejected.length > 0) this.refuse(parts, new HubError('ingest:bad-reading', `${result.rejected.length} of ${readings.length} readings refused`, 422), result.rejected);
    } catch (err) {
      this.refuse(parts, err instanceof HubError ? err : new HubError('internal', (err as Error).message, 500));
    }
  }

  private refuse(parts: { siteId: string; deviceId: string }, error: HubError, rejected?: unknown): void {
    this.stats.refused++;
    const body = rejected ? { ...error.toBody(), rejected } : error.toBody();
    this.client?.publish(ingestErrorTopic(parts.siteId, parts.deviceId), JSON.stringify(body), { qos: 1 });
  }

  /** Disconnects. */
  async close(): Promise<void> {
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
