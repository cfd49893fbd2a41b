// A piscina worker thread: runs one engine command per task, off the hub's event loop.
import { computeSimRun, type SimTask } from './compute.ts';

/** Piscina calls the default export with each task; the result is structured-cloned back. */
export default function simWorker(task: SimTask): unknown {
  return computeSimRun(task);
}
