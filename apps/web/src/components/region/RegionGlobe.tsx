'use client';

import 'cesium/Build/Cesium/Widgets/widgets.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Entity, Viewer } from 'cesium';
import type { SensorVisualStyle } from '../../wall/sensor-visual.ts';
import type { DegreeRect } from './framing.ts';
import { markerCanvas } from './marker-image.ts';
import { createOfflineViewer, loadCesium, webglAvailable, type CesiumModule } from './offline-viewer.ts';
import styles from './RegionGlobe.module.css';

/** One site on the globe: where, what its label says, and how its marker looks. */
export interface GlobeMarker {
  id: string;
  latDeg: number;
  lonDeg: number;
  /** Name and grade word, one per line. */
  label: string;
  style: SensorVisualStyle;
}

/** What the wall may ask of the globe. */
export interface GlobeHandle {
  /** Flies the camera to a site; resolves when the flight ends (at once when there is no globe). */
  flyTo(siteId: string): Promise<void>;
}

/** Props of {@link RegionGlobe}. */
export interface RegionGlobeProps {
  markers: readonly GlobeMarker[];
  /** The first view; later status updates do not move the camera. */
  frame: DegreeRect | null;
  /** A marker was clicked. */
  onPick: (siteId: string) => void;
  /** Filled with the globe's handle once it runs; null while it does not. */
  handleRef: RefObject<GlobeHandle | null>;
  ariaLabel: string;
  loadingText: string;
  /** The message when the globe cannot run, given why. */
  unavailableText: (reason: string) => string;
}

/** Height the camera flies to above a site, m (the whole site in view, its surroundings around it). */
const FLY_HEIGHT_M = 40_000;
/** Flight time, s. */
const FLY_DURATION_S = 2;

interface Running {
  Cesium: CesiumModule;
  viewer: Viewer;
  entities: Map<string, Entity>;
  images: Map<string, HTMLCanvasElement>;
  /** Marker size from the page's root font (doubles on a 4K wall), CSS px. */
  markerPx: number;
  /** The labels' CSS font: the page's own family list (its self-hosted CJK font first), bold. */
  labelFont: string;
}

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; reason: string };

