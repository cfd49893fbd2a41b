// npm run bench:plume — concentration-grid throughput (cells/s) for a 1000×1000 grid: the library on one and on two
// worker threads, next to a minimal plain-loop kernel of the same formula in this process, and the same loop in C -O2
// when gcc is present. Prints medians of several runs and the ratios. Timings are printed, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { plumeGridKgM3, type GridSpec, type PlumeParams } from '../src/index.ts';
import { median } from './median.ts';

const N = 1000;
const RUNS = 9;
const WARMUP = 5;
const p: PlumeParams = { rateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stabilityClass: 'D', sigmaSet: 'briggs-rural' };
// Source at the centre, 10 m cells, wind from 250° (not axis-aligned), ground-level receptors.
const g: GridSpec = { nx: N, ny: N, east0M: -5000, north0M: -5000, cellM: 10, zM: 0, windFromDeg: 250 };
const CELLS = N * N;

const mcps = (ms: number) => CELLS / (ms / 1000) / 1e6;

/** Minimal plain loop of the same formula (Briggs rural D, ground source and receptor): C = Q/(π u σy σz)·exp(−y²/2σy²). */
function plainKernel(out: Float32Array): void {
  const b = ((g.windFromDeg + 180) * Math.PI) / 180;
  const sb = Math.sin(b), cb = Math.cos(b);
  const k = p.rateKgS / (Math.PI * p.windSpeedMS);
  for (let j = 0; j < N; j++) {
    const n = g.north0M + j * g.cellM;
    for (let i = 0; i < N; i++) {
      const e = g.east0M + i * g.cellM;
      const x = e * sb + n * cb;
      if (x <= 0) { out[j * N + i] = 0; continue; }
      const y = -e * cb + n * sb;
      const xs = x < 1 ? 1 : x;
      const sy = (0.08 * xs) / Math.sqrt(1 + 0.0001 * xs);
      const sz = (0.06 * xs) / Math.sqrt(1 + 0.0015 * xs);
      out[j * N + i] = (k / (sy * sz)) * Math.exp((-y * y) / (2 * sy * sy));
    }
  }
}

const C_SOURCE = `#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now_ms(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e3+t.tv_nsec/1e6;}
static int cmp(const void*a,const void*b){double d=*(double*)a-*(double*)b;return d<0?-1:d>0;}
int main(void){
  const int N=${N}; const double e0=${g.east0M}, n0=${g.north0M}, cell=${g.cellM};
  const double b=(${g.windFromDeg}+180.0)*M_PI/180.0, sb=sin(b), cb=cos(b), k=${p.rateKgS}/(M_PI*${p.windSpeedMS});
  float *out=malloc(sizeof(float)*N*N); double t[${RUNS}]; double sum=0;
  for(int r=0;r<${RUNS};r++){ double t0=now_ms();
    for(int j=0;j<N;j++){ double n=n0+j*cell; for(int i=0;i<N;i++){ double e=e0+i*cell; double x=e*sb+n*cb;
      if(x<=0){out[j*N+i]=0;continue;} double y=-e*cb+n*sb; double xs=x<1?1:x;
      double sy=0.08*xs/sqrt(1+0.0001*xs), sz=0.06*xs/sqrt(1+0.0015*xs);
      out[j*N+i]=(float)(k/(sy*sz)*exp(-y*y/(2*sy*sy))); } }
    t[r]=now_ms()-t0; sum+=out[(r*7919)%(N*N)]; }
  qsort(t,${RUNS},sizeof(double),cmp); printf("%f %g\\n", t[${RUNS}/2], sum); return 0; }
`;

function cKernelMs(): number | string {
  const which = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) return 'gcc not found: C kernel skipped';
  const dir = mkdtempSync(join(tmpdir(), 'plume-bench-'));
  writeFileSync(join(dir, 'kernel.c'), C_SOURCE);
  execFileSync('gcc', ['-O2', '-o', join(dir, 'kernel'), join(dir, 'kernel.c'), '-lm']);
  return Number(execFileSync(join(dir, 'kernel'), { encoding: 'utf8' }).split(' ')[0]);
}

