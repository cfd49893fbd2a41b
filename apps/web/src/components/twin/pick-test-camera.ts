// Test support for the pickers: a fixed camera's view-projection matrix.
import { Matrix4, PerspectiveCamera } from 'three';

/** A camera at (0, 0, 100) looking at the origin, 90° fov, square view: column-major view-projection (x = 10 m at the origin's depth is 10 px right on a 200 px view). */
export function testViewProjection(): number[] {
  const camera = new PerspectiveCamera(90, 1, 1, 1000);
  camera.position.set(0, 0, 100);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  return new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).toArray();
}
