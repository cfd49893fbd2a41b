// A Cesium viewer that needs nothing from the Internet: no ion token, the Natural Earth II
// imagery shipped inside the cesium package (served from /cesium/, see scripts/sync-public.mjs),
// an ellipsoid for terrain, and none of the widgets that would reach out (base-layer picker,
// geocoder) or that a wall does not need (timeline, animation, home, help, fullscreen).
import type { Viewer } from 'cesium';

/** Where the web app serves Cesium's static assets (workers, imagery, widgets). */
export const CESIUM_BASE_URL = '/cesium/';

/** The cesium module, imported on demand (it is ~4.7 MB: only the region wall loads it). */
export type CesiumModule = typeof import('cesium');

declare global {
  interface Window {
    /** Read by Cesium's buildModuleUrl when it is first used. */
    CESIUM_BASE_URL?: string;
  }
}

/** Closest and farthest the camera may get from the ground, m. */
const MIN_ZOOM_M = 2_000;
const MAX_ZOOM_M = 25_000_000;

/** Credit line of the shipped imagery. */
const IMAGERY_CREDIT = 'Imagery: Natural Earth II (naturalearthdata.com), shipped with CesiumJS';

/** Imports Cesium with its base URL set first, so every asset resolves to this app. */
export async function loadCesium(): Promise<CesiumModule> {
  window.CESIUM_BASE_URL = CESIUM_BASE_URL;
  return import('cesium');
}

/** Whether this browser gives us a WebGL context at all (the globe needs one; the cards do not). */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A dark, widget-free, fully offline viewer in `container`, rendering only when something changes. */
export function createOfflineViewer(Cesium: CesiumModule, container: HTMLElement): Viewer {
  const imagery = Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'));
  const viewer = new Cesium.Viewer(container, {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(imagery, {}),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    timeline: false,
    animation: false,
    navigationHelpButton: false,
    sceneModePicker: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    // A wall runs for days: draw a frame only when the camera or an entity changes.
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    showRenderLoopErrors: false,
  });
  const { scene } = viewer;
  scene.globe.baseColor = Cesium.Color.fromCssColorString('#0b1118');
  scene.backgroundColor = Cesium.Color.fromCssColorString('#05080c');
  scene.screenSpaceCameraController.minimumZoomDistance = MIN_ZOOM_M;
  scene.screenSpaceCameraController.maximumZoomDistance = MAX_ZOOM_M;
  // The ion logo is hidden (RegionGlobe.module.css: no ion here); the imagery keeps its credit.
  viewer.creditDisplay.addStaticCredit(new Cesium.Credit(IMAGERY_CREDIT, true));
  return viewer;
}
