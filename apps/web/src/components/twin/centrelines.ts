// Centre lines of long thin instances (pipes, roadway tubes): a 1-px line stays visible at
// overview distance where a 5 m tube would vanish under a pixel. Pure: builds the vertex and
// colour arrays of a LineSegments geometry from a batch.
import type { InstanceBatch } from '@safetwin/twin-models';
import { srgbToLinear } from './instance-painter.ts';

/** Batches drawn with centre lines as well as their tubes. */
export const CENTRELINE_KINDS: ReadonlySet<InstanceBatch['kind']> = new Set(['pipe', 'roadway', 'shaft', 'workface', 'vent-duct']);

/**
 * Two vertices per instance — the unit cylinder's axis ends (0, ±0.5, 0) through its matrix —
 * and each instance's colour (linear light, brightened by `lift` toward white so lines read
 * on the dark ground) at both ends.
 */
export function centrelineArrays(batch: InstanceBatch, lift = 0.35): { positions: Float32Array; colors: Float32Array } {
  const positions = new Float32Array(batch.count * 6);
  const colors = new Float32Array(batch.count * 6);
  const m = batch.matrices;
  for (let i = 0; i < batch.count; i++) {
    const o = i * 16, p = i * 6;
    // M · (0, ±0.5, 0, 1) = translation ± 0.5 · second column.
    for (let k = 0; k < 3; k++) {
      positions[p + k] = m[o + 12 + k]! - 0.5 * m[o + 4 + k]!;
      positions[p + 3 + k] = m[o + 12 + k]! + 0.5 * m[o + 4 + k]!;
      const c = srgbToLinear(batch.colors[i * 3 + k]! + (1 - batch.colors[i * 3 + k]!) * lift);
      colors[p + k] = c;
      colors[p + 3 + k] = c;
    }
  }
  return { positions, colors };
}
