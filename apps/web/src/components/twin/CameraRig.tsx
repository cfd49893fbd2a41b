'use client';

import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type ComponentRef, type Ref } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei/core/OrbitControls';
import type { PerspectiveCamera } from 'three';
import type { PointOfInterest, TwinScene } from '@safetwin/twin-models';
import { CameraFlight, azimuthOfDeg, focusRadiusM, frameDistanceM, offsetTarget, tourAzimuthDeg, viewDirection } from './camera-targets.ts';
import { homePoi, overviewRadiusM } from './home-view.ts';
import { releaseView, type ReleaseViewInput } from './release-view.ts';
import { TourClock } from './tour.ts';
import type { TwinLiveUpdater } from './twin-live-updater.ts';

/** What the panel can ask of the camera. */
export interface CameraRigHandle {
  /** Fly back to the whole site. */
  overview(): void;
  /** Fly to a device's marker (people: where they are now); false when it is not drawn. */
  focusDevice(deviceId: string): boolean;
  /** Fly to a point of interest by id; false when there is none. */
  focusPoi(id: string): boolean;
  /** Someone used the panel (e.g. selected a device): hold the tour for a while. */
  holdTour(): void;
  /** Fly to a modelled release: its source and the cloud over the site, seen across the wind. */
  frameRelease(input: ReleaseViewInput): void;
}

/** Duration of a camera flight, ms. */
const FLIGHT_MS = 2_500;
/** Where a selected device is put on screen: up and to the left, clear of the detail card the wall opens at the bottom right. */
const SELECTED_AT_NDC = [-0.5, 0.4] as const;
/** Where the overview's centre goes on screen: a little above the middle, clear of the legend along the bottom. */
const OVERVIEW_AT_NDC = [0, 0.12] as const;
/** Camera elevation for overviews and tour stops, degrees above the horizon. */
const VIEW_ELEVATION_DEG = 38;
/** Compass azimuth the overview is seen from (from the south-south-west, looking north-north-east). */
const OVERVIEW_AZIMUTH_DEG = 200;
/** Slow orbit while the tour dwells on a stop (OrbitControls units: 2 = one turn per 30 s at 60 fps). */
const TOUR_ORBIT_SPEED = 0.35;

interface CameraRigProps {
  scene: TwinScene;
  updater: TwinLiveUpdater;
  touring: boolean;
  /** Called when the tour moves to a stop (index into the tour stops), or null when it is switched off. */
  onTourStop(stop: PointOfInterest | null, index: number, total: number): void;
  /** Called when the tour is held by someone using the view, and when it carries on. */
  onTourPaused(paused: boolean): void;
  ref?: Ref<CameraRigHandle>;
}

/** Where the camera looks after a flight (or at the start), on the canvas for tests and tools: one DOM write per flight. */
function showTarget(canvas: HTMLCanvasElement, x: number, y: number, z: number): void {
  canvas.setAttribute('data-camera-target', `${Math.round(x)},${Math.round(y)},${Math.round(z)}`);
}

