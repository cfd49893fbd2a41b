// The computation of a run, shared by the worker thread, the BullMQ worker and replay. Pure.
import { ENGINE, runPlume, runZones } from '@safetwin/sim';
import type { SimRunKind } from '@safetwin/protocol';

/** Version of the plume engine this process runs (stored with every run, compared on replay). */
export const SIM_ENGINE_VERSION: string = ENGINE.version;

/** One task for a worker: the engine command and its full input. */
export interface SimTask {
  kind: SimRunKind;
  input: unknown;
}

/** Runs the engine command of a task (throws SimError naming the bad field); `onProgress` hears its checkpoints. */
export function computeSimRun(task: SimTask, _onProgress?: (fraction: number, stage: string) => void): unknown {
  return task.kind === 'zones' ? runZones(task.input) : runPlume(task.input);
}
