'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useFrame } from '@react-three/fiber';
import { Html } from '@react-three/drei/web/Html';
import type { Group } from 'three';
import { sceneX, sceneY, sceneZ, type TwinScene } from '@safetwin/twin-models';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { PERSON_LOOK, POWER_LOOK, cutCauseText, cutMachines, machinePower } from '../../live/mine-format.ts';
import { gasKey, roadwayGas } from '../../live/mine-gas.ts';
import { positionAt } from '../../live/mine-trajectory.ts';
import { rgbCss } from '../../wall/palette.ts';
import { deviceVisual, type WallState } from '../../wall/WallContext.tsx';
import { escapeRoutes, personPlaces } from './mine-draw.ts';
import { buildMineGroup, disposeGroup, trajectoryMarker } from './mine-twin-group.ts';
import type { MineWallState } from './MineProvider.tsx';

/** How often the overlay re-reads the gas and roof states, ms (the wall's clock). */
const STATE_EVERY_MS = 1_000;

/** Label style: large, dark backing, the state's colour; never catches the pointer. */
const LABEL_STYLE = { fontWeight: 800, fontSize: '0.95rem', whiteSpace: 'nowrap', padding: '0.1em 0.45em', borderRadius: 6, background: 'rgba(8, 13, 19, 0.85)', pointerEvents: 'none' } as const;

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

  // People labelled: under an order, or selected on the wall.
  const selected = wall.selectedDeviceId;
  const labelled = personPlaces(mine.mine.miners, mine.people, (id) => wall.live.get(id)).filter((p) => p.state !== 'working' || p.tagDeviceId === selected);
  const cut = mine.power ? cutMachines(mine.power.machines) : [];
  const equipment = new Map(mine.mine.equipment.map((e) => [e.id, e]));
  const lift = scene.markerSizeM * 1.6;
  void tick;

  return (
    <>
      <primitive object={group} />
      <primitive object={marker} />
      {labelled.map((p) => (
        <PersonLabel key={p.personId} wallRef={wallRef} tagDeviceId={p.tagDeviceId} fallback={[sceneX(p.position.eastM), sceneY(p.position.upM) + lift, sceneZ(p.position.northM)]} lift={lift}>
          <span style={{ ...LABEL_STYLE, color: rgbCss(PERSON_LOOK[p.state].rgb), border: `2px solid ${rgbCss(PERSON_LOOK[p.state].rgb)}` }} data-twin-person={p.personId} data-person-state={p.state}>
            {PERSON_LOOK[p.state].glyph} {p.name} · {t(PERSON_LOOK[p.state].key)}
          </span>
        </PersonLabel>
      ))}
      {cut.map((m) => {
        const e = equipment.get(m.equipmentId);
        if (!e) return null;
        const look = POWER_LOOK[machinePower(m)];
        return (
          <Html key={m.equipmentId} position={[sceneX(e.position.eastM), sceneY(e.position.upM) + lift, sceneZ(e.position.northM)]} center zIndexRange={[20, 10]}>
            <span style={{ ...LABEL_STYLE, color: rgbCss(look.rgb), border: `2px solid ${rgbCss(look.rgb)}` }} data-twin-machine={m.equipmentId} data-power={machinePower(m)}>
              {look.glyph} {locale === 'zh-CN' ? m.name.zh : m.name.en} · {t(look.key)}
              {m.heldBy[0] ? ` · ${cutCauseText(m.heldBy[0])}` : ''}
            </span>
          </Html>
        );
      })}
    </>
  );
}

/** A label that follows a tag's live position every frame. */
function PersonLabel({ wallRef, tagDeviceId, fallback, lift, children }: { wallRef: RefObject<WallState>; tagDeviceId: string; fallback: [number, number, number]; lift: number; children: React.ReactNode }) {
  const ref = useRef<Group>(null);
  useFrame(() => {
    const v = wallRef.current.live.get(tagDeviceId)?.reading.values;
    if (!ref.current || !v || !Number.isFinite(v.east_m) || !Number.isFinite(v.north_m) || !Number.isFinite(v.up_m)) return;
    ref.current.position.set(sceneX(v.east_m!), sceneY(v.up_m!) + lift, sceneZ(v.north_m!));
  });
  return (
    <group ref={ref} position={fallback}>
      <Html center zIndexRange={[20, 10]}>
        {children}
      </Html>
    </group>
  );
}
