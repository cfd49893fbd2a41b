// The hub's entry point: options from the environment, graceful stop on Ctrl-C / SIGTERM.
import path from 'node:path';
import { createHub } from './create-hub.ts';
import { hubOptionsFromEnv } from './hub-options.ts';

const env = hubOptionsFromEnv(process.env);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const hub = await createHub({
  demo: process.env.NODE_ENV !== 'production',
  ...env,
  // The embedded database lives in DATA_DIR (default ./.data/pglite at the repository root).
  dataDir: env.databaseUrl ? undefined : (env.dataDir ?? path.join(repoRoot, '.data', 'pglite')),
});
console.log(`SafeTwin hub listening on ${hub.url} (database: ${hub.db.description})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the hub…`);
  const force = setTimeout(() => {
    console.error('the hub did not stop within 15 s; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  await hub.close();
  console.log('hub stopped; every accepted reading is stored');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
