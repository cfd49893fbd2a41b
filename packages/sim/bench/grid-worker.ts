// Bench worker: fills its own slice (rows [rowStart, rowEnd)) of the grid with the library's plumeGridKgM3 on each 'go'.
import { parentPort, workerData } from 'node:worker_threads';
import { plumeGridKgM3, type GridSpec, type PlumeParams } from '../src/index.ts';

const { p, g, rowStart, rowEnd, buffer } = workerData as { p: PlumeParams; g: GridSpec; rowStart: number; rowEnd: number; buffer: SharedArrayBuffer };
const out = new Float32Array(buffer);
parentPort!.on('message', (msg: string) => {
  if (msg !== 'go') return;
  const t0 = performance.now();
  plumeGridKgM3(p, g, rowStart, rowEnd, out, rowStart);
  parentPort!.postMessage(performance.now() - t0);
});
parentPort!.postMessage('ready');
