import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import type { CommandAck, FieldCommand, ReadingInput } from '@safetwin/protocol';
import { ReadingSchema } from '@safetwin/protocol';
import { demoSites } from '@safetwin/twin-models';
import { startSimulatorGateway } from './gateway.ts';
import type { SimulatorGateway } from './gateway.ts';

const MINE = demoSites().find((s) => s.kind === 'coal-mine')!;
const PARK = demoSites().find((s) => s.kind === 'chemical-park')!;
const KEY = 'test-gateway-key';

type Ack = (answer: unknown) => void;
/** What the fake hub does with one ingest batch: ack it (with an answer), or keep silent. */
type Behaviour = (readings: ReadingInput[], ack: Ack, socket: ServerSocket) => void;

interface FakeHub {
  url: string;
  io: Server;
  received: ReadingInput[];
  batches: number[];
  behaviour: Behaviour;
  sockets(): ServerSocket[];
  close(): Promise<void>;
}

const ackAll: Behaviour = (readings, ack) => ack({ accepted: readings.length, duplicates: 0, rejected: [] });

/** A socket.io server that checks the gateway key and records `ingest` batches, like the hub's socket layer. */
async function fakeHub(): Promise<FakeHub> {
  const http = createServer();
  const io = new Server(http);
  const hub: FakeHub = {
    url: '',
    io,
    received: [],
    batches: [],
    behaviour: ackAll,
    sockets: () => [...io.sockets.sockets.values()],
    close: () => new Promise((resolve) => void io.close(() => resolve())),
  };
  io.use((socket, next) => {
    const key = (socket.handshake.auth as { gatewayKey?: unknown }).gatewayKey;
    if (key === KEY) return next();
    next(Object.assign(new Error('bad key'), { data: { error: { code: 'auth:invalid', message: 'unknown gateway key' } } }));
  });
  io.on('connection', (socket) => {
    socket.on('ingest', (body: { readings: ReadingInput[] }, ack: Ack) => {
      hub.received.push(...body.readings);
      hub.batches.push(body.readings.length);
      hub.behaviour(body.readings, ack, socket);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return hub;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

function recordingLogger() {
  const lines: Array<[string, string]> = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(['info', m]),
      warn: (m: string) => lines.push(['warn', m]),
      error: (m: string) => lines.push(['error', m]),
    },
  };
}

/** Per device, the seqs received: every seq from the first to the last, each reading identical on every resend. */
function checkSequences(readings: ReadingInput[]): { gaps: string[]; conflicts: string[]; duplicates: number } {
  const byDevice = new Map<string, Map<number, string>>();
  const conflicts: string[] = [];
  let duplicates = 0;
  for (const r of readings) {
    const seen = byDevice.get(r.deviceId) ?? new Map<number, string>();
    byDevice.set(r.deviceId, seen);
    const text = JSON.stringify(r);
    const before = seen.get(r.seq);
    if (before !== undefined) {
      duplicates++;
      if (before !== text) conflicts.push(`${r.deviceId}#${r.seq}`);
    }
    seen.set(r.seq, text);
  }
  const gaps: string[] = [];
  for (const [id, seen] of byDevice) {
    const seqs = [...seen.keys()].sort((a, b) => a - b);
    if (seqs[0] !== 0 || seqs.at(-1)! + 1 !== seqs.length) gaps.push(`${id}: ${seqs.length} seqs, 0..${seqs.at(-1)}`);
  }
  return { gaps, conflicts, duplicates };
}

describe('startSimulatorGateway', () => {
  let hub: FakeHub | null = null;
  let gateway: SimulatorGateway | null = null;
  afterEach(async () => {
    await gateway?.stop();
    await hub?.close();
    gateway = null;
    hub = null;
  });

  it('connects with its gateway key and sends valid readings in batches every tick', async () => {
    hub = await fakeHub();
    const { logger, lines } = recordingLogger();
    gateway = await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: KEY, sites: [MINE], logger, tickIntervalMs: 100, faultRatePerDeviceHour: 0 });
    expect(gateway.stats().connected).toBe(true);
    await sleep(1500);
    // Stopped first: its last batch's ack may still be on the way (CI: 170 acknowledged of 185 received), and stop() drains.
    await gateway.stop();
    const s = gateway.stats();
    expect(s.accepted).toBeGreaterThan(100);
    expect(s.accepted).toBe(hub.received.length);
    expect(hub.batches.length).toBeGreaterThanOrEqual(8);
    for (const r of hub.received) expect(ReadingSchema.safeParse(r).success).toBe(true);
    expect(lines.some(([level, m]) => level === 'info' && m.includes('connected'))).toBe(true);
  });

  it('carries out commands and acknowledges them', async () => {
    hub = await fakeHub();
    gateway = await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: KEY, sites: [MINE, PARK], tickIntervalMs: 100 });
    const socket = hub.sockets()[0]!;
    const valve = PARK.pipes.valves.find((v) => v.deviceId && v.normallyOpen)!;
    const command: FieldCommand = { id: 'cmd-1', siteId: PARK.id, deviceId: valve.deviceId!, action: 'valve.close', issuedAt: Date.now() };
    const sentAt = Date.now();
    const ack = (await socket.timeout(10_000).emitWithAck('command', command)) as CommandAck;
    expect(ack).toMatchObject({ id: 'cmd-1', ok: true });
    await until(() => hub!.received.some((r) => r.deviceId === valve.deviceId && Number(r.ts) >= sentAt && (r.values.open_pct ?? 100) < 100));
    const unknown = (await socket.timeout(2000).emitWithAck('command', { ...command, id: 'cmd-2', deviceId: 'NOPE' })) as CommandAck;
    expect(unknown).toMatchObject({ id: 'cmd-2', ok: false });
    const malformed = (await socket.timeout(2000).emitWithAck('command', { id: 'cmd-3', action: 'explode' })) as CommandAck;
    expect(malformed).toMatchObject({ id: 'cmd-3', ok: false });
    expect(gateway.stats()).toMatchObject({ commands: 3, commandsOk: 1 });
  });

  it('resends unacknowledged batches with the same seq, so nothing is lost', async () => {
    hub = await fakeHub();
    let silent = 4;
    hub.behaviour = (readings, ack) => {
      if (silent-- > 0) return; // the ack is lost
      ackAll(readings, ack, undefined as never);
    };
    gateway = await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: KEY, sites: [MINE], tickIntervalMs: 100, ackTimeoutMs: 300, faultRatePerDeviceHour: 0 });
    await until(() => gateway!.stats().unacked >= 4 && gateway!.stats().accepted > 500, 10_000);
    await gateway.stop();
    const { gaps, conflicts, duplicates } = checkSequences(hub.received);
    expect(gaps).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(duplicates).toBeGreaterThan(0);
    expect(gateway.stats().buffered).toBe(0);
  });

  it('buffers through a dropped connection and catches up after reconnecting', async () => {
    hub = await fakeHub();
    const { logger, lines } = recordingLogger();
    gateway = await startSimulatorGateway({
      hubUrl: hub.url, gatewayKey: KEY, sites: [MINE], logger, tickIntervalMs: 100, faultRatePerDeviceHour: 0,
      socketOptions: { reconnectionDelay: 300, reconnectionDelayMax: 300 },
    });
    await sleep(400);
    // Refuse reconnection for a while by rejecting the handshake transport-level: close the connection under it.
    hub.sockets()[0]!.conn.close();
    await until(() => gateway!.stats().disconnects === 1);
    await until(() => gateway!.stats().connects >= 2, 10_000);
    await sleep(500);
    await gateway.stop();
    const { gaps, conflicts } = checkSequences(hub.received);
    expect(gaps).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(lines.some(([level, m]) => level === 'warn' && m.includes('disconnected'))).toBe(true);
  });

  it('logs an error ack and keeps running', async () => {
    hub = await fakeHub();
    hub.behaviour = (_r, ack) => ack({ error: { code: 'ingest:bad-reading', message: 'nope' } });
    const { logger, lines } = recordingLogger();
    gateway = await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: KEY, sites: [MINE], logger, tickIntervalMs: 100 });
    await until(() => gateway!.stats().errorAcks >= 3);
    expect(lines.some(([level, m]) => level === 'error' && m.includes('ingest:bad-reading'))).toBe(true);
    expect(gateway.stats().dropped).toBeGreaterThan(0);
    hub.behaviour = ackAll;
    await until(() => gateway!.stats().accepted > 0);
  });

  it('reports a refused key and does not throw', async () => {
    hub = await fakeHub();
    const { logger, lines } = recordingLogger();
    gateway = await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: 'wrong', sites: [MINE], logger, connectWaitMs: 500, tickIntervalMs: 100 });
    expect(gateway.stats().connected).toBe(false);
    await until(() => lines.some(([level, m]) => level === 'error' && m.includes('auth:invalid')));
    await sleep(300);
    expect(gateway.stats().buffered).toBeGreaterThan(0);
  });
});
