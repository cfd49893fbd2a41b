import { describe, expect, it } from 'vitest';
import { testViewProjection } from './pick-test-camera.ts';
import { Matrix4 } from 'three';
import type { InstanceBatch } from '@safetwin/twin-models';
import { pickEquipmentAt } from './pick-equipment.ts';


/** A batch with instances translated to `at` (identity rotation and scale). */
function batch(kind: InstanceBatch['kind'], ids: string[], at: [number, number, number][]): InstanceBatch {
  const matrices = new Float32Array(16 * ids.length);
  at.forEach((p, i) => matrices.set(new Matrix4().makeTranslation(p[0], p[1], p[2]).elements, i * 16));
  return { kind, primitive: 'box', count: ids.length, matrices, colors: new Float32Array(3 * ids.length), entityIds: ids, deviceIds: null, live: 'none', pickable: false, translucent: false };
}

describe('pickEquipmentAt', () => {
  const vp = testViewProjection();
  const batches = [
    batch('tank-sphere', ['SPH-1', 'SPH-2'], [[0, 0, 0], [30, 0, 0]]),
    batch('building', ['B-1'], [[-10, 0, 0]]),
    batch('equipment-box', ['BOX-1'], [[0, 20, 0]]),
  ];
  const all = new Set(['SPH-1', 'SPH-2', 'B-1', 'BOX-1']);

  it('picks the equipment drawn nearest to the click, across batches', () => {
    expect(pickEquipmentAt(batches, all, vp, 101, 100, 200, 200, 25)).toBe('SPH-1');
    expect(pickEquipmentAt(batches, all, vp, 127, 100, 200, 200, 25)).toBe('SPH-2');
    expect(pickEquipmentAt(batches, all, vp, 100, 82, 200, 200, 25)).toBe('BOX-1');
  });

  it('never picks a building, only allowed equipment, and nothing beyond the radius', () => {
    expect(pickEquipmentAt(batches, all, vp, 90, 100, 200, 200, 8)).toBeNull(); // the building sits there
    expect(pickEquipmentAt(batches, new Set(['SPH-2']), vp, 101, 100, 200, 200, 40)).toBe('SPH-2');
    expect(pickEquipmentAt(batches, all, vp, 190, 190, 200, 200, 25)).toBeNull();
  });
});
