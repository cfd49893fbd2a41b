// Worker thread of the source-estimation bench: runs the trials (seeds) the main thread posts, answers each with its row.
import { parentPort, workerData } from 'node:worker_threads';
import { runTrial, type TrialOptions } from './source-trial.ts';

const options = workerData as TrialOptions;
parentPort!.on('message', (seed: number) => parentPort!.postMessage({ seed, row: runTrial(seed, options) }));
parentPort!.postMessage('ready');
