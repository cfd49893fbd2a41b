// Helpers for the scene tests: read an instance's transform back out of a batch.
import { Matrix4, Vector3 } from 'three';
import type { InstanceBatch, TwinScene } from './types.ts';

/** Where the unit primitive's local point (x, y, z) lands for instance `i`, scene frame. */
export function instancePoint(batch: InstanceBatch, i: number, x = 0, y = 0, z = 0): [number, number, number] {
  const v = new Vector3(x, y, z).applyMatrix4(new Matrix4().fromArray(batch.matrices, i * 16));
  return [v.x, v.y, v.z];
}

/** Per-axis scale of instance `i` (lengths of the matrix's basis columns). */
export function instanceScale(batch: InstanceBatch, i: number): [number, number, number] {
  const m = batch.matrices, o = i * 16;
  return [Math.hypot(m[o]!, m[o + 1]!, m[o + 2]!), Math.hypot(m[o + 4]!, m[o + 5]!, m[o + 6]!), Math.hypot(m[o + 8]!, m[o + 9]!, m[o + 10]!)];
}

/** The batch of a kind; throws when absent so a test reads as one line. */
export function batchOf(scene: TwinScene, kind: InstanceBatch['kind']): InstanceBatch {
  const b = scene.batches.find((x) => x.kind === kind);
  if (!b) throw new Error(`no '${kind}' batch`);
  return b;
}

/** Index of an entity in a batch; throws when absent. */
export function indexOf(batch: InstanceBatch, entityId: string): number {
  const i = batch.entityIds.indexOf(entityId);
  if (i < 0) throw new Error(`'${entityId}' not in batch '${batch.kind}'`);
  return i;
}
