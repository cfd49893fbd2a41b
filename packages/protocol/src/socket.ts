import type { CommandAck, FieldCommand } from './command.ts';
import type { IngestResult, ReadingInput } from './reading.ts';
import type { ApiError } from './errors.ts';
import type { AlarmLoadView, AlarmView } from './alarm.ts';
import type { SimRunView } from './sim-run.ts';
import type { IncidentHandoverView, IncidentView } from './incident.ts';

/** A reading as fanned out to subscribers (sensor time in epoch ms). */
export interface LiveReading {
  deviceId: string;
  ts: number;
  seq: number;
  values: Record<string, number>;
}

/** A batch of readings for one site, sent at most every tick (≤ 100 ms). */
export interface ReadingsBatch {
  siteId: string;
  readings: LiveReading[];
}

/** Answer to `subscribe`: the latest value of every device the client may see, and the site's standing alarms. */
export type SubscribeAck = { ok: true; siteId: string; latest: LiveReading[]; alarms: AlarmView[] } | ({ ok: false } & ApiError);

/** How often the hub sends `heartbeat` to each socket, ms. */
export const HEARTBEAT_EMIT_MS = 500;
/** Silence after which a client calls the link lost (over two missed heartbeats), ms: with checks every 200 ms the wall's banner shows within 1.6 s. */
export const LINK_SILENCE_MS = 1_200;

/** socket.io events the hub sends. */
export interface ServerToClientEvents {
  readings: (batch: ReadingsBatch) => void;
  /** An alarm changed state (raised, repeated, acknowledged, shelved, cleared …), sent at once. */
  alarm: (alarm: AlarmView) => void;
  /** The site's alarm load for this client's operator scope changed (flood banner). */
  'alarm-load': (load: AlarmLoadView) => void;
  /**
   * A simulation run of the site changed state, progress or stage (queued, running, done, failed,
   * cancelled); progress events are throttled to ≤ 5/s per run. A large result is left out
   * (`result: null, resultOmitted: true`): GET the run for it.
   */
  'sim-run': (run: SimRunView) => void;
  /** An incident of the site was created or changed (state, assessment, valves, people), sent at once; the timeline is read with GET /incidents/:id. */
  incident: (incident: IncidentView) => void;
  /**
   * To the safety officers of a plant an incident no longer concerns (a new source estimate moved its
   * likely source away from their plant): sent once, instead of the `incident` event they no longer get.
   */
  'incident-handed-over': (handover: IncidentHandoverView) => void;
  /**
   * Every {@link HEARTBEAT_EMIT_MS} to each socket of this hub: the hub's clock, epoch ms. A wall
   * that hears nothing (no readings, no heartbeat) for {@link LINK_SILENCE_MS} shows its data as
   * not live, whatever the transport believes.
   */
  heartbeat: (hubNowMs: number) => void;
  /** To gateways: a command to carry out; they answer through the ack. */
  command: (command: FieldCommand, ack: (answer: CommandAck) => void) => void;
}

/** socket.io events clients and gateways send. */
export interface ClientToServerEvents {
  subscribe: (request: { siteId: string }, ack: (answer: SubscribeAck) => void) => void;
  unsubscribe: (request: { siteId: string }, ack?: (answer: { ok: boolean }) => void) => void;
  /** Gateways only: a batch of readings, answered like HTTP ingestion. */
  ingest: (body: { readings: ReadingInput[] } | unknown, ack: (answer: IngestResult | ApiError) => void) => void;
}

/**
 * socket.io handshake `auth`: a user's bearer token (walls, browsers) or a gateway key
 * (field gateways, the demo simulator). Gateways also name the sites they serve so the
 * hub can route commands to them.
 */
export type SocketAuth = { token: string } | { gatewayKey: string };
