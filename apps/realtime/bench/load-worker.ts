// A load generator in its own thread: gateways posting batches of readings to the hub
// over HTTP (keep-alive) or socket.io, as fast as the hub acknowledges them.
import { parentPort, workerData } from 'node:worker_threads';
import http from 'node:http';
import { io } from 'socket.io-client';

interface Job {
  transport: 'http' | 'socket';
  hubUrl: string;
  gatewayKey: string;
  devices: { deviceId: string; metric: string; value: number }[];
  batchSize: number;
  connections: number;
  durationMs: number;
  seqBase: number;
  /** Paced load (bench:alarm): at most this many readings/s, batches spread evenly; absent: as fast as acknowledged. */
  ratePerS?: number;
}

const job = workerData as Job;
const seqs = new Map<string, number>();
let deviceCursor = 0;

/** The next batch: round-robin over devices, one metric each, per-device seq. */
function nextBatch(): string {
  const now = Date.now();
  const parts: string[] = [];
  for (let i = 0; i < job.batchSize; i++) {
    const d = job.devices[deviceCursor++ % job.devices.length]!;
    const seq = (seqs.get(d.deviceId) ?? job.seqBase) + 1;
    seqs.set(d.deviceId, seq);
    parts.push(`{"deviceId":"${d.deviceId}","ts":${now},"seq":${seq},"values":{"${d.metric}":${d.value}}}`);
  }
  return `{"readings":[${parts.join(',')}]}`;
}

const latenciesMs: number[] = [];
let accepted = 0;
let duplicates = 0;
let rejected = 0;
let errors = 0;
const deadline = Date.now() + job.durationMs;
let nextDueMs = performance.now();

/** Paced load: waits for the next batch's turn (a loop that fell behind by > 1 s drops the lost turns instead of bursting). */
async function pace(): Promise<void> {
  if (!job.ratePerS) return;
  nextDueMs = Math.max(nextDueMs, performance.now() - 1000);
  const waitMs = nextDueMs - performance.now();
  nextDueMs += (job.batchSize / job.ratePerS) * 1000;
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
}

async function httpLoop(agent: http.Agent): Promise<void> {
  const url = new URL('/api/v1/ingest', job.hubUrl);
  while (Date.now() < deadline) {
    await pace();
    const body = nextBatch();
    const t0 = performance.now();
    const result = await new Promise<{ status: number; text: string }>((resolve) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${job.gatewayKey}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', (err) => resolve({ status: 0, text: String(err) }));
      req.end(body);
    });
    latenciesMs.push(performance.now() - t0);
    if (result.status === 202) {
      const r = JSON.parse(result.text) as { accepted: number; duplicates: number; rejected: unknown[] };
      accepted += r.accepted;
      duplicates += r.duplicates;
      rejected += r.rejected.length;
    } else {
      errors++;
      if (errors < 5) console.error(`ingest ${result.status}: ${result.text.slice(0, 200)}`);
    }
  }
}

async function socketLoop(): Promise<void> {
  const socket = io(job.hubUrl, { auth: { gatewayKey: job.gatewayKey }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
  while (Date.now() < deadline) {
    await pace();
    const body = JSON.parse(nextBatch()) as unknown;
    const t0 = performance.now();
    const r = (await socket.emitWithAck('ingest', body)) as { accepted?: number; duplicates?: number; rejected?: unknown[]; error?: unknown };
    latenciesMs.push(performance.now() - t0);
    if (r.error) errors++;
    else {
      accepted += r.accepted ?? 0;
      duplicates += r.duplicates ?? 0;
      rejected += r.rejected?.length ?? 0;
    }
  }
  socket.disconnect();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
await Promise.all(Array.from({ length: job.connections }, () => (job.transport === 'http' ? httpLoop(agent) : socketLoop())));
agent.destroy();
parentPort!.postMessage({ accepted, duplicates, rejected, errors, latenciesMs });
