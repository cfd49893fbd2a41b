import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The web app's folder (apps/web). */
export const WEB_DIR = path.resolve(import.meta.dirname, '../..');

/** Newest modification time under `dir` (files only), ms. */
function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build, or the sources changed after it was made. */
export function needsBuild(): boolean {
  const buildId = path.join(WEB_DIR, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = [path.join(WEB_DIR, 'src'), ...['protocol', 'twin-models', 'sim', 'simulator'].map((p) => path.join(WEB_DIR, `../../packages/${p}/src`)), path.join(WEB_DIR, '../../public')];
  const configs = ['next.config.ts', 'package.json', 'tsconfig.json'].map((f) => statSync(path.join(WEB_DIR, f)).mtimeMs);
  const newest = Math.max(...configs, ...sources.filter(existsSync).map(newestMtimeMs));
  return newest > statSync(buildId).mtimeMs;
}

/** Runs a command in apps/web and resolves when it exits 0 (rejects with its output otherwise). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: WEB_DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

/** `npm run build` of the web app (sync-public, then next build), when the build is missing or old. */
export async function buildIfNeeded(): Promise<boolean> {
  if (!needsBuild()) return false;
  await run('npm', ['run', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
  return true;
}

/** A running `next start`. */
export interface NextServer {
  url: string;
  close(): Promise<void>;
}

/** Starts `next start` on 127.0.0.1:`port` with the given environment and waits until it answers. */
export async function startNext(port: number, env: Record<string, string>): Promise<NextServer> {
  const bin = path.join(WEB_DIR, 'node_modules/.bin/next');
  const nextBin = existsSync(bin) ? bin : path.join(WEB_DIR, '../../node_modules/.bin/next');
  const child: ChildProcess = spawn(nextBin, ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: WEB_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/login`, { redirect: 'manual' }).then((r) => r.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
