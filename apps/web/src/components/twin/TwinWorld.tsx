'use client';

import { useEffect, useMemo, type RefObject, type Ref } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import type { IncidentView } from '@safetwin/protocol';
import type { PointOfInterest, TwinScene } from '@safetwin/twin-models';
import type { WallState } from '../../wall/WallContext.tsx';
import { createBatchMesh, disposeBatchMesh } from './batch-mesh.ts';
import type { ShownRelease } from '../release/ReleaseProvider.tsx';
import { CameraRig, type CameraRigHandle } from './CameraRig.tsx';
import { IncidentTwin } from './IncidentTwin.tsx';
import { MineTwin } from '../mine/MineTwin.tsx';
import type { MineWallState } from '../mine/MineProvider.tsx';
import { MAX_MARKER_BOOST, boostPerMetre, type MarkerBoostUniform } from './marker-boost.ts';
import { PlumeField } from './PlumeField.tsx';
import { ScreenPicker, type EquipmentPick } from './ScreenPicker.tsx';
import { SelectionHalo } from './SelectionHalo.tsx';
import { TwinGround } from './TwinGround.tsx';
import { TubeCentrelines } from './TubeCentrelines.tsx';
import { TwinLiveUpdater } from './twin-live-updater.ts';

/** Background of the 3D view (the wall's sunken panel colour). */
const BACKGROUND = '#080d13';

interface TwinWorldProps {
  scene: TwinScene;
  /** The wall state of the latest render; read in the frame loop, never through React state. */
  wallRef: RefObject<WallState>;
  selectedDeviceId: string | null;
  touring: boolean;
  onTourStop(stop: PointOfInterest | null, index: number, total: number): void;
  onTourPaused(paused: boolean): void;
  rigRef: Ref<CameraRigHandle>;
  /** A modelled release to show as a ground-level cloud; null for none. */
  plume?: ShownRelease | null;
  /** While the release form picks a source: clicks pick equipment instead of devices. */
  equipmentPick?: EquipmentPick | null;
  /** The incident on show (zones, routes, assembly points, candidates, valves); null for none. */
  incident?: IncidentView | null;
  /** The mine's overlays (gas, roof, routes, labels, trajectory); null on a park. */
  mine?: MineWallState | null;
}

/** Everything inside the canvas: lights, ground, one instanced mesh per batch, live updates, camera. */
export function TwinWorld({ scene, wallRef, selectedDeviceId, touring, onTourStop, onTourPaused, rigRef, plume = null, equipmentPick = null, incident = null, mine = null }: TwinWorldProps) {
  const fovDeg = (useThree((s) => s.camera) as PerspectiveCamera).fov;
  const boost = useMemo<MarkerBoostUniform>(() => ({ value: { x: boostPerMetre(scene.markerSizeM, fovDeg), y: MAX_MARKER_BOOST } }), [scene, fovDeg]);
  const meshes = useMemo(() => scene.batches.map((b) => createBatchMesh(b, boost)), [scene, boost]);
  useEffect(() => () => meshes.forEach(disposeBatchMesh), [meshes]);
  const updater = useMemo(() => new TwinLiveUpdater(scene, meshes), [scene, meshes]);

  // Readings and alarms only mark the buffers dirty; the frame loop repaints (at most every 200 ms).
  const live = wallRef.current.live;
  const alarms = wallRef.current.alarms;
  useEffect(() => {
    const offLive = live.subscribeAny(() => updater.markDirty());
    const offAlarms = alarms.subscribe(() => updater.markDirty());
    return () => {
      offLive();
      offAlarms();
    };
  }, [live, alarms, updater]);

  useFrame((_, dtS) => updater.frame(wallRef.current, Date.now(), dtS));

  const onPick = useMemo(() => (deviceId: string) => wallRef.current.selectDevice(deviceId), [wallRef]);

  return (
    <>
      <color attach="background" args={[BACKGROUND]} />
      <hemisphereLight args={[0xdde8ff, 0x2a3440, 1.6]} />
      <directionalLight position={[scene.bounds.radiusM * 0.6, scene.bounds.radiusM, scene.bounds.radiusM * 0.4]} intensity={2.2} />
      <ambientLight intensity={0.5} />
      <TwinGround scene={scene} />
      <TubeCentrelines scene={scene} />
      {meshes.map((mesh) => <primitive key={mesh.uuid} object={mesh} />)}
      {incident ? <IncidentTwin incident={incident} /> : null}
      {mine ? <MineTwin scene={scene} wallRef={wallRef} mine={mine} /> : null}
      {plume ? <PlumeField result={plume.result} source={plume.source} playback={plume.playback} /> : null}
      <ScreenPicker scene={scene} updater={updater} onPick={onPick} equipmentPick={equipmentPick} />
      <SelectionHalo scene={scene} updater={updater} deviceId={selectedDeviceId} boostPerMetre={boost.value.x} />
      <CameraRig ref={rigRef} scene={scene} updater={updater} touring={touring} onTourStop={onTourStop} onTourPaused={onTourPaused} />
    </>
  );
}
