'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { Layer } from '@deck.gl/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { SiteProjector } from '../map/site-projector.ts';
import { pickCoverLayer, type CoverViewport } from '../map/threat-zone-layers.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import { useRelease } from './ReleaseProvider.tsx';
import styles from './Release.module.css';

const NO_LAYERS: Layer[] = [];
/** How far round the site origin a click can place a release, m (well beyond any park's fence). */
const PICK_REACH_M = 8_000;
/** A press that moved further than this is a pan of the plan, not a pick, px. */
const CLICK_SLOP_PX = 6;

/** Turns a canvas pixel into lon/lat with the plan's view and hands it on. */
function pickWith(viewport: CoverViewport, xy: [number, number], pickAt: ((lonLat: [number, number]) => void) | null): void {
  const [lon, lat] = viewport.unproject(xy);
  if (pickAt && Number.isFinite(lon) && Number.isFinite(lat)) pickAt([lon!, lat!]);
}

/**
 * Picking a release source on the plan: sits in the plan's panel (its parent element) and, while
 * the user picks, covers the plan with an invisible layer that tells the current view, takes the
 * click from the DOM, turns its pixel into lon/lat and hands it to the release state.
 */
export function ReleaseMapPick() {
  const release = useRelease();
  const t = useT(releaseMessages);
  const { site } = useWall();
  const anchorRef = useRef<HTMLSpanElement>(null);
  const viewportRef = useRef<CoverViewport | null>(null);
  /** A click that came before the cover had reported its view (the hover pick runs on the next frame): canvas px. */
  const pendingRef = useRef<[number, number] | null>(null);
  const pickAtRef = useRef<((lonLat: [number, number]) => void) | null>(null);
  const picking = release?.picking ?? null;
  const pickAt = release?.pickAt;
  const projector = useMemo(() => new SiteProjector(site.origin), [site.origin]);
  const cover = useMemo(() => {
    if (!picking) return NO_LAYERS;
    const [west, south] = projector.lonLat(-PICK_REACH_M, -PICK_REACH_M);
    const [east, north] = projector.lonLat(PICK_REACH_M, PICK_REACH_M);
    viewportRef.current = null;
    return [
      pickCoverLayer({ west, south, east, north }, (v) => {
        viewportRef.current = v;
        const pending = pendingRef.current;
        pendingRef.current = null;
        if (pending) pickWith(v, pending, pickAtRef.current);
      }),
    ];
  }, [picking, projector]);
  pickAtRef.current = pickAt ?? null;
  useMapOverlay('threat-pick', cover, 'top', 100);

  useEffect(() => {
    const panel = anchorRef.current?.parentElement;
    if (!picking || !panel || !pickAt) return;
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent) => {
      const canvas = e.target instanceof HTMLCanvasElement ? e.target : null;
      if (!canvas || (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX)) return;
      const box = canvas.getBoundingClientRect();
      const xy: [number, number] = [e.clientX - box.left, e.clientY - box.top];
      if (viewportRef.current) pickWith(viewportRef.current, xy, pickAt);
      else pendingRef.current = xy;
    };
    panel.addEventListener('pointerdown', onDown, true);
    panel.addEventListener('click', onClick, true);
    return () => {
      panel.removeEventListener('pointerdown', onDown, true);
      panel.removeEventListener('click', onClick, true);
    };
  }, [picking, pickAt]);

  return (
    <span ref={anchorRef} className={picking ? styles.pickHint : styles.pickAnchor} data-testid={picking ? 'release-picking' : undefined}>
      {picking ? `◎ ${t(picking === 'equipment' ? 'pickingEquipment' : 'picking')}` : null}
    </span>
  );
}
