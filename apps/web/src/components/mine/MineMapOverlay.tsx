'use client';

import { useCallback, useMemo } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Enu } from '@safetwin/twin-models';
import { useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { formatValue } from '../../live/format.ts';
import { formatDurationS } from '../../live/incident-format.ts';
import { GAS_LOOK, PERSON_LOOK } from '../../live/mine-format.ts';
import { gasKey, type RoadwayGas } from '../../live/mine-gas.ts';
import { positionAt } from '../../live/mine-trajectory.ts';
import type { PersonState } from '../../live/mine-types.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { deviceVisual, useWall } from '../../wall/WallContext.tsx';
import { SENSOR_VISUAL_STYLES } from '../../wall/sensor-visual.ts';
import { SiteProjector } from '../map/site-projector.ts';
import { useRootFontPx } from '../map/use-element-size.ts';
import { useMapOverlay } from '../map/use-map-overlay.ts';
import { escapeRoutes, personPlaces } from './mine-draw.ts';
import { minePeopleLayers, mineLayers, PEOPLE_NAMES_LAYER, type NameLabel, type PersonLabel, type RoofDraw, type RouteDraw } from './mine-layers.ts';
import { useMine, useRoadwayGas } from './MineProvider.tsx';

const NO_LAYERS: readonly Layer[] = [];
/** Label size at an 18 px root font, px (the plan's own labels are 14). */
const LABEL_PX = 15;

/**
 * The mine on the site plan: roadways banded by gas state with the reading where it alarms,
 * roof stretches, escape routes, a played-back trajectory (under the live markers), and the
 * people's names with their state (on top). Rebuilt when what is drawn changed, the names once a
 * second.
 */
export function MineMapOverlay() {
  const mine = useMine();
  const wall = useWall();
  const t = useT(mineMessages);
  const now = useNow();
  const gas = useRoadwayGas();
  const scale = useRootFontPx() / 18;
  const labelPx = Math.round(LABEL_PX * scale);
  const site = mine?.mine ?? null;
  const projector = useMemo(() => (site ? new SiteProjector(site.origin) : null), [site]);
  const pointRoadways = useMemo(() => new Set(site?.roadways.edges.filter((r) => r.kind === 'shaft').map((r) => r.id) ?? []), [site]);
  const sensorAt = useMemo(() => new Map<string, Enu>(site?.sensors.map((s) => [s.id, s.position]) ?? []), [site]);

  const roofStates = (mine?.roof ?? []).map((segment) => ({ segment, state: deviceVisual(wall, segment.sensorId, now || Date.now()) }));
  const roofKey = roofStates.map((r) => r.state).join();
  const people = mine?.people ?? null;
  const routes = useMemo(() => escapeRoutes(people), [people]);
  const routeKey = routes.map((r) => `${r.key}:${r.polyline.length}`).join();
  const shown = mine?.trajectory ?? null;
  const gasText = useCallback(
    (g: RoadwayGas) => `${GAS_LOOK[g.state].glyph} ${g.worst.valuePct === null ? '' : `${formatValue(g.worst.valuePct)} % `}${t(GAS_LOOK[g.state].key)}`,
    [t],
  );

  const key = gasKey(gas);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt on the keys of what is drawn, not on every tick
  const drawn = useMemo(() => {
    if (!mine || !projector) return null;
    const at = shown ? positionAt(shown.trajectory.points, shown.atMs) : null;
    return mineLayers({
      projector, scale, labelPx, lines: mine.lines, pointRoadways, gas, sensorAt, gasLabel: gasText, roof: roofStates, routes,
      trajectory: shown ? { points: shown.trajectory.points.map((p) => p.position), at: at?.position ?? null, label: new Date(shown.atMs).toLocaleTimeString() } : null,
    });
  }, [mine?.lines, projector, scale, labelPx, pointRoadways, key, sensorAt, gasText, roofKey, routeKey, shown]);

  const tooltip = useCallback(
    (info: PickingInfo) => {
      const o = info.object as Record<string, unknown> | undefined;
      const id = info.layer?.id;
      if (!o || !mine) return null;
      if (id === 'mine-gas') {
        const g = (o as { gas: RoadwayGas }).gas;
        return t('tipRoadwayGas', { roadway: mine.roadwayName(g.roadwayId), state: t(GAS_LOOK[g.state].key), sensor: g.worst.sensorId, pct: g.worst.valuePct === null ? '—' : formatValue(g.worst.valuePct) });
      }
      if (id === 'mine-roof') {
        const r = o as unknown as RoofDraw;
        return t('tipRoof', { sensor: r.segment.sensorId, state: `${SENSOR_VISUAL_STYLES[r.state].glyph} ${r.state}` });
      }
      if (id === 'mine-routes') {
        const r = o as unknown as RouteDraw;
        return t('tipRoute', { name: r.names.join(', '), to: r.to, eta: r.etaS === null ? '—' : formatDurationS(r.etaS) });
      }
      if (id?.startsWith(PEOPLE_NAMES_LAYER) || id === 'mine-people-rings') {
        const p = (id === 'mine-people-rings' ? o : (o as unknown as NameLabel).person) as unknown as PersonLabel & { team?: string };
        return t('tipPerson', { name: p.name, team: p.team ?? '', state: t(PERSON_LOOK[p.state].key) });
      }
      return null;
    },
    [mine, t],
  );
  const gasLabels = useMemo(() => (drawn ? [drawn.gasLabels] : []), [drawn]);
  useMapOverlay('mine', drawn?.layers ?? NO_LAYERS, 'under-markers', 10, { tooltip, labels: gasLabels });

  // Names follow the tags' live positions, once a second; the map places them on the screen with its own names.
  const crew = useMemo(() => {
    if (!mine || !projector) return null;
    const labels = personPlaces(mine.mine.miners, people, (id) => wall.live.get(id)).map((p) => ({ id: p.personId, name: p.name, team: p.team, state: p.state, position: projector.lonLat(p.position.eastM, p.position.northM) }));
    return minePeopleLayers(labels, scale, labelPx, (s) => t(PERSON_LOOK[s].key));
    // `now` ticks once a second: positions are read afresh each tick.
  }, [mine, projector, people, wall.live, scale, labelPx, t, now]);
  useMapOverlay('mine-people', crew?.layers ?? NO_LAYERS, 'top', 10, { tooltip, ...(crew ? { labels: crew.names, labelObstacles: crew.rings } : {}) });
  return null;
}
