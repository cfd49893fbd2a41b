// bench:alarm's probe, in its own thread like a browser in its own process: a commander's
// socket.io client subscribed to the site, a gateway posting set-point crossings over HTTP
// (latency: request sent → `alarm` event received), and a client of a plain socket.io echo
// server in the hub's process (latency: message sent → echoed back), on one schedule.
import { parentPort, workerData } from 'node:worker_threads';
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type { AlarmView, ClientToServerEvents, ServerToClientEvents } from '@safetwin/protocol';
import { RETURN_SPARE_MS, type ProbeStep } from './alarm-plan.ts';

/** What the probe gets from bench/alarm.ts. */
export interface ProbeJob {
  hubUrl: string;
  echoUrl: string;
  gatewayKey: string;
  token: string;
  siteId: string;
  detectors: { deviceId: string; metric: string; alarmId: string; crossValue: number; returnValue: number }[];
  steps: ProbeStep[];
  /** The detectors' off-delay, ms. */
  offDelayMs: number;
  /** Time an alarm or echo may take before it counts as lost, ms. */
  lostAfterMs: number;
}

/** What the probe reports back. */
export interface ProbeResult {
  alarmLatenciesMs: number[];
  echoLatenciesMs: number[];
  crossings: number;
  /** Crossings not sent because the detector's previous one was unanswered or not yet returned long enough (an overloaded hub). */
  skipped: number;
  echoes: number;
  readingsAccepted: number;
  ingestErrors: string[];
  echoPayloadBytes: number;
  /** Per reading batch the wall received: arrival − the newest reading's sensor time (= when the load sent it), ms. */
  readingsLagMs: number[];
  /** Per crossing: request sent → the hub's 202 (which waits for the commit), ms. */
  crossAnsweredMs: number[];
  /** Per new connection to the hub: connect time, ms (keep-alive connections are reused). */
  connectMs: number[];
  alarmPayloadBytes: number;
}

const job = workerData as ProbeJob;
// No limit on connections: a crossing never queues in the agent behind requests that wait for their commit.
const agent = new http.Agent({ keepAlive: true });
const ingestUrl = new URL('/api/v1/ingest', job.hubUrl);
const seqs = new Map<string, number>();
const result: ProbeResult = { alarmLatenciesMs: [], echoLatenciesMs: [], crossings: 0, skipped: 0, echoes: 0, readingsAccepted: 0, ingestErrors: [], echoPayloadBytes: 0, alarmPayloadBytes: 0, readingsLagMs: [], crossAnsweredMs: [], connectMs: [] };

/** Requests not answered yet (each reading is posted at its time, whatever the earlier ones wait for). */
const inflight = new Set<Promise<void>>();
function post(deviceId: string, metric: string, values: readonly { value: number; agoMs: number }[], onSent: () => void = () => {}): Promise<void> {
  const p = postNow(deviceId, metric, values, onSent);
  inflight.add(p);
  void p.then(() => inflight.delete(p));
  return p;
}
/** Detectors whose last crossing is not answered yet. */
const crossing = new Set<number>();
/** Per detector: sensor time of its first reading below the band sent after its last crossing was answered (the hub served that crossing first). */
const lowSinceMs = new Map<number, number>();
/**
 * Whether a detector may cross again: its last crossing answered, and below the band since then for longer than
 * the off-delay (with RETURN_SPARE_MS to spare) — so the crossing is a fresh activation whatever order the hub serves
 * requests in. An overloaded hub makes the probe skip crossings; they are counted.
 */
function mayCross(detector: number): boolean {
  const since = lowSinceMs.get(detector);
  if (crossing.has(detector)) return false;
  if (!seqs.has(job.detectors[detector]!.deviceId)) return true; // its first crossing
  return since !== undefined && Date.now() - since >= job.offDelayMs + RETURN_SPARE_MS;
}

