// A piscina worker thread: runs one engine command per task, off the hub's event loop.
import type { MessagePort } from 'node:worker_threads';
import { computeSimRun, type SimTask } from './compute.ts';

/** What the pool hands a thread: the task (null: just load the engine, see `ThreadSimExecutor.warm`), and a port for progress when the caller listens. */
export interface WorkerTask {
  task: SimTask | null;
  progressPort?: MessagePort;
}

/** One checkpoint sent back over the progress port; the last message of a task is `{end: true}` (no more checkpoints). */
export type ProgressMessage = { end?: false; fraction: number; stage: string } | { end: true; fraction?: undefined; stage?: undefined };

/** Least time between two progress messages of a task, ms (the hub stores and announces ≤ 5/s anyway). */
const PROGRESS_MESSAGE_MS = 50;

/** Piscina calls the default export with each task; the result is structured-cloned back. */
export default function simWorker({ task, progressPort }: WorkerTask): unknown {
  if (!task) return null; // warm-up: importing this module loaded the engine
  if (!progressPort) return computeSimRun(task);
  let lastMs = -Infinity;
  let lastStage = '';
  try {
    return computeSimRun(task, (fraction, stage) => {
      const nowMs = performance.now();
      if (stage === lastStage && nowMs - lastMs < PROGRESS_MESSAGE_MS) return;
      lastMs = nowMs;
      lastStage = stage;
      progressPort.postMessage({ fraction, stage } satisfies ProgressMessage);
    });
  } finally {
    progressPort.postMessage({ end: true } satisfies ProgressMessage);
    progressPort.close();
  }
}
