// Worker thread of the source-estimation bench: runs the trials (seeds) the main thread posts, answers each with its row.
import { parentPort, workerData } from 'node:worker_threads';
import { runTrial } from './source-trial.ts';

const { afterStartS, windowMs, calm } = workerData as { afterStartS: number; windowMs: number; calm: boolean };
parentPort!.on('message', (seed: number) => parentPort!.postMessage({ seed, row: runTrial(seed, afterStartS, windowMs, calm) }));
parentPort!.postMessage('ready');