/** Posts readings of a detector, each `agoMs` before now in sensor time; resolves when the hub answered. */
function postNow(deviceId: string, metric: string, values: readonly { value: number; agoMs: number }[], onSent: () => void): Promise<void> {
  const nowMs = Date.now();
  const readings = values.map(({ value, agoMs }) => {
    const seq = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, seq);
    return { deviceId, ts: nowMs - agoMs, seq, values: { [metric]: value } };
  });
  const body = JSON.stringify({ readings });
  return new Promise((resolve) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${job.gatewayKey}`, 'content-length': String(Buffer.byteLength(body)), 'x-bench-sent-ms': String(nowMs) };
    const req = http.request(ingestUrl, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const accepted = res.statusCode === 202 ? (JSON.parse(text) as { accepted: number }).accepted : 0;
        result.readingsAccepted += accepted;
        if (accepted !== readings.length) result.ingestErrors.push(`${res.statusCode}: ${text.slice(0, 200)}`);
        resolve();
      });
    });
    req.on('error', (err) => (result.ingestErrors.push(String(err)), resolve()));
    req.once('socket', (socket) => {
      if (!socket.connecting) return;
      const t0 = performance.now();
      socket.once('connect', () => result.connectMs.push(performance.now() - t0));
    });
    onSent();
    req.end(body);
  });
}

const connect = <S, C>(url: string, auth: Record<string, string>) =>
  new Promise<Socket<S & ServerToClientEvents, C & ClientToServerEvents>>((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true }) as Socket<S & ServerToClientEvents, C & ClientToServerEvents>;
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

const wall = await connect<object, object>(job.hubUrl, { token: job.token });
const ack = await wall.emitWithAck('subscribe', { siteId: job.siteId });
if (!ack.ok) throw new Error(`subscribe: ${ack.error.message}`);
type EchoEvents = { echo: (m: { n: number; alarm: AlarmView }) => void };
const echo = await connect<EchoEvents, EchoEvents>(job.echoUrl, {});

/** Crossings waiting for their alarm, by `alarmId#activation count`: when each was sent (several of one detector may wait under overload). */
const pendingAlarms = new Map<string, { sentAt: number }>();
const pendingEchoes = new Map<number, number>();
const activations = new Map<string, number>();
let lastAlarm: AlarmView | null = null;

wall.on('readings', (batch) => {
  let newestMs = 0;
  for (const r of batch.readings) if (r.ts > newestMs) newestMs = r.ts;
  result.readingsLagMs.push(Date.now() - newestMs);
});
wall.on('alarm', (alarm) => {
  const key = `${alarm.id}#${alarm.count}`;
  const pending = alarm.processActive ? pendingAlarms.get(key) : undefined;
  if (!pending) return;
  result.alarmLatenciesMs.push(performance.now() - pending.sentAt);
  pendingAlarms.delete(key);
  lastAlarm = alarm;
});
echo.on('echo', (m) => {
  const sentAt = pendingEchoes.get(m.n);
  if (sentAt === undefined) return;
  result.echoLatenciesMs.push(performance.now() - sentAt);
  pendingEchoes.delete(m.n);
});

const start = performance.now();
for (const step of job.steps) {
  const waitMs = start + step.atMs - performance.now();
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  const d = job.detectors[step.detector]!;
  if (step.kind === 'cross' && !mayCross(step.detector)) {
    result.skipped++;
  } else if (step.kind === 'cross') {
    crossing.add(step.detector);
    lowSinceMs.delete(step.detector);
    const count = (activations.get(d.alarmId) ?? 0) + 1;
    activations.set(d.alarmId, count);
    result.crossings++;
    const pending = { sentAt: Number.NaN };
    pendingAlarms.set(`${d.alarmId}#${count}`, pending);
    // Still below the band a millisecond ago (that reading completes the off-delay: the last activation returns), now over.
    const values = [{ value: d.returnValue, agoMs: 1 }, { value: d.crossValue, agoMs: 0 }];
    void post(d.deviceId, d.metric, values, () => (pending.sentAt = performance.now())).then(() => {
      crossing.delete(step.detector);
      result.crossAnsweredMs.push(performance.now() - pending.sentAt);
    });
  } else if (step.kind === 'return') {
    const sentMs = Date.now();
    void post(d.deviceId, d.metric, [{ value: d.returnValue, agoMs: 0 }]);
    if (!crossing.has(step.detector) && !lowSinceMs.has(step.detector)) lowSinceMs.set(step.detector, sentMs);
  } else if (lastAlarm) {
    // The same message the wall received, so the echo carries the same payload size.
    const n = result.echoes++;
    result.echoPayloadBytes = result.alarmPayloadBytes = JSON.stringify(lastAlarm).length;
    pendingEchoes.set(n, performance.now());
    echo.emit('echo', { n, alarm: lastAlarm });
  }
}
await Promise.all(inflight);
const until = performance.now() + job.lostAfterMs;
while ((pendingAlarms.size > 0 || pendingEchoes.size > 0) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
wall.disconnect();
echo.disconnect();
agent.destroy();
parentPort!.postMessage(result);
