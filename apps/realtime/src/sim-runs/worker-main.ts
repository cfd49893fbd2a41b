// A simulation worker on its own (this or another machine): REDIS_URL and DATABASE_URL of the hubs.
// Run: REDIS_URL=… DATABASE_URL=… npx tsx apps/realtime/src/sim-runs/worker-main.ts
import { startSimWorker } from './start-sim-worker.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!redisUrl || !databaseUrl) {
  console.error('set REDIS_URL and DATABASE_URL (the same as the hubs use): jobs come from Redis, runs are stored in PostgreSQL');
  process.exit(2);
}
const int = (v: string | undefined) => (v ? Number.parseInt(v, 10) : undefined);
const threads = int(process.env.SAFETWIN_SIM_THREADS);
const leaseMs = int(process.env.SAFETWIN_SIM_LEASE_MS);
const runTimeoutMs = int(process.env.SAFETWIN_SIM_RUN_TIMEOUT_MS);
const worker = await startSimWorker({ redisUrl, databaseUrl, redisPrefix: process.env.SAFETWIN_REDIS_PREFIX || undefined, threads, leaseMs, runTimeoutMs });
console.log(`SafeTwin sim worker: taking sim.run jobs from ${new URL(redisUrl).host}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running simulations, then stopping…`);
  await worker.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
