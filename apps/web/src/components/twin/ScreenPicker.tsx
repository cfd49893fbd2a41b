'use client';

import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4 } from 'three';
import type { TwinScene } from '@safetwin/twin-models';
import { pickEquipmentAt } from './pick-equipment.ts';
import type { PickHit } from './pick-nearest.ts';
import type { TwinLiveUpdater } from './twin-live-updater.ts';

/** How far from a marker's centre a click still selects it, CSS px. */
const PICK_RADIUS_PX = 22;
/** How far from a piece of equipment's centre a click still picks it, CSS px (equipment is drawn larger than markers). */
const EQUIPMENT_PICK_RADIUS_PX = 40;
/** A pointer that moved further than this between press and release was dragging the view, CSS px. */
const DRAG_THRESHOLD_PX = 6;

/** Picking a release source in the twin: which equipment may be picked, and what a pick does. */
export interface EquipmentPick {
  ids: ReadonlySet<string>;
  onPick(equipmentId: string): void;
}

/**
 * Selects the device whose marker is drawn nearest to a click (not a drag) on the canvas; while
 * `equipmentPick` is set, a click picks the nearest allowed equipment instead (crosshair cursor).
 */
export function ScreenPicker({ scene, updater, onPick, equipmentPick = null }: { scene: TwinScene; updater: TwinLiveUpdater; onPick(deviceId: string): void; equipmentPick?: EquipmentPick | null }) {
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
      if (equipmentPick) {
        const id = pickEquipmentAt(scene.batches, equipmentPick.ids, viewProjection.elements, e.clientX - rect.left, e.clientY - rect.top, rect.width, rect.height, EQUIPMENT_PICK_RADIUS_PX);
        if (id) equipmentPick.onPick(id);
        return;
      }
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
    if (equipmentPick) el.style.cursor = 'crosshair';
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('click', onClick);
      el.style.cursor = '';
    };
  }, [gl, camera, scene, updater, onPick, equipmentPick]);

  return null;
}
