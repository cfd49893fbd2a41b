'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { buildTwinScene, type PointOfInterest, type TwinScene } from '@safetwin/twin-models';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { twinMessages } from '../../i18n/messages/twin.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { useRelease } from '../release/ReleaseProvider.tsx';
import { useIncidents } from '../incident/IncidentProvider.tsx';
import { useMine } from '../mine/MineProvider.tsx';
import type { CameraRigHandle } from './CameraRig.tsx';
import type { EquipmentPick } from './ScreenPicker.tsx';
import { cloudBoxM, siteBoxM } from './release-view.ts';
import { TwinLegend } from './TwinLegend.tsx';
import { TwinWorld } from './TwinWorld.tsx';
import styles from './TwinPanel.module.css';

/** Field of view of the twin's camera, degrees (vertical). */
const FOV_DEG = 45;

type Built = { scene: TwinScene; error: null } | { scene: null; error: string };

/** The tour stop on show, for the caption. */
interface TourStopInfo {
  poi: PointOfInterest;
  index: number;
  total: number;
}

/**
 * The live 3D twin of the site wall: the site's instanced scene, live marker states, click to
 * select a device, camera flights to the selection or focus, an overview button and the
 * unattended tour (also switched on by `?tour=1` in the page address).
 */
export function TwinPanel() {
  const wall = useWall();
  const t = useT(twinMessages);
  const locale = useLocale();
  const wallRef = useRef(wall);
  useLayoutEffect(() => {
    wallRef.current = wall;
  });
  const built = useMemo<Built>(() => {
    try {
      return { scene: buildTwinScene(wall.site), error: null };
    } catch (e) {
      return { scene: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [wall.site]);
  const rig = useRef<CameraRigHandle>(null);
  const release = useRelease();
  const plume = release?.shown ?? null;
  const incident = useIncidents()?.shown ?? null;
  const mine = useMine();
  // The release form's "pick" mode for equipment: a click in the twin picks it, as on the plan.
  const pickEquipment = release?.picking === 'equipment' ? release.pickEquipment : null;
  const equipmentIds = release?.equipment;
  const equipmentPick = useMemo<EquipmentPick | null>(
    () => (pickEquipment && equipmentIds ? { ids: new Set(equipmentIds.map((e) => e.id)), onPick: pickEquipment } : null),
    [pickEquipment, equipmentIds],
  );
  const [touring, setTouring] = useState(false);
  const [tourStop, setTourStop] = useState<TourStopInfo | null>(null);
  const [tourPaused, setTourPaused] = useState(false);

  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('tour') === '1') setTouring(true);
  }, []);

  // A new release result: fly to its source and the cloud over the site (the lowest level, any frame).
  const builtScene = built.scene;
  useEffect(() => {
    if (!plume || !builtScene) return;
    const lowestPpm = Math.min(...plume.result.zones.metadata.zones.map((z) => z.ppm));
    rig.current?.frameRelease({
      source: plume.source,
      cloud: Number.isFinite(lowestPpm) ? cloudBoxM(plume.result.grid, plume.source, lowestPpm) : null,
      site: siteBoxM(builtScene.bounds),
      windFromDeg: plume.result.zones.metadata.windFromDeg,
    });
  }, [plume, builtScene]);

  const { selectedDeviceId, focus } = wall;
  useEffect(() => {
    if (!selectedDeviceId) return;
    rig.current?.holdTour();
    rig.current?.focusDevice(selectedDeviceId);
  }, [selectedDeviceId]);
  useEffect(() => {
    if (!focus) return;
    rig.current?.holdTour();
    if (focus.kind === 'site') rig.current?.overview();
    else if (focus.kind === 'device') rig.current?.focusDevice(focus.id);
    else if (!rig.current?.focusPoi(focus.id)) rig.current?.focusDevice(focus.id);
  }, [focus]);

  if (!built.scene) return <p className={styles.error} role="alert">{built.error}</p>;
  const scene = built.scene;
  const siteName = locale === 'zh-CN' ? wall.site.name.zh : wall.site.name.en;
  const stopName = tourStop ? (locale === 'zh-CN' ? tourStop.poi.label.zh : tourStop.poi.label.en) : null;

  return (
    <div className={styles.panel} data-testid="twin-panel" data-site-kind={scene.siteKind} data-picking={equipmentPick ? 'equipment' : undefined}>
      <Canvas
        className={styles.canvas}
        flat
        dpr={[1, 2]}
        camera={{ fov: FOV_DEG, near: 1, far: 100_000, position: [0, 1_000, 1_000] }}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        fallback={<p className={styles.error}>{t('webglMissing')}</p>}
        role="img"
        aria-label={t('canvasLabel', { site: siteName })}
        data-testid="twin-canvas"
      >
        <TwinWorld
          scene={scene}
          wallRef={wallRef}
          selectedDeviceId={selectedDeviceId}
          // The tour holds while a release is shown: the cloud stays in view.
          touring={touring && !plume}
          onTourStop={(poi, index, total) => setTourStop(poi ? { poi, index, total } : null)}
          onTourPaused={setTourPaused}
          rigRef={rig}
          plume={plume}
          equipmentPick={equipmentPick}
          incident={incident}
          mine={mine}
        />
      </Canvas>
      {stopName && tourStop ? (
        <p className={styles.caption} aria-live="polite">
          <span className={styles.captionStep}>
            {t('tourStop', { n: tourStop.index + 1, total: tourStop.total })}
            {tourPaused ? <span className={styles.captionPaused}> · ❚❚ {t('tourPaused')}</span> : null}
          </span>
          {stopName}
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <button type="button" className={styles.button} title={t('resetViewHint')} onClick={() => rig.current?.overview()} data-testid="twin-overview">
          ⌂ {t('resetView')}
        </button>
        <button
          type="button"
          className={styles.button}
          disabled={!selectedDeviceId}
          onClick={() => selectedDeviceId && rig.current?.focusDevice(selectedDeviceId)}
        >
          ◎ {t('focusSelected')}
        </button>
        <button
          type="button"
          className={`${styles.button} ${touring ? styles.buttonOn : ''}`}
          aria-pressed={touring}
          title={t('tourHint')}
          onClick={() => setTouring((on) => !on)}
          data-tour-held={touring && plume ? 'release' : undefined}
          data-testid="twin-tour"
        >
          {touring && !plume ? '▶' : '❚❚'} {t(touring ? 'tourOn' : 'tourOff')}
          {touring && plume ? <span className={styles.captionPaused}> · {t('tourHeldRelease')}</span> : null}
        </button>
      </div>
      <TwinLegend siteKind={scene.siteKind} />
    </div>
  );
}