/** A pool of `count` workers sharing the rows (interleaved); `run()` fills the grid once and resolves with the wall time [ms]. */
async function workerPool(count: number): Promise<{ run: () => Promise<number>; close: () => Promise<void> }> {
  const workers: Worker[] = [];
  for (let w = 0; w < count; w++) {
    // Rows are dealt out in turn (w, w + count, …) so each worker gets the same mix of downwind and upwind cells; each
    // writes its own buffer: two threads writing halves of one SharedArrayBuffer scaled badly here.
    const rows = Math.ceil((N - w) / count);
    const buffer = new SharedArrayBuffer(rows * N * 4);
    // Workers do not inherit tsx's loader on Node 20: register it in the worker, then load the TypeScript entry.
    const entry = new URL('./grid-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: { p, g, offset: w, stride: count, buffer } });
    await new Promise<void>((resolve, reject) => { worker.once('message', () => resolve()); worker.once('error', reject); });
    workers.push(worker);
  }
  return {
    async run() {
      const t0 = performance.now();
      const inside = await Promise.all(workers.map((w) => new Promise<number>((resolve) => { w.once('message', resolve); w.postMessage('go'); })));
      if (process.env.BENCH_DEBUG) console.log(`  ${count} worker(s): wall ${(performance.now() - t0).toFixed(1)} ms, in-worker ${inside.map((x) => x.toFixed(1)).join(', ')} ms`);
      return performance.now() - t0;
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

/**
 * Control for a shared machine: the speed-up of two workers over one on a fixed exp loop (same work per worker), i.e.
 * how much parallelism the machine gives right now. If this is ≈ 1, the grid's 2-worker ratio cannot reach 1.6 either.
 */
async function parallelismControl(): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => { let s = 0; for (let i = 0; i < 2e7; i++) s += Math.exp(-i * 1e-9); parentPort.postMessage(s); });`;
  const mk = async () => { const w = new Worker(code, { eval: true }); return w; };
  const one = [await mk()], two = [await mk(), await mk()];
  const run = async (ws: Worker[]) => { const t0 = performance.now(); await Promise.all(ws.map((w) => new Promise((r) => { w.once('message', r); w.postMessage(0); }))); return performance.now() - t0; };
  const r1: number[] = [], r2: number[] = [];
  for (let k = 0; k < 7; k++) { r1.push(await run(one)); r2.push(await run(two)); }
  await Promise.all([...one, ...two].map((w) => w.terminate()));
  return (2 * median(r1.slice(2))) / median(r2.slice(2));
}

async function main(): Promise<void> {
  const out = new Float32Array(CELLS);
  const lib = new Float32Array(CELLS);
  plumeGridKgM3(p, g, 0, N, lib);
  plainKernel(out);
  let maxRel = 0;
  for (let i = 0; i < CELLS; i += 97) if (out[i]! > 1e-30) maxRel = Math.max(maxRel, Math.abs(lib[i]! - out[i]!) / out[i]!);
  const pool1 = await workerPool(1);
  const pool2 = await workerPool(2);
  // Interleave the variants round by round so load drift on a shared machine hits them alike; WARMUP rounds first.
  const plain: number[] = [], ones: number[] = [], twos: number[] = [];
  for (let r = 0; r < RUNS + WARMUP; r++) {
    const t0 = performance.now();
    plainKernel(out);
    const tPlain = performance.now() - t0;
    const t1 = await pool1.run();
    const t2 = await pool2.run();
    if (r >= WARMUP) { plain.push(tPlain); ones.push(t1); twos.push(t2); }
  }
  await pool1.close();
  await pool2.close();
  const one = median(ones);
  const two = median(twos);
  const plainMs = median(plain);
  const control = await parallelismControl();
  const c = cKernelMs();
  const row = (name: string, ms: number) => `${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${mcps(ms).toFixed(1).padStart(6)} M cells/s`;
  console.log(`plume grid ${N}×${N} (Briggs rural D, ground source, wind 250°), median of ${RUNS} runs`);
  console.log(row('library, 1 worker thread', one));
  console.log(row('library, 2 worker threads', two));
  console.log(row('plain JS loop, same formula', plainMs));
  if (typeof c === 'number') console.log(row('C -O2, same loop', c));
  else console.log(c);
  console.log(`library vs plain loop: max relative difference ${maxRel.toExponential(1)} (sampled cells)`);
  console.log(`ratios: 2 workers / 1 worker = ${(one / two).toFixed(2)}× (target ≥ 1.6)` +
    `; library (1 worker) / plain loop = ${(plainMs / one).toFixed(2)}×` +
    (typeof c === 'number' ? `; library (1 worker) / C = ${(c / one).toFixed(2)}× (target ≥ 0.5)` : '') +
    `; per core ${mcps(one).toFixed(1)} M cells/s (target ≥ 35)`);
  console.log(`control: two workers on a fixed exp loop give ${control.toFixed(2)}× the throughput of one right now (${availableParallelism()} CPUs reported; other load on the machine lowers this)`);
}

void main();
