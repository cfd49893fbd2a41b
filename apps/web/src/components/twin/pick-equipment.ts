// Picking a piece of equipment in the twin (a release source): the instance of an equipment
// batch whose centre is drawn nearest to the click, among the ids the caller allows.
import type { InstanceBatch } from '@safetwin/twin-models';
import { nearestInstance, type PickHit } from './pick-nearest.ts';

/** The batches that draw equipment (park-scene.ts EQUIPMENT_BATCHES). */
export const EQUIPMENT_BATCH_KINDS: ReadonlySet<InstanceBatch['kind']> = new Set(['tank-sphere', 'tank-vertical', 'reactor-cylinder', 'reactor-box', 'column', 'equipment-box']);

/** Offset of the translation in a column-major 4 × 4 matrix (three's `Matrix4.elements`). */
const TRANSLATION_OFFSET = 12;

/**
 * The allowed equipment whose centre projects nearest to the pointer within `maxPx` (ties to the
 * nearer one), or null. `viewProjection` is column-major; pointer and size in CSS px.
 */
export function pickEquipmentAt(
  batches: readonly InstanceBatch[], allowed: ReadonlySet<string>,
  viewProjection: ArrayLike<number>, pointerXPx: number, pointerYPx: number, widthPx: number, heightPx: number, maxPx: number,
): string | null {
  const best: PickHit = { index: -1, distancePx: Infinity, depth: Infinity };
  let found: string | null = null;
  for (const b of batches) {
    if (!EQUIPMENT_BATCH_KINDS.has(b.kind)) continue;
    const skip = (i: number) => !allowed.has(b.entityIds[i]!);
    if (nearestInstance(b.matrices, b.count, 16, TRANSLATION_OFFSET, viewProjection, pointerXPx, pointerYPx, widthPx, heightPx, maxPx, best, skip)) found = b.entityIds[best.index]!;
  }
  return found;
}