/** The region globe (Cesium, offline): a marker and a label per site; a click on one calls `onPick`. */
export function RegionGlobe({ markers, frame, onPick, handleRef, ariaLabel, loadingText, unavailableText }: RegionGlobeProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const runningRef = useRef<Running | null>(null);
  const markersRef = useRef(markers);
  const onPickRef = useRef(onPick);
  const frameRef = useRef(frame);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    markersRef.current = markers;
    onPickRef.current = onPick;
    frameRef.current = frame;
  });

  // Start the viewer once; tear it down (WebGL context, workers, listeners) on unmount.
  useEffect(() => {
    let disposed = false;
    let viewer: Viewer | null = null;
    const start = async () => {
      if (!webglAvailable()) throw new Error('WebGL unavailable');
      const Cesium = await loadCesium();
      const container = containerRef.current;
      if (disposed || !container) return;
      viewer = createOfflineViewer(Cesium, container);
      const running = viewer;
      running.scene.renderError.addEventListener((_scene: unknown, error: unknown) => {
        setPhase({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
      const root = getComputedStyle(document.documentElement);
      const rootPx = Number.parseFloat(root.fontSize) || 18;
      const family = root.getPropertyValue('--font').trim() || 'sans-serif';
      runningRef.current = { Cesium, viewer: running, entities: new Map(), images: new Map(), markerPx: Math.round(rootPx * 2.6), labelFont: `700 ${Math.round(rootPx * 1.15)}px ${family}` };
      const initial = frameRef.current;
      if (initial) running.camera.setView({ destination: Cesium.Rectangle.fromDegrees(initial.westDeg, initial.southDeg, initial.eastDeg, initial.northDeg) });
      const clicks = new Cesium.ScreenSpaceEventHandler(running.scene.canvas);
      clicks.setInputAction((event: { position: InstanceType<CesiumModule['Cartesian2']> }) => {
        const picked: unknown = running.scene.pick(event.position);
        const entity = picked && typeof picked === 'object' && 'id' in picked ? (picked as { id: unknown }).id : null;
        if (entity instanceof Cesium.Entity && runningRef.current?.entities.get(entity.id) === entity) onPickRef.current(entity.id);
      }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
      handleRef.current = {
        flyTo: (siteId) =>
          new Promise<void>((resolve) => {
            const marker = markersRef.current.find((m) => m.id === siteId);
            if (!marker || running.isDestroyed()) return resolve();
            running.camera.flyTo({ destination: Cesium.Cartesian3.fromDegrees(marker.lonDeg, marker.latDeg, FLY_HEIGHT_M), duration: FLY_DURATION_S, complete: resolve, cancel: resolve });
            running.scene.requestRender();
          }),
      };
      setPhase({ kind: 'ready' });
    };
    start().catch((err: unknown) => {
      if (!disposed) setPhase({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      disposed = true;
      handleRef.current = null;
      runningRef.current = null;
      if (viewer && !viewer.isDestroyed()) viewer.destroy();
    };
  }, [handleRef]);

  // Markers follow the status (every few seconds, not per frame): update entities in place, once
  // the labels' glyphs are loaded (Cesium rasterises each glyph once: drawn before the CJK web
  // font arrives, a Chinese name would stay boxes).
  useEffect(() => {
    const running = runningRef.current;
    if (phase.kind !== 'ready' || !running) return;
    let cancelled = false;
    const glyphs = Promise.all(markers.map((m) => document.fonts.load(running.labelFont, m.label))).catch(() => undefined);
    void glyphs.then(() => {
      if (cancelled || running.viewer.isDestroyed()) return;
      syncMarkers(running, markers);
      running.viewer.scene.requestRender();
    });
    return () => {
      cancelled = true;
    };
  }, [markers, phase]);

  return (
    <div className={styles.globe} role="img" aria-label={ariaLabel} data-globe={phase.kind}>
      <div ref={containerRef} className={styles.viewer} />
      {phase.kind === 'loading' ? <p className={styles.note}>{loadingText}</p> : null}
      {phase.kind === 'failed' ? (
        <p className={`${styles.note} ${styles.failed}`} role="status">
          {unavailableText(phase.reason)}
        </p>
      ) : null}
    </div>
  );
}

/** Creates, updates and removes site entities to match `markers`. */
function syncMarkers(running: Running, markers: readonly GlobeMarker[]): void {
  const { Cesium, viewer, entities, images, markerPx, labelFont } = running;
  const imageFor = (style: SensorVisualStyle) => {
    const key = `${style.shape}:${style.rgb.join(',')}`;
    let image = images.get(key);
    if (!image) images.set(key, (image = markerCanvas(style, markerPx)));
    return image;
  };
  const seen = new Set<string>();
  for (const m of markers) {
    seen.add(m.id);
    const position = Cesium.Cartesian3.fromDegrees(m.lonDeg, m.latDeg, 0);
    const existing = entities.get(m.id);
    if (existing) {
      existing.position = new Cesium.ConstantPositionProperty(position);
      existing.billboard!.image = new Cesium.ConstantProperty(imageFor(m.style));
      existing.label!.text = new Cesium.ConstantProperty(m.label);
      continue;
    }
    const entity = viewer.entities.add({
      id: m.id,
      position,
      billboard: {
        image: imageFor(m.style),
        width: markerPx,
        height: markerPx,
        verticalOrigin: Cesium.VerticalOrigin.CENTER,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
      label: {
        text: m.label,
        font: labelFont,
        fillColor: Cesium.Color.WHITE,
        outlineColor: Cesium.Color.BLACK,
        outlineWidth: 3,
        style: Cesium.LabelStyle.FILL_AND_OUTLINE,
        showBackground: true,
        backgroundColor: Cesium.Color.fromBytes(8, 13, 19, 215),
        backgroundPadding: new Cesium.Cartesian2(10, 6),
        verticalOrigin: Cesium.VerticalOrigin.TOP,
        horizontalOrigin: Cesium.HorizontalOrigin.CENTER,
        pixelOffset: new Cesium.Cartesian2(0, Math.round(markerPx * 0.65)),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
    entities.set(m.id, entity);
  }
  for (const [id, entity] of entities) {
    if (seen.has(id)) continue;
    viewer.entities.remove(entity);
    entities.delete(id);
  }
}
