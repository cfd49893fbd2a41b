// The demo gateway's I/O: connects to the hub over socket.io with a gateway key, drives the
// engine on a timer, sends readings in batches through `ingest` (the same API a real gateway
// uses), keeps unacknowledged batches in a bounded buffer and resends them with the same seq
// after a reconnect (the hub dedupes by deviceId + seq), and carries out `command`s.
import { io } from 'socket.io-client';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type {
  ApiError, ClientToServerEvents, CommandAck, IngestResult, Reading, ServerToClientEvents,
} from '@safetwin/protocol';
import { FieldCommandSchema } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { createSimulator } from './simulator.ts';
import type { Simulator, SimulatorOptions } from './simulator.ts';

/** Where the gateway reports what happens. */
export interface GatewayLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How the demo gateway is started. */
export interface SimulatorGatewayOptions extends Omit<SimulatorOptions, 'sites' | 'now'> {
  /** Hub base URL, e.g. `http://localhost:4000`. */
  hubUrl: string;
  /** The gateway key the hub issued (socket.io handshake `auth: {gatewayKey}`). */
  gatewayKey: string;
  /** Sites to simulate. */
  sites: readonly Site[];
  /** @defaultValue silent */
  logger?: GatewayLogger;
  /** Clock, epoch ms. @defaultValue Date.now */
  now?: () => number;
  /** Engine tick and batch period, ms: one `ingest` emit per tick at most. @defaultValue 200 */
  tickIntervalMs?: number;
  /** How long to wait for the hub's ack before treating a batch as unsent, ms. @defaultValue 10000 */
  ackTimeoutMs?: number;
  /** Most readings kept while the hub is unreachable; the oldest are dropped beyond it. @defaultValue 200000 (≈ 6 min of the demo sites) */
  maxBufferedReadings?: number;
  /** Most readings in one `ingest` emit (backlogs are sent in pieces of this size). @defaultValue 5000 */
  maxReadingsPerEmit?: number;
  /** How long `startSimulatorGateway` waits for the first connection before resolving anyway, ms. @defaultValue 5000 */
  connectWaitMs?: number;
  /** Pause before retrying after the hub refused the handshake (e.g. key not yet seeded), ms. @defaultValue 5000 */
  authRetryMs?: number;
  /** Extra socket.io-client options (tests: `reconnectionDelay`). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Counters of a running gateway. */
export interface GatewayStats {
  connected: boolean;
  /** Successful connections so far (reconnects included). */
  connects: number;
  disconnects: number;
  /** Readings the engine produced. */
  produced: number;
  /** `ingest` emits and the readings in them (resends counted again). */
  batchesSent: number;
  readingsSent: number;
  /** What the hub answered, summed over acks. */
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Emits that got no ack (timeout or disconnect) and were put back for resending. */
  unacked: number;
  /** Acks that were an error for the whole batch. */
  errorAcks: number;
  /** Readings waiting to be sent (in flight included). */
  buffered: number;
  /** Readings dropped because the buffer was full, or refused as a whole by the hub. */
  dropped: number;
  /** Commands received and how many were carried out. */
  commands: number;
  commandsOk: number;
  /** Epoch ms of the latest ack, null before the first. */
  lastAckAt: number | null;
}

/** A running demo gateway. */
export interface SimulatorGateway {
  /** The engine (stage scenarios, read the fault log). */
  simulator: Simulator;
  /** Counters. */
  stats(): GatewayStats;
  /** Stops the timer, tries briefly to send what is buffered, and disconnects. Idempotent. */
  stop(): Promise<void>;
}

type GatewaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SILENT: GatewayLogger = { info: () => {}, warn: () => {}, error: () => {} };
/** Error codes after which resending the same batch may succeed. */
const TRANSIENT_CODES = new Set(['ingest:unavailable', 'internal']);
/** Wait before resending after a transient refusal, ms. */
const TRANSIENT_BACKOFF_MS = 1000;
/** Longest `stop()` waits for the buffer to drain, ms. */
const STOP_FLUSH_MS = 2000;

/**
 * Starts the demo gateway: the simulation engine driven by a timer and connected to the hub
 * like any field gateway. Resolves once connected, or after `connectWaitMs` without a
 * connection (it keeps retrying in the background and buffers meanwhile). Never throws on
 * network trouble or error acks: it logs them.
 */
export async function startSimulatorGateway(options: SimulatorGatewayOptions): Promise<SimulatorGateway> {
  const log = options.logger ?? SILENT;
  const now = options.now ?? Date.now;
  const tickMs = options.tickIntervalMs ?? 200;
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const maxBuffered = options.maxBufferedReadings ?? 200_000;
  const maxPerEmit = options.maxReadingsPerEmit ?? 5000;
  const authRetryMs = options.authRetryMs ?? 5000;
  const { hubUrl, gatewayKey, sites } = options;
  if (!gatewayKey) throw new TypeError('startSimulatorGateway: gatewayKey is required');

  const simulator = createSimulator({
    sites, now, seed: options.seed, startMs: options.startMs, faultRatePerDeviceHour: options.faultRatePerDeviceHour,
    faultKinds: options.faultKinds, maxCatchUpMs: options.maxCatchUpMs, faultLogSize: options.faultLogSize,
    weather: options.weather, miners: options.miners, uwb: options.uwb,
  });
  const stats: GatewayStats = {
    connected: false, connects: 0, disconnects: 0, produced: 0, batchesSent: 0, readingsSent: 0, accepted: 0, duplicates: 0,
    rejected: 0, unacked: 0, errorAcks: 0, buffered: 0, dropped: 0, commands: 0, commandsOk: 0, lastAckAt: null,
  };

  /** Unsent readings in order, as chunks (one per tick); `inFlight` is out of it while awaiting its ack. */
  const outbox: Reading[][] = [];
  let inFlight: Reading[] | null = null;
  let holdUntil = 0;
  let stopped = false;
  let overflowing = false;
  const lastLog = new Map<string, number>();
  /** Logs at most once per `everyMs` per key, so a long outage does not flood the log. */
  const throttled = (level: keyof GatewayLogger, key: string, message: string, everyMs = 30_000) => {
    const t = performance.now();
    if ((lastLog.get(key) ?? -Infinity) + everyMs > t) return;
    lastLog.set(key, t);
    log[level](message);
  };

  const socket: GatewaySocket = io(hubUrl, {
    auth: { gatewayKey },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    ...options.socketOptions,
  });

  const countBuffered = () => {
    let n = inFlight?.length ?? 0;
    for (const c of outbox) n += c.length;
    stats.buffered = n;
    return n;
  };

  const enqueue = (readings: Reading[]) => {
    if (readings.length === 0) return;
    stats.produced += readings.length;
    outbox.push(readings);
    let n = countBuffered();
    if (n <= maxBuffered) {
      overflowing = false;
      return;
    }
    let dropped = 0;
    while (n > maxBuffered && outbox.length > 1) {
      const old = outbox.shift()!;
      n -= old.length;
      dropped += old.length;
    }
    stats.dropped += dropped;
    stats.buffered = n;
    if (!overflowing) log.warn(`buffer full (${maxBuffered} readings): dropping the oldest while the hub is unreachable`);
    overflowing = true;
  };

  /** Takes up to `maxPerEmit` readings off the head of the outbox. */
  const takeBatch = (): Reading[] => {
    const first = outbox[0]!;
    if (first.length <= maxPerEmit && (outbox.length === 1 || first.length + outbox[1]!.length > maxPerEmit)) return outbox.shift()!;
    const batch: Reading[] = [];
    while (outbox.length > 0 && batch.length < maxPerEmit) {
      const head = outbox[0]!;
      const room = maxPerEmit - batch.length;
      if (head.length <= room) {
        for (const r of outbox.shift()!) batch.push(r);
      } else {
        for (const r of head.splice(0, room)) batch.push(r);
      }
    }
    return batch;
  };

  const pump = () => {
    if (stopped && outbox.length === 0) return;
    if (inFlight || !socket.connected || outbox.length === 0 || performance.now() < holdUntil) return;
    const batch = takeBatch();
    inFlight = batch;
    stats.batchesSent++;
    stats.readingsSent += batch.length;
    socket.timeout(ackTimeoutMs).emit('ingest', { readings: batch }, (err: Error | null, answer?: IngestResult | ApiError) => {
      inFlight = null;
      if (err) {
        // No ack (timeout or disconnect): the hub may or may not have it; resend with the same seq.
        stats.unacked++;
        outbox.unshift(batch);
        countBuffered();
        throttled('warn', 'unacked', `no ack for a batch of ${batch.length} readings (${err.message}); will resend`);
        return;
      }
      stats.lastAckAt = now();
      handleAnswer(batch, answer);
      countBuffered();
      pump();
    });
    countBuffered();
  };

  const handleAnswer = (batch: Reading[], answer: IngestResult | ApiError | undefined) => {
    const result = answer as Partial<IngestResult> & Partial<ApiError> | undefined;
    if (result && typeof result.accepted === 'number') {
      stats.accepted += result.accepted;
      stats.duplicates += result.duplicates ?? 0;
      const rejected = Array.isArray(result.rejected) ? result.rejected : [];
      stats.rejected += rejected.length;
      if (rejected.length > 0) {
        const first = rejected[0]!;
        const r = batch[first.index];
        throttled('warn', 'rejected', `hub rejected ${rejected.length} of ${batch.length} readings; first: ${r?.deviceId ?? '?'} ${first.code}: ${first.error}`);
      }
      return;
    }
    stats.errorAcks++;
    const code = result?.error?.code ?? 'unknown';
    const message = result?.error?.message ?? JSON.stringify(answer);
    if (TRANSIENT_CODES.has(code)) {
      outbox.unshift(batch);
      holdUntil = performance.now() + TRANSIENT_BACKOFF_MS;
      throttled('warn', `ack:${code}`, `hub refused a batch for now (${code}: ${message}); resending in ${TRANSIENT_BACKOFF_MS} ms`);
    } else {
      stats.dropped += batch.length;
      throttled('error', `ack:${code}`, `hub refused a batch of ${batch.length} readings (${code}: ${message}); dropped`);
    }
  };

  const timer = setInterval(() => {
    try {
      enqueue(simulator.tick(now()));
      pump();
    } catch (err) {
      throttled('error', 'tick', `tick failed: ${(err as Error).stack ?? String(err)}`);
    }
  }, tickMs);

  socket.on('connect', () => {
    stats.connected = true;
    stats.connects++;
    log.info(`connected to ${hubUrl}${stats.connects > 1 ? ' (reconnected)' : ''}; ${simulator.devices.size} devices, ${countBuffered()} readings buffered`);
    pump();
  });
  socket.on('disconnect', (reason) => {
    stats.connected = false;
    stats.disconnects++;
    if (stopped) return;
    log.warn(`disconnected from ${hubUrl}: ${reason}; buffering`);
    // socket.io-client does not reconnect by itself after the server closed the session.
    if (reason === 'io server disconnect') setTimeout(() => !stopped && !socket.connected && socket.connect(), authRetryMs).unref?.();
  });
  socket.on('connect_error', (err: Error & { data?: { error?: { code?: string; message?: string } } }) => {
    const detail = err.data?.error ? `${err.data.error.code}: ${err.data.error.message}` : err.message;
    throttled('error', 'connect_error', `cannot connect to ${hubUrl}: ${detail}`);
    // A refused handshake (bad key) is not retried by socket.io-client itself; retry after a pause.
    if (!socket.active && !stopped) setTimeout(() => !stopped && !socket.connected && socket.connect(), authRetryMs).unref?.();
  });
  socket.on('command', (command, ack) => {
    stats.commands++;
    const reply = (answer: CommandAck) => {
      if (answer.ok) stats.commandsOk++;
      if (typeof ack === 'function') ack(answer);
    };
    const parsed = FieldCommandSchema.safeParse(command);
    if (!parsed.success) {
      const id = typeof (command as { id?: unknown } | null)?.id === 'string' ? (command as { id: string }).id : '';
      log.warn(`malformed command refused: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      reply({ id, ok: false, message: `malformed command: ${parsed.error.issues[0]?.message ?? 'bad shape'}` });
      return;
    }
    const answer = simulator.applyCommand(parsed.data, now());
    log.info(`command ${parsed.data.action} ${parsed.data.deviceId} (${parsed.data.id}): ${answer.ok ? 'ok' : 'refused'}${answer.message ? ` – ${answer.message}` : ''}`);
    reply(answer);
  });

  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(wait);
      socket.off('connect', done);
      resolve();
    };
    const wait = setTimeout(done, options.connectWaitMs ?? 5000);
    if (socket.connected) done();
    else socket.on('connect', done);
  });

  let stopping: Promise<void> | null = null;
  return {
    simulator,
    stats: () => ({ ...stats, buffered: countBuffered() }),
    stop: () => {
      stopping ??= (async () => {
        clearInterval(timer);
        stopped = true;
        const deadline = performance.now() + STOP_FLUSH_MS;
        while (socket.connected && (outbox.length > 0 || inFlight) && performance.now() < deadline) {
          pump();
          await new Promise((r) => setTimeout(r, 20));
        }
        socket.disconnect();
        stats.connected = false;
      })();
      return stopping;
    },
  };
}
