'use client';

import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Mesh } from 'three';
import type { TwinScene } from '@safetwin/twin-models';
import type { TwinLiveUpdater } from './twin-live-updater.ts';
import { boostAt } from './marker-boost.ts';

/** Colour of the selection ring (the wall's amber focus colour, never a state colour). */
const HALO_COLOR = '#f5b942';

/** A pulsing ring around the selected device's marker, following it when it moves (people). */
export function SelectionHalo({ scene, updater, deviceId, boostPerMetre }: { scene: TwinScene; updater: TwinLiveUpdater; deviceId: string | null; boostPerMetre: number }) {
  const ring = useRef<Mesh>(null);
  const slot = useMemo(() => (deviceId ? scene.slotOf(deviceId) ?? null : null), [scene, deviceId]);
  const sizeM = scene.markerSizeM * 1.6;

  useFrame((state) => {
    const mesh = ring.current;
    if (!mesh) return;
    const shown = slot !== null && updater.positionOf(slot.batchIndex, slot.instance, mesh.position);
    mesh.visible = shown;
    if (!shown) return;
    // Grows with distance like the markers it surrounds (marker-boost.ts).
    const boost = boostAt(mesh.position.distanceTo(state.camera.position), boostPerMetre);
    const pulse = 1 + 0.18 * Math.sin(state.clock.elapsedTime * 4);
    mesh.scale.setScalar(sizeM * boost * pulse);
    mesh.position.y += scene.markerSizeM * 0.5 * boost;
  });

  return (
    <mesh ref={ring} rotation-x={-Math.PI / 2} visible={false} renderOrder={2}>
      <torusGeometry args={[1, 0.09, 8, 40]} />
      <meshBasicMaterial color={HALO_COLOR} depthTest={false} transparent opacity={0.95} />
    </mesh>
  );
}
