'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Group } from 'three';
import { sceneX, sceneY, sceneZ, type TwinScene } from '@safetwin/twin-models';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { PERSON_LOOK, POWER_LOOK, cutCauseText, cutMachines, machinePower } from '../../live/mine-format.ts';
import { gasKey, roadwayGas } from '../../live/mine-gas.ts';
import { positionAt } from '../../live/mine-trajectory.ts';
import type { PersonState } from '../../live/mine-types.ts';
import { deviceVisual, type WallState } from '../../wall/WallContext.tsx';
import { escapeRoutes, personPlaces } from './mine-draw.ts';
import { buildMineGroup, disposeGroup, trajectoryMarker } from './mine-twin-group.ts';
import type { MineWallState } from './MineProvider.tsx';
import { ScreenLabels, type TwinLabel } from './ScreenLabels.tsx';

/** How often the overlay re-reads the gas and roof states, ms (the wall's clock). */
const STATE_EVERY_MS = 1_000;

/**
 * The mine in the twin: gas shells, roof stretches, escape routes and a played-back trajectory
 * (rebuilt when one of them changed), and labels — the name and state of each person under an
 * order or selected, and each cut machine with the sensor and reading that cut it.
 */
export function MineTwin({ scene, wallRef, mine }: { scene: TwinScene; wallRef: RefObject<WallState>; mine: MineWallState }) {
  const t = useT(mineMessages);
  const locale = useLocale();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), STATE_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const nowMs = Date.now();
  const wall = wallRef.current;
  const cutting = new Set((mine.power?.sensors ?? []).filter((s) => s.cutting).map((s) => s.sensorId));
  const gas = roadwayGas(mine.table.sensors, { sample: (id) => wall.live.get(id), link: wall.link, nowMs, cutting });
  const roof = mine.roof.map((segment) => ({ segment, state: deviceVisual(wall, segment.sensorId, nowMs) }));
  const routes = useMemo(() => escapeRoutes(mine.people), [mine.people]);
  const trajectory = mine.trajectory?.trajectory.points.map((p) => p.position) ?? null;
  const key = `${gasKey(gas)}#${roof.map((r) => r.state).join()}#${routes.map((r) => `${r.key}:${r.polyline.length}`).join()}#${mine.trajectory?.trajectory ? `${mine.trajectory.trajectory.personId}:${mine.trajectory.trajectory.points.length}` : ''}`;
  const inputRef = useRef({ gas, roof, routes, trajectory });
  inputRef.current = { gas, roof, routes, trajectory };
  const group = useMemo(() => buildMineGroup({ markerSizeM: scene.markerSizeM, lines: mine.lines, ...inputRef.current }), [key, scene.markerSizeM, mine.lines]);
  useEffect(() => () => disposeGroup(group), [group]);

  const marker = useMemo(() => trajectoryMarker(scene.markerSizeM), [scene.markerSizeM]);
  useEffect(() => () => disposeGroup(marker as unknown as Group), [marker]);
  const at = mine.trajectory ? positionAt(mine.trajectory.trajectory.points, mine.trajectory.atMs) : null;
  useEffect(() => {
    marker.visible = at !== null;
    if (at) marker.position.set(sceneX(at.position.eastM), sceneY(at.position.upM), sceneZ(at.position.northM));
  }, [marker, at]);

  // People labelled: under an order, or selected on the wall; cut machines with their cause.
  const selected = wall.selectedDeviceId;
  const labelled = personPlaces(mine.mine.miners, mine.people, (id) => wall.live.get(id)).filter((p) => p.state !== 'working' || p.tagDeviceId === selected);
  const cut = mine.power ? cutMachines(mine.power.machines) : [];
  const equipment = new Map(mine.mine.equipment.map((e) => [e.id, e]));
  const lift = scene.markerSizeM * 1.2;
  const labels: TwinLabel[] = [
    ...cut.flatMap((m): TwinLabel[] => {
      const e = equipment.get(m.equipmentId);
      if (!e) return [];
      const state = machinePower(m);
      const look = POWER_LOOK[state];
      return [{
        key: `machine-${m.equipmentId}`,
        text: `${look.glyph} ${locale === 'zh-CN' ? m.name.zh : m.name.en} · ${t(look.key)}${m.heldBy[0] ? ` · ${cutCauseText(m.heldBy[0])}` : ''}`,
        rgb: look.rgb, priority: 10, data: { 'twin-machine': m.equipmentId, power: state },
        at: (out) => (out.set(sceneX(e.position.eastM), sceneY(e.position.upM) + lift, sceneZ(e.position.northM)), true),
      }];
    }),
    ...labelled.map((p): TwinLabel => ({
      key: `person-${p.personId}`,
      text: `${PERSON_LOOK[p.state].glyph} ${p.name} · ${t(PERSON_LOOK[p.state].key)}`,
      rgb: PERSON_LOOK[p.state].rgb,
      priority: p.tagDeviceId === selected ? 20 : PERSON_PRIORITY[p.state],
      data: { 'twin-person': p.personId, 'person-state': p.state },
      at: (out) => {
        const v = wallRef.current.live.get(p.tagDeviceId)?.reading.values;
        const here = v && Number.isFinite(v.east_m) && Number.isFinite(v.north_m) && Number.isFinite(v.up_m) ? { eastM: v.east_m!, northM: v.north_m!, upM: v.up_m! } : p.position;
        out.set(sceneX(here.eastM), sceneY(here.upM) + lift, sceneZ(here.northM));
        return true;
      },
    })),
  ];
  void tick;

  return (
    <>
      <primitive object={group} />
      <primitive object={marker} />
      <ScreenLabels labels={labels} />
    </>
  );
}

/** Who is labelled first when names would overlap: those needing attention before those on their way. */
const PERSON_PRIORITY: Readonly<Record<PersonState, number>> = { 'no-route': 9, paged: 8, acknowledged: 7, withdrawing: 6, safe: 2, working: 1 };
