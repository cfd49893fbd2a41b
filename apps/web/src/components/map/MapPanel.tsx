'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import DeckGL from '@deck.gl/react';
import type { PickingInfo } from '@deck.gl/core';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mapMessages } from '../../i18n/messages/map.ts';
import { kindMessages } from '../../i18n/messages/detail.ts';
import { nameIn } from '../../i18n/hub-text.ts';
import { kindName } from '../detail/kind-name.ts';
import { SENSOR_VISUAL_STATES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { fitViewState, type FitPadding, type MapViewState } from './fit-view.ts';
import { MapLegend } from './MapLegend.tsx';
import { mapOverlays, type FitRequestEntry, type MapOverlay } from './map-overlays.ts';
import { fitRequestBounds, padForCovers } from './zone-fit.ts';
import { MapScale, type MapScaleHandle } from './MapScale.tsx';
import { MINER_STATES } from './marker-buffers.ts';
import { minerLayers, selectionLayer, sensorLayers, type MapMiner } from './marker-layers.ts';
import { canvasMeasure, metresPerPixel } from './label-boxes.ts';
import { labelGroup, placeLabelGroups } from './label-groups.ts';
import { labelCentreKey, labelFrame, labelZoomOf } from './label-frame.ts';
import { planLayers } from './plan-layers.ts';
import { siteMapData, type MapArea, type MapPath, type MapPoi, type MapSensor, type SiteMapData } from './site-map-data.ts';
import { useElementSize, useRootFontPx } from './use-element-size.ts';
import { useFontsReady } from './use-fonts-ready.ts';
import { useMapCovers } from './use-map-covers.ts';
import { useMapLive } from './use-map-live.ts';
import { MAP_FONT_FAMILY, MAP_FONT_WEIGHT } from './map-style.ts';
import styles from './MapPanel.module.css';

/** Room kept round the site when fitting the view, px at an 18 px root font: the legend strip on top, the scale bar below. */
const FIT_PADDING_PX = { top: 96, right: 40, bottom: 48, left: 40 } as const;
/** Label size at an 18 px root font, px. */
const LABEL_PX = 14;
/**
 * The labels' font for loading their glyphs. Its size does not choose which font files load, so it
 * is fixed: a resize (a 4K wall doubles the label size) then keeps the labels on the plan.
 */
const LABEL_FONT = `${MAP_FONT_WEIGHT} ${LABEL_PX}px ${MAP_FONT_FAMILY}`;
const NO_OVERLAYS: readonly MapOverlay[] = [];
/** No place names (while their glyphs load): the overlays' live names are drawn alone. */
const NO_LABELS = labelGroup([], () => []);

type Key = keyof (typeof mapMessages)['en'];
const STATE_WORD: Readonly<Record<SensorVisualState, Key>> = {
  critical: 'stateCritical',
  alarm: 'stateAlarm',
  warning: 'stateWarning',
  advisory: 'stateAdvisory',
  normal: 'stateWordLive',
  stale: 'stateWordStale',
  offline: 'stateWordOffline',
  'no-data': 'stateWordNoData',
};
const MINER_WORD: Readonly<Record<(typeof MINER_STATES)[number], Key>> = {
  live: 'stateWordLive',
  sos: 'stateWordSos',
  silent: 'stateWordStale',
  'no-data': 'stateWordNoData',
};

/**
 * The site plan (deck.gl, geographic coordinates, no basemap, nothing fetched): roads or
 * roadways, buildings, dikes, equipment, gates, assembly points, shafts and refuge chambers,
 * sensors coloured and shaped by their live state, miners at their tags' positions; a scale
 * bar, a north arrow and a legend. Clicking a sensor selects it on the wall. Other features
 * add layers through `useMapOverlay`.
 */
export function MapPanel() {
  const { site, devices } = useWall();
  const built = useMemo((): { data: SiteMapData } | { error: string } => {
    try {
      return { data: siteMapData(site, (id) => devices.has(id)) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [site, devices]);
  if ('error' in built) return <p className={styles.error} role="alert">{built.error}</p>;
  return <SiteMap data={built.data} />;
}

function SiteMap({ data }: { data: SiteMapData }) {
  const wall = useWall();
  const { site, selectedDeviceId, selectDevice } = wall;
  const t = useT(mapMessages);
  const tKind = useT(kindMessages);
  const locale = useLocale();
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const scale = useRootFontPx() / 18;
  const [glError, setGlError] = useState<string | null>(null);

  const labelPx = Math.round(LABEL_PX * scale);
  const plan = useMemo(() => planLayers(data, { locale, labelPx }), [data, locale, labelPx]);
  // Labels wait for the CJK web font's glyphs (or a few seconds), so they are never rasterised as boxes;
  // each time they come back they are new layers (see PlanLayers.labels).
  const labelsReady = useFontsReady(LABEL_FONT, plan.labelTexts);
  // The view's zoom in quarter steps (a React render only when a step is crossed): the labels that fit at that scale.
  const [labelZoom, setLabelZoom] = useState<number | null>(null);
  // The view's centre in steps (a render only when a step is crossed: label-frame.ts): names stay inside the panel.
  const [labelCentre, setLabelCentre] = useState<string | null>(null);
  const siteLatitudeDeg = (data.viewBounds[0][1] + data.viewBounds[1][1]) / 2;
  const measurePx = useMemo(() => canvasMeasure(MAP_FONT_WEIGHT, MAP_FONT_FAMILY) ?? undefined, []);
  const live = useMapLive(site, data.sensors, wall);
  const overlays = useSyncExternalStore(
    useCallback((listener: () => void) => mapOverlays.subscribe(listener), []),
    () => mapOverlays.list(),
    () => NO_OVERLAYS,
  );
  const labelObstacles = useStableConcat(overlays, (o) => o.labelObstacles);
  const overlayLabels = useStableConcat(overlays, (o) => o.labels);
  const covers = useMapCovers(containerRef, overlays);
  // The plan's names and the overlays' live names placed in one pass (label-groups.ts); the live names alone while the
  // plan's glyphs load.
  const labelLayers = useMemo(
    () => {
      if (!labelsReady) return placeLabelGroups(NO_LABELS, overlayLabels, 0);
      if (labelZoom === null) return plan.labels(undefined, undefined, overlayLabels);
      const frame = labelCentre && size ? labelFrame(labelCentre, size) : undefined;
      return plan.labels(metresPerPixel(labelZoom, siteLatitudeDeg), { ...(measurePx ? { measurePx } : {}), obstacles: labelObstacles, ...(frame ? { frame, covers } : {}) }, overlayLabels);
    },
    [plan, labelsReady, labelZoom, labelCentre, size, siteLatitudeDeg, measurePx, labelObstacles, overlayLabels, covers],
  );

  const fitEntry = useSyncExternalStore(
    useCallback((listener: () => void) => mapOverlays.subscribe(listener), []),
    () => mapOverlays.fitRequest(),
    () => null,
  );

  // Fit the whole site once the panel has a size, and again on request; a feature's fit request
  // (a release's zones) is fitted when it arrives, and the button then toggles site ↔ request.
  // A fit is redone when the panel's size changes (a window grown to a 4K wall), unless the user
  // has moved the view since: then their view stays.
  const [initialViewState, setInitialViewState] = useState<MapViewState | null>(null);
  const [fitted, setFitted] = useState<'site' | 'request'>('site');
  const fittedSite = useRef<string | null>(null);
  /** The panel size and type scale the last fit was made for, `${width}×${height}@${scale}`. */
  const fittedFor = useRef<string | null>(null);
  /** The last fit's view, to tell a user's move from deck.gl re-reporting the same view. */
  const fittedView = useRef<MapViewState | null>(null);
  const userMoved = useRef(false);
  const fitTo = useCallback(
    (target: 'site' | 'request', entry: FitRequestEntry | null) => {
      if (!size || size.width === 0 || size.height === 0) return;
      const bounds = target === 'request' && entry ? fitRequestBounds(data.viewBounds, entry.request) : data.viewBounds;
      const view = fitViewState(bounds, size.width, size.height, clearOfCovers(containerRef.current, scalePadding(FIT_PADDING_PX, scale)));
      fittedFor.current = `${size.width}×${size.height}@${scale}`;
      fittedView.current = view;
      userMoved.current = false;
      setInitialViewState(view);
      setFitted(target === 'request' && entry ? 'request' : 'site');
    },
    [size, data.viewBounds, scale],
  );
  useEffect(() => {
    if (!size || size.width === 0 || size.height === 0 || fittedSite.current === site.id) return;
    fittedSite.current = site.id;
    fitTo(fitEntry ? 'request' : 'site', fitEntry);
  }, [size, site.id, fitTo, fitEntry]);
  const lastFitSeq = useRef<number | null>(null);
  useEffect(() => {
    const seq = fitEntry?.seq ?? null;
    if (seq === lastFitSeq.current || fittedSite.current === null) return;
    lastFitSeq.current = seq;
    fitTo(fitEntry ? 'request' : 'site', fitEntry);
  }, [fitEntry, fitTo]);
  useEffect(() => {
    if (!size || size.width === 0 || size.height === 0 || fittedFor.current === null || userMoved.current) return;
    if (fittedFor.current === `${size.width}×${size.height}@${scale}`) return;
    fitTo(fitted === 'request' && fitEntry ? 'request' : 'site', fitEntry);
  }, [size, scale, fitTo, fitted, fitEntry]);
  const onFitButton = useCallback(() => fitTo(fitEntry && fitted === 'site' ? 'request' : 'site', fitEntry), [fitTo, fitEntry, fitted]);
  const scaleRef = useRef<MapScaleHandle>(null);
  const showView = useCallback((view: MapViewState) => {
    scaleRef.current?.update(view);
    // The view on the panel, for tests and tools (a DOM write, no React render per frame).
    containerRef.current?.setAttribute('data-view-state', `${view.longitude.toFixed(5)},${view.latitude.toFixed(5)},${view.zoom.toFixed(3)}`);
    setLabelZoom(labelZoomOf(view.zoom));
    setLabelCentre(labelCentreKey(view));
  }, []);
  useEffect(() => {
    if (initialViewState) showView(initialViewState);
  }, [initialViewState, showView]);
  const onViewStateChange = useCallback(
    ({ viewState }: { viewState: unknown }) => {
      const view = viewState as MapViewState;
      if (!userMoved.current && !sameView(view, fittedView.current)) userMoved.current = true;
      showView(view);
    },
    [showView],
  );

  const sensorById = useMemo(() => new Map(data.sensors.map((s) => [s.deviceId, s])), [data]);
  const selected = selectedDeviceId ? (sensorById.get(selectedDeviceId) ?? null) : null;
  const onPick = useCallback((deviceId: string) => selectDevice(deviceId), [selectDevice]);

  const { sensorStates, glyphs, miners, minerBuffers, sos, version } = live;
  const layers = useMemo(() => {
    const under = overlays.filter((o) => (o.placement ?? 'under-markers') === 'under-markers').flatMap((o) => o.layers);
    const top = overlays.filter((o) => o.placement === 'top').flatMap((o) => o.layers);
    // Labels go under the live markers: an alarm glyph must never hide behind a place name.
    return [
      ...plan.base,
      ...under,
      ...labelLayers.under,
      ...(minerBuffers ? minerLayers(miners, minerBuffers, sos, version, scale, t('stateWordSos')) : []),
      ...sensorLayers({ sensors: data.sensors, states: sensorStates, glyphs, version, scale, onPick }),
      selectionLayer(selected, scale),
      ...top,
      ...labelLayers.onTop,
    ];
  }, [plan, labelLayers, overlays, data.sensors, sensorStates, glyphs, version, scale, onPick, minerBuffers, miners, sos, t, selected]);

  const getTooltip = useCallback(
    (info: PickingInfo) => {
      const layerId = info.layer?.id;
      const owner = layerId && info.object ? overlays.find((o) => o.tooltip && o.layers.some((l) => l.id === layerId)) : undefined;
      // A label the map drew for an overlay (its label groups' layers are the map's): the overlays with labels answer for it.
      const ofLabel = () => (layerId && info.object ? overlays.filter((o) => o.tooltip && o.labels && o.labels.length > 0).map((o) => o.tooltip!(info)).find((x) => x) : undefined);
      const text = owner?.tooltip?.(info) ?? ofLabel() ?? tooltipText(info, { t, kind: (k) => kindName(tKind, k), locale, sensorStates, minerStates: minerBuffers?.states ?? null });
      // Keep deck's own class beside ours: tests and tools find the tooltip by it.
      return text ? { text, className: `deck-tooltip ${styles.tooltip}` } : null;
    },
    [t, tKind, locale, sensorStates, minerBuffers, overlays],
  );

  return (
    <div ref={containerRef} className={styles.panel} aria-label={t('mapLabel')} data-testid="site-map" data-map-version={version} data-fitted={fitted} data-labels={labelsReady ? labelPx : 'loading'}>
      {glError ? (
        <p className={styles.error} role="alert">{glError}</p>
      ) : initialViewState ? (
        <DeckGL
          initialViewState={initialViewState}
          controller={{ dragRotate: false, touchRotate: false, keyboard: true }}
          layers={layers}
          pickingRadius={8}
          getTooltip={getTooltip}
          getCursor={({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')}
          onViewStateChange={onViewStateChange}
          onError={(error) => setGlError(error.message)}
        />
      ) : null}
      <MapScale ref={scaleRef} initial={initialViewState} />
      <button type="button" className={styles.fit} onClick={onFitButton} data-testid="map-fit">
        ⤢ {fitEntry && fitted === 'site' ? t('fitZones') : t('fit')}
      </button>
      <MapLegend siteKind={site.kind} />
    </div>
  );
}

/**
 * The padding grown past what other parts of the wall draw over the plan (elements marked
 * `data-map-cover` beside the panel, e.g. the threat-zone legend), so a fit is not hidden under them.
 */
function clearOfCovers(panel: HTMLElement | null, base: FitPadding): FitPadding {
  const covers = panel?.parentElement?.querySelectorAll('[data-map-cover]');
  if (!panel || !covers || covers.length === 0) return base;
  return padForCovers(panel.getBoundingClientRect(), [...covers].map((c) => c.getBoundingClientRect()), base);
}

/** Whether `view` is `fit` to well under a pixel (deck.gl reports the same view again on a click without a drag). */
function sameView(view: MapViewState, fit: MapViewState | null): boolean {
  if (!fit) return false;
  const near = (a: number, b: number, eps: number) => Math.abs(a - b) <= eps;
  return near(view.zoom, fit.zoom, 1e-6) && near(view.longitude, fit.longitude, 1e-9) && near(view.latitude, fit.latitude, 1e-9) && near(view.bearing ?? 0, fit.bearing, 1e-6) && near(view.pitch ?? 0, fit.pitch, 1e-6);
}

function scalePadding(p: typeof FIT_PADDING_PX, scale: number) {
  return { top: p.top * scale, right: p.right * scale, bottom: p.bottom * scale, left: p.left * scale };
}

interface TooltipContext {
  t: (key: Key, values?: Record<string, string | number>) => string;
  /** A device kind in the UI language. */
  kind: (kind: string) => string;
  locale: 'en' | 'zh-CN';
  sensorStates: Uint8Array;
  minerStates: Uint8Array | null;
}

/** What hovering a map object says: a sensor's id, kind and state; a miner's name, team and tag state; a place's name. */
function tooltipText(info: PickingInfo, { t, kind, locale, sensorStates, minerStates }: TooltipContext): string | null {
  const object = info.object as unknown;
  if (!object || !info.layer) return null;
  const id = info.layer.id;
  if (id === 'live-sensors' || id === 'live-sensor-glyphs') {
    const s = object as MapSensor;
    const state = SENSOR_VISUAL_STATES[sensorStates[s.index]!]!;
    return t('tipSensor', { id: s.deviceId, kind: kind(s.kind), state: t(STATE_WORD[state]) });
  }
  if (id === 'live-miners' && minerStates) {
    const m = object as MapMiner;
    return t('tipMiner', { name: m.name, team: m.team, state: t(MINER_WORD[MINER_STATES[minerStates[m.index]!]!]) });
  }
  if (id === 'plan-poi-glyphs') {
    const p = object as MapPoi;
    const name = nameIn(p.name, locale);
    return p.capacityPersons === null ? name : t('tipCapacity', { name, n: p.capacityPersons });
  }
  if (id === 'plan-areas') {
    const a = object as MapArea;
    return a.name ? nameIn(a.name, locale) : a.id;
  }
  if (id === 'plan-roads' || id === 'plan-roadways') return nameIn((object as MapPath).name, locale);
  return null;
}

/**
 * What the overlays declare for the plan's labels (marks to keep clear of, their own label groups) concatenated, the
 * same array until one overlay's list changes (overlays update often — a mine's people every second — and the names
 * are placed again only when what they depend on changed).
 */
function useStableConcat<T>(overlays: readonly MapOverlay[], pick: (o: MapOverlay) => readonly T[] | undefined): readonly T[] {
  const last = useRef<{ lists: (readonly T[])[]; all: readonly T[] }>({ lists: [], all: [] });
  const lists = overlays.flatMap((o) => {
    const list = pick(o);
    return list && list.length > 0 ? [list] : [];
  });
  const prev = last.current;
  if (lists.length !== prev.lists.length || lists.some((l, i) => l !== prev.lists[i])) {
    last.current = { lists, all: lists.flat() };
  }
  return last.current.all;
}
