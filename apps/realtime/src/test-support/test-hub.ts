import { createServer, type Server as NetServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Aedes } from 'aedes';
import { createScratchDatabase } from '@safetwin/db';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@safetwin/protocol';
import { createHub, type Hub } from '../create-hub.ts';
import type { HubOptions } from '../hub-options.ts';

/** The password and gateway key the test hubs seed (demo mode). */
export const TEST_PASSWORD = 'test-password';
export const TEST_GATEWAY_KEY = 'test-gateway-key';

/** A store for a suite: PGlite always, PostgreSQL when DATABASE_URL is set (CI). */
export interface StoreVariant {
  name: 'pglite' | 'postgres';
  /** Hub options pointing at a fresh store, and how to remove it. */
  prepare(): Promise<{ options: Partial<HubOptions>; dispose: () => Promise<void> }>;
}

/** The stores available here. */
export function storeVariants(env: NodeJS.ProcessEnv = process.env): StoreVariant[] {
  const variants: StoreVariant[] = [{ name: 'pglite', prepare: async () => ({ options: {}, dispose: async () => {} }) }];
  const adminUrl = env.DATABASE_URL;
  if (adminUrl) {
    variants.push({
      name: 'postgres',
      prepare: async () => {
        const scratch = await createScratchDatabase(adminUrl);
        return { options: { databaseUrl: scratch.url }, dispose: scratch.drop };
      },
    });
  }
  return variants;
}

/** Starts a hub in demo mode without the simulator, on a free port, with a fresh store. */
export async function startTestHub(variant: StoreVariant, overrides: Partial<HubOptions> = {}): Promise<Hub & { dispose: () => Promise<void> }> {
  const store = await variant.prepare();
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    demo: true,
    simulator: false,
    demoPassword: TEST_PASSWORD,
    demoGatewayKey: TEST_GATEWAY_KEY,
    logLevel: 'silent',
    redisPrefix: `safetwin-test-${randomUUID()}`,
    ...store.options,
    ...overrides,
  });
  return Object.assign(hub, {
    dispose: async () => {
      await hub.close();
      await store.dispose();
    },
  });
}

/** An embedded MQTT broker (aedes) on a free port, for runs without Mosquitto. */
export async function startEmbeddedBroker(): Promise<{ url: string; close: () => Promise<void> }> {
  const broker = await Aedes.createBroker();
  const server: NetServer = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    // The broker first (it ends the client connections), then the listener, which waits for them.
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}

/** JSON over HTTP against a hub. */
export async function call(hub: Hub, method: string, path: string, options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${hub.url}/api/v1${path}`, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { text };
  }
  return { status: res.status, body: json };
}

/** Logs a demo account in and returns its token. */
export async function login(hub: Hub, username: string): Promise<string> {
  const res = await call(hub, 'POST', '/auth/login', { body: { username, password: TEST_PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket.io client. */
export async function connect(hub: Hub, auth: Record<string, string>): Promise<TestSocket> {
  const socket: TestSocket = connectSocket(hub.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Counts stored rows of `readings` matching a device. */
export async function storedRows(hub: Hub, deviceId: string): Promise<number> {
  const [row] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings_provenance WHERE device_id = $1`, [deviceId]);
  return row?.n ?? 0;
}

/** A valid reading for a device: every metric at 1 % of its range. */
export function readingFor(device: { deviceId: string; metrics: Record<string, { minValue: number; maxValue: number }> }, seq: number, ts = Date.now()) {
  const values: Record<string, number> = {};
  for (const [name, m] of Object.entries(device.metrics)) values[name] = m.minValue + (m.maxValue - m.minValue) * 0.01;
  return { deviceId: device.deviceId, ts, seq, values };
}

/** Demo devices the tests use: a park gas detector of one enterprise, one of another, the weather station, a mine sensor. */
export function pickDevices(hub: Hub) {
  const park = hub.registry.all().find((s) => s.kind === 'chemical-park')!;
  const mine = hub.registry.all().find((s) => s.kind === 'coal-mine')!;
  const parkDevices = hub.registry.devicesOf(park.id);
  const gas = parkDevices.find((d) => d.kind.startsWith('gas-') && d.enterpriseId !== null)!;
  const otherEnterprise = parkDevices.find((d) => d.enterpriseId !== null && d.enterpriseId !== gas.enterpriseId)!;
  const weather = parkDevices.find((d) => d.kind === 'weather')!;
  const mineSensor = hub.registry.devicesOf(mine.id).find((d) => d.kind.startsWith('gas-'))!;
  return { park, mine, gas, otherEnterprise, weather, mineSensor };
}

/** Calls `fn` every `intervalMs` until it returns a value other than undefined or false; that value, or undefined on timeout. */
export async function pollUntil<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 5000, intervalMs = 50): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return undefined;
}
