// Bench worker: fills its own rows of the grid (rows offset, offset + stride, …, packed into its own buffer) with the
// library's plumeGridKgM3 on each 'go'. Interleaved rows balance the work: a contiguous half of the grid can hold most
// of the downwind cells (the upwind ones cost almost nothing), which left one thread idle for a fifth of the run.
import { parentPort, workerData } from 'node:worker_threads';
import { plumeGridKgM3, type GridSpec, type PlumeParams } from '../src/index.ts';

const { p, g, offset, stride, buffer } = workerData as { p: PlumeParams; g: GridSpec; offset: number; stride: number; buffer: SharedArrayBuffer };
const out = new Float32Array(buffer);
parentPort!.on('message', (msg: string) => {
  if (msg !== 'go') return;
  const t0 = performance.now();
  // Grid row j is this worker's packed row r = (j − offset)/stride, i.e. outRowOffset = j − r.
  for (let j = offset, r = 0; j < g.ny; j += stride, r++) plumeGridKgM3(p, g, j, j + 1, out, j - r);
  parentPort!.postMessage(performance.now() - t0);
});
parentPort!.postMessage('ready');
