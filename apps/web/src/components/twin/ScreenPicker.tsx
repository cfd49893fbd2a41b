'use client';

import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4 } from 'three';
import type { TwinScene } from '@safetwin/twin-models';
import type { PickHit } from './pick-nearest.ts';
import type { TwinLiveUpdater } from './twin-live-updater.ts';

/** How far from a marker's centre a click still selects it, CSS px. */
const PICK_RADIUS_PX = 22;
/** A pointer that moved further than this between press and release was dragging the view, CSS px. */
const DRAG_THRESHOLD_PX = 6;

/** Selects the device whose marker is drawn nearest to a click (not a drag) on the canvas. */
export function ScreenPicker({ scene, updater, onPick }: { scene: TwinScene; updater: TwinLiveUpdater; onPick(deviceId: string): void }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);

  useEffect(() => {
    const el = gl.domElement;
    const viewProjection = new Matrix4();
    const best: PickHit = { index: -1, distancePx: Infinity, depth: Infinity };
    let downX = 0, downY = 0;
    const onDown = (e: PointerEvent) => {
      downX = e.clientX;
      downY = e.clientY;
    };
    const onClick = (e: MouseEvent) => {
      if (Math.hypot(e.clientX - downX, e.clientY - downY) > DRAG_THRESHOLD_PX) return;
      const rect = el.getBoundingClientRect();
      camera.updateMatrixWorld();
      viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
      best.index = -1;
      best.distancePx = Infinity;
      best.depth = Infinity;
      let batchIndex = -1;
      for (let b = 0; b < scene.batches.length; b++) {
        if (updater.pickInBatch(b, viewProjection.elements, e.clientX - rect.left, e.clientY - rect.top, rect.width, rect.height, PICK_RADIUS_PX, best)) batchIndex = b;
      }
      const deviceId = batchIndex >= 0 ? scene.batches[batchIndex]!.deviceIds?.[best.index] : null;
      if (deviceId) onPick(deviceId);
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('click', onClick);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('click', onClick);
    };
  }, [gl, camera, scene, updater, onPick]);

  return null;
}
