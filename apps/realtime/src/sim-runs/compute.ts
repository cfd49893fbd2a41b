// The computation of a run, shared by the worker thread, the BullMQ worker and replay. Pure.
import { ENGINE, runAssessment, runPlume, runZones, type AssessmentResult } from '@safetwin/sim';
import { encodeF32Base64, type SimRunKind } from '@safetwin/protocol';
import { assessIncident } from '../incidents/assessment/assess-incident.ts';
import type { AssessmentInput } from '../incidents/assessment/assessment-input.ts';

/** Version of the plume engine this process runs (stored with every run, compared on replay). */
export const SIM_ENGINE_VERSION: string = ENGINE.version;

/** One task for a worker: an engine command (a sim run's kind) and its full input, or an incident assessment. */
export type SimTask = { kind: SimRunKind; input: unknown } | { kind: 'incident-assessment'; input: AssessmentInput };

/** An assessment as stored and sent: each frame's Float32 grid as base64 text (`valuesPpmF32Base64`), so it is JSON. */
export function storedAssessment(result: AssessmentResult): unknown {
  const frames = result.grid.frames.map(({ valuesPpm, ...frame }) => ({ ...frame, valuesPpmF32Base64: encodeF32Base64(valuesPpm) }));
  return { ...result, grid: { ...result.grid, frames } };
}

/** Runs the engine command of a task (throws SimError naming the bad field); `onProgress` hears its checkpoints. */
export function computeSimRun(task: SimTask, onProgress?: (fraction: number, stage: string) => void): unknown {
  switch (task.kind) {
    case 'plume':
      return runPlume(task.input);
    case 'zones':
      return runZones(task.input);
    case 'assessment':
      return storedAssessment(runAssessment(task.input, onProgress));
    case 'incident-assessment':
      return assessIncident(task.input);
  }
}