/** Orbit controls, camera flights to points of interest and devices, and the unattended tour. */
export function CameraRig({ scene, updater, touring, onTourStop, onTourPaused, ref }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const canvas = useThree((s) => s.gl.domElement);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const stops = useMemo(() => scene.pois.filter((p) => p.tourStop), [scene]);
  const overview = useMemo(() => homePoi(scene), [scene]);
  const flight = useMemo(() => new CameraFlight(), []);
  const tour = useMemo(() => new TourClock(stops.length), [stops]);
  const work = useMemo(() => ({ dir: new Float64Array(3), pos: new Float64Array(3), target: new Float64Array(3), from: [0, 0, 0], fromTarget: [0, 0, 0], point: { x: 0, y: 0, z: 0 } }), []);
  const onTourStopRef = useRef(onTourStop);
  onTourStopRef.current = onTourStop;
  const onTourPausedRef = useRef(onTourPaused);
  onTourPausedRef.current = onTourPaused;
  const pausedShown = useRef(false);

  /**
   * Starts a flight that frames a sphere; keeps the current compass direction unless told. With
   * `ndc`, the sphere's centre is placed there on screen instead of the middle.
   */
  const flyTo = useMemo(() => (center: ArrayLike<number>, radiusM: number, azimuthDeg: number | null, ndc?: readonly [number, number]) => {
    const c = controls.current;
    if (!c) return;
    const az = azimuthDeg ?? azimuthOfDeg(camera.position.x - c.target.x, camera.position.z - c.target.z);
    viewDirection(az, VIEW_ELEVATION_DEG, work.dir);
    const distanceM = frameDistanceM(radiusM, camera.fov, camera.aspect);
    if (ndc) offsetTarget(center, work.dir, distanceM, camera.fov, camera.aspect, ndc[0], ndc[1], work.target);
    else for (let k = 0; k < 3; k++) work.target[k] = center[k]!;
    for (let k = 0; k < 3; k++) work.pos[k] = work.target[k]! + work.dir[k]! * distanceM;
    camera.position.toArray(work.from);
    c.target.toArray(work.fromTarget);
    flight.start(work.from, work.fromTarget, work.pos, work.target, performance.now(), FLIGHT_MS);
  }, [camera, flight, work]);

  // Depth range from the site's size, and the overview pose before the first frame.
  useLayoutEffect(() => {
    const r = scene.bounds.radiusM;
    camera.near = Math.max(0.5, r / 4_000);
    camera.far = r * 12;
    viewDirection(OVERVIEW_AZIMUTH_DEG, VIEW_ELEVATION_DEG, work.dir);
    const distanceM = frameDistanceM(overviewRadiusM(overview), camera.fov, camera.aspect);
    offsetTarget(overview.center, work.dir, distanceM, camera.fov, camera.aspect, OVERVIEW_AT_NDC[0], OVERVIEW_AT_NDC[1], work.target);
    camera.position.set(work.target[0]! + work.dir[0]! * distanceM, work.target[1]! + work.dir[1]! * distanceM, work.target[2]! + work.dir[2]! * distanceM);
    camera.lookAt(work.target[0]!, work.target[1]!, work.target[2]!);
    camera.updateProjectionMatrix();
    controls.current?.target.set(work.target[0]!, work.target[1]!, work.target[2]!);
    showTarget(canvas, work.target[0]!, work.target[1]!, work.target[2]!);
  }, [camera, scene, overview, work, canvas]);

  useEffect(() => {
    if (touring) tour.start(performance.now());
    else {
      tour.stop();
      onTourStopRef.current(null, -1, stops.length);
    }
  }, [touring, tour, stops]);

  useImperativeHandle(ref, () => ({
    overview: () => flyTo(overview.center, overviewRadiusM(overview), OVERVIEW_AZIMUTH_DEG, OVERVIEW_AT_NDC),
    focusDevice: (deviceId) => {
      const slot = scene.slotOf(deviceId);
      if (!slot || !updater.positionOf(slot.batchIndex, slot.instance, work.point)) return false;
      flyTo([work.point.x, work.point.y, work.point.z], focusRadiusM(scene.markerSizeM * 4), null, SELECTED_AT_NDC);
      return true;
    },
    focusPoi: (id) => {
      const poi = scene.pois.find((p) => p.id === id);
      if (!poi) return false;
      if (poi.kind === 'site') flyTo(overview.center, overviewRadiusM(overview), OVERVIEW_AZIMUTH_DEG, OVERVIEW_AT_NDC);
      else flyTo(poi.center, focusRadiusM(poi.radiusM), null);
      return true;
    },
    holdTour: () => tour.interactionEnd(performance.now()),
    frameRelease: (input) => {
      const c = controls.current;
      const nowAz = c ? azimuthOfDeg(camera.position.x - c.target.x, camera.position.z - c.target.z) : OVERVIEW_AZIMUTH_DEG;
      const view = releaseView({ ...input, preferredAzimuthDeg: nowAz });
      flyTo(view.center, view.radiusM, view.azimuthDeg);
    },
  }), [flyTo, overview, scene, updater, work, tour, camera]);

  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    const nowMs = performance.now();
    const index = tour.tick(nowMs);
    if (index >= 0) {
      const stop = stops[index]!;
      if (stop.kind === 'site') flyTo(stop.center, overviewRadiusM(stop), tourAzimuthDeg(index), OVERVIEW_AT_NDC);
      else flyTo(stop.center, focusRadiusM(stop.radiusM), tourAzimuthDeg(index));
      onTourStopRef.current(stop, index, stops.length);
    }
    if (flight.step(nowMs, camera.position, c.target)) {
      camera.lookAt(c.target);
      if (!flight.active) showTarget(canvas, c.target.x, c.target.y, c.target.z);
    }
    const paused = tour.isPaused(nowMs);
    c.autoRotate = tour.on && !flight.active && !paused;
    if (paused !== pausedShown.current) {
      pausedShown.current = paused;
      onTourPausedRef.current(paused);
    }
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping
      dampingFactor={0.12}
      autoRotateSpeed={TOUR_ORBIT_SPEED}
      minDistance={Math.max(5, scene.markerSizeM * 2)}
      maxDistance={scene.bounds.radiusM * 5}
      // A park has ground to stay above; a mine is seen from any side.
      maxPolarAngle={scene.siteKind === 'chemical-park' ? Math.PI / 2 - 0.04 : Math.PI}
      onStart={() => {
        flight.cancel();
        tour.interactionStart();
      }}
      onEnd={() => tour.interactionEnd(performance.now())}
    />
  );
}
