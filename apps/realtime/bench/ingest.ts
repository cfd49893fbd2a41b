// `npm run bench:ingest`: drives readings through HTTP batches and socket.io → validation →
// group commit into PostgreSQL for BENCH_SECONDS (default 60), then prints sustained
// readings/s, request→committed latency p50/p99, readings lost (rows counted), and in the
// same run the baseline: postgres.js COPY of the same number of rows into the same table.
// Needs DATABASE_URL (a scratch database is created on that server and dropped after).
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import { createScratchDatabase, encodeBinaryCopy, READING_COLUMNS, type ReadingRow } from '@safetwin/db';
import { createHub } from '../src/create-hub.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('bench:ingest needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const socketSeconds = Number(process.env.BENCH_SOCKET_SECONDS ?? Math.max(10, Math.round(seconds / 4)));
const batchSize = Number(process.env.BENCH_BATCH ?? 1000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 24);
const GATEWAY_KEY = 'bench-gateway-key';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const scratch = await createScratchDatabase(adminUrl, 'safetwin_bench');
let exitCode = 0;
try {
  const hub = await createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoGatewayKey: GATEWAY_KEY, databaseUrl: scratch.url, logLevel: 'warn' });
  const devices = hub.registry.all().flatMap((s) => hub.registry.devicesOf(s.id)).map((d) => {
    const [metric, spec] = Object.entries(d.metrics)[0]!;
    return { deviceId: d.deviceId, siteId: d.siteId, metric, value: spec.minValue + (spec.maxValue - spec.minValue) * 0.01 };
  });
  const nums = devices.map((d) => ({ deviceNum: hub.registry.deviceNum(d.deviceId), metricNum: hub.registry.metricNum(d.metric) }));

  const runPhase = async (transport: 'http' | 'socket', durationS: number, seqBase: number) => {
    const t0 = performance.now();
    const result = await new Promise<{ accepted: number; duplicates: number; rejected: number; errors: number; latenciesMs: number[] }>((resolve, reject) => {
      const worker = new Worker(new URL('./load-worker-boot.mjs', import.meta.url), {
        workerData: { transport, hubUrl: hub.url, gatewayKey: GATEWAY_KEY, devices, batchSize, connections, durationMs: durationS * 1000, seqBase },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const elapsedS = (performance.now() - t0) / 1000;
    const sorted = result.latenciesMs.sort((a, b) => a - b);
    return { ...result, elapsedS, rate: result.accepted / elapsedS, p50: pct(sorted, 50), p99: pct(sorted, 99) };
  };

  console.log(`bench:ingest — ${devices.length} devices, batches of ${batchSize}, ${connections} concurrent gateways, PostgreSQL ${hub.db.description}`);
  const httpPhase = await runPhase('http', seconds, 0);
  const socketPhase = await runPhase('socket', socketSeconds, 10_000_000);
  await hub.writer.drain();
  const [{ n: stored }] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM readings`) as [{ n: number }];
  const acceptedTotal = httpPhase.accepted + socketPhase.accepted;
  const lost = acceptedTotal - stored;
  await hub.close();

  // Baseline, same run, same table: postgres.js binary COPY of as many rows as the HTTP
  // phase stored, 20k rows per COPY — the write path alone, without HTTP or validation.
  const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
  await sql`TRUNCATE readings`;
  const now = Date.now();
  const rows: ReadingRow[] = Array.from({ length: Math.min(httpPhase.accepted, 3_000_000) }, (_, i) => {
    const d = devices[i % devices.length]!;
    return { tsMs: now, ...nums[i % devices.length]!, value: d.value, seq: i, gatewayNum: 1, ingestTsMs: now, deviceId: d.deviceId, siteId: d.siteId, metric: d.metric };
  });
  const { Readable } = await import('node:stream');
  const { pipeline } = await import('node:stream/promises');
  const copyRate = async (format: 'binary' | 'text') => {
    await sql`TRUNCATE readings`;
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      const writable = await sql.unsafe(`COPY readings (${READING_COLUMNS}) FROM STDIN${format === 'binary' ? ' (FORMAT binary)' : ''}`).writable();
      const data = format === 'binary' ? encodeBinaryCopy(chunk) : chunk.map((r) => `${new Date(r.tsMs).toISOString()}\t${r.deviceNum}\t${r.metricNum}\t${r.value}\t${r.seq}\t${r.gatewayNum}\t${new Date(r.ingestTsMs).toISOString()}\n`).join('');
      await pipeline(Readable.from([data]), writable);
    }
    return rows.length / ((performance.now() - t0) / 1000);
  };
  const textCopyRate = await copyRate('text');
  const binaryCopyRate = await copyRate('binary');
  await sql.end();

  const lines = [
    ['path', 'readings/s', 'p50 ms', 'p99 ms', 'accepted', 'errors'],
    ['HTTP → validate → group-commit COPY', fmt(httpPhase.rate), httpPhase.p50.toFixed(1), httpPhase.p99.toFixed(1), fmt(httpPhase.accepted), String(httpPhase.errors)],
    ['socket.io → validate → group-commit COPY', fmt(socketPhase.rate), socketPhase.p50.toFixed(1), socketPhase.p99.toFixed(1), fmt(socketPhase.accepted), String(socketPhase.errors)],
    ['baseline: postgres.js COPY (text), 20k/batch', fmt(textCopyRate), '', '', fmt(rows.length), ''],
    ['baseline: postgres.js COPY (binary), 20k/batch', fmt(binaryCopyRate), '', '', fmt(rows.length), ''],
  ];
  console.log('');
  for (const l of lines) console.log(`${l[0]!.padEnd(48)}${l.slice(1).map((c) => c.padStart(12)).join('')}`);
  console.log('');
  console.log(
    `HTTP sustained over ${httpPhase.elapsedS.toFixed(0)} s: ${fmt(httpPhase.rate)} readings/s = ${(httpPhase.rate / textCopyRate).toFixed(2)}× text COPY, ${(httpPhase.rate / binaryCopyRate).toFixed(2)}× binary COPY`,
  );
  console.log(`latency is request sent → 202 received, and the 202 is sent only after the batch is committed`);
  console.log(`readings accepted ${fmt(acceptedTotal)}, rows stored ${fmt(stored)}, lost ${lost}`);
  if (lost !== 0) exitCode = 1;
} finally {
  await scratch.drop();
}
process.exit(exitCode);
