// Turns a scene batch (plain arrays from @safetwin/twin-models) into one three.js InstancedMesh:
// the unit primitive, a material suited to what the batch shows, and the built matrices and
// colours copied into its instance buffers once.
import {
  BoxGeometry, BufferGeometry, CapsuleGeometry, ConeGeometry, CylinderGeometry, DynamicDrawUsage, InstancedBufferAttribute,
  InstancedMesh, MeshBasicMaterial, MeshLambertMaterial, OctahedronGeometry, SphereGeometry, type Material,
} from 'three';
import type { InstanceBatch, Primitive } from '@safetwin/twin-models';
import { srgbArrayToLinear } from './instance-painter.ts';
import { applyMarkerBoost, type MarkerBoostUniform } from './marker-boost.ts';

/** The unit geometry of each primitive, as the scene builders define them (see `Primitive`). */
export function unitGeometry(primitive: Primitive): BufferGeometry {
  switch (primitive) {
    case 'box': return new BoxGeometry(1, 1, 1);
    case 'cylinder': return new CylinderGeometry(0.5, 0.5, 1, 20, 1);
    case 'sphere': return new SphereGeometry(0.5, 24, 16);
    case 'cone': return new ConeGeometry(0.5, 1, 12, 1);
    case 'octahedron': return new OctahedronGeometry(0.5, 0);
    // CapsuleGeometry's height is the straight part; a 0.5 straight part + two 0.25 caps = 1.
    case 'capsule': return new CapsuleGeometry(0.25, 0.5, 4, 10);
  }
}

/** Opacity of see-through batches (mine roadways), so markers inside stay visible. */
const TRANSLUCENT_OPACITY = 0.4;

/**
 * Live markers are unlit, so their state colour is exactly the palette's from every side;
 * structure is lit (Lambert: cheap, fine without an environment map).
 */
function materialFor(batch: InstanceBatch): Material {
  if (batch.live !== 'none') return new MeshBasicMaterial({ color: 0xffffff });
  if (batch.translucent) return new MeshLambertMaterial({ color: 0xffffff, transparent: true, opacity: TRANSLUCENT_OPACITY, depthWrite: false });
  return new MeshLambertMaterial({ color: 0xffffff });
}

/** Whether a batch's instances are markers that grow with distance (live things and airflow arrows). */
export function isBoosted(batch: InstanceBatch): boolean {
  return batch.live !== 'none' || batch.kind === 'vent-arrow';
}

/**
 * One InstancedMesh for a batch; live batches get dynamic buffers; markers grow with distance
 * when a boost uniform is given. Dispose with {@link disposeBatchMesh}.
 */
export function createBatchMesh(batch: InstanceBatch, boost?: MarkerBoostUniform): InstancedMesh {
  const material = materialFor(batch);
  if (boost && isBoosted(batch)) applyMarkerBoost(material, boost);
  const mesh = new InstancedMesh(unitGeometry(batch.primitive), material, batch.count);
  mesh.name = batch.kind;
  mesh.instanceMatrix.array.set(batch.matrices);
  mesh.instanceColor = new InstancedBufferAttribute(srgbArrayToLinear(batch.colors, new Float32Array(batch.count * 3)), 3);
  if (batch.live !== 'none') {
    mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    mesh.instanceColor.setUsage(DynamicDrawUsage);
  }
  // Moving people leave any bounding sphere computed now; never cull them.
  mesh.frustumCulled = batch.live !== 'tag';
  if (batch.translucent) mesh.renderOrder = 1;
  mesh.computeBoundingSphere();
  return mesh;
}

/** Frees a batch mesh's GPU resources. */
export function disposeBatchMesh(mesh: InstancedMesh): void {
  mesh.geometry.dispose();
  const material = mesh.material;
  if (Array.isArray(material)) for (const m of material) m.dispose();
  else material.dispose();
  mesh.dispose();
}
