'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { lonLatToEnu } from '@safetwin/twin-models';
import { sourcePosition, type AssessmentRequest, type AssessmentView, type ReleaseFormValues, type ReleaseSource } from '../../live/sim-run.ts';
import type { SimRunFeed } from '../../live/sim-run-feed.ts';
import { useWall } from '../../wall/WallContext.tsx';
import { PlumePlayback } from '../twin/plume-field-timing.ts';
import { nearestEquipment, sourceEquipment, type SourceEquipment } from './release-format.ts';
import { ReleaseMapOverlay } from './ReleaseMapOverlay.tsx';
import { useReleaseRun, type ReleaseRunState } from './use-release-run.ts';

/** What the twin and the plan draw of a finished run. */
export interface ShownRelease {
  result: AssessmentView;
  /** The source, metres east/north of the site origin. */
  source: { eastM: number; northM: number };
  playback: PlumePlayback;
}

/** The release feature's state, shared by the form, the result card, the plan, the twin and the timeline. */
export interface ReleaseState {
  /** The user may model releases here (commander or drill planner, on a chemical park). */
  allowed: boolean;
  drill: boolean;
  open: boolean;
  setOpen(open: boolean): void;
  form: ReleaseFormValues;
  setForm(update: (form: ReleaseFormValues) => ReleaseFormValues): void;
  equipment: SourceEquipment[];
  /** Picking a source on the plan: which kind a click makes, or null when not picking. */
  picking: ReleaseSource['kind'] | null;
  setPicking(kind: ReleaseSource['kind'] | null): void;
  /** A click on the plan while picking, lon/lat degrees. */
  pickAt(lonLat: [number, number]): void;
  /** Equipment picked by id (a click in the 3D twin while picking equipment). */
  pickEquipment(equipmentId: string): void;
  run: ReleaseRunState;
  submit(request: AssessmentRequest): void;
  cancel(): void;
  /** Removes the result from the plan and the twin. */
  clear(): void;
  shown: ShownRelease | null;
}

const ReleaseContext = createContext<ReleaseState | null>(null);

/** The release state; null outside a wall that offers it (the benchmark wall). */
export function useRelease(): ReleaseState | null {
  return useContext(ReleaseContext);
}

/** Roles that may model a release from the wall (the hub refuses the others). */
const MODELLERS = new Set(['commander', 'drill-planner']);

const EMPTY_FORM: ReleaseFormValues = {
  source: null,
  chemical: '',
  sizing: 'rate',
  rateKgS: '',
  holeDiameterMm: '',
  holePhase: 'auto',
  durationMin: '',
  weather: 'live',
  liveStability: null,
  windSpeedMS: '',
  windFromDeg: '',
  stability: '',
};

/** Holds the release feature for one wall; `feed` carries the hub's `sim-run` events. */
export function ReleaseProvider({ feed, children }: { feed: SimRunFeed | null; children: ReactNode }) {
  const wall = useWall();
  const { site, role, token, hubUrl } = wall;
  const allowed = MODELLERS.has(role) && site.kind === 'chemical-park' && feed !== null;
  const equipment = useMemo(() => sourceEquipment(site), [site]);
  const [open, setOpen] = useState(false);
  const [form, setFormState] = useState<ReleaseFormValues>(EMPTY_FORM);
  const [picking, setPicking] = useState<ReleaseSource['kind'] | null>(null);
  const caller = useMemo(() => (hubUrl ? { hubUrl, token } : null), [hubUrl, token]);
  const { state: run, submit, cancel, clear: clearRun } = useReleaseRun(feed, caller);

  const setForm = useCallback((update: (f: ReleaseFormValues) => ReleaseFormValues) => setFormState(update), []);

  const shown = useMemo<ShownRelease | null>(() => {
    if (run.phase !== 'done') return null;
    const at = run.run.context.source;
    if (!at) return null;
    // A steady plume has one frame (tS null): nothing to play.
    const timesS = run.result.grid.frames.map((f) => f.tS ?? 0);
    return { result: run.result, source: { eastM: at.eastM, northM: at.northM }, playback: new PlumePlayback(timesS) };
  }, [run]);

  const chooseEquipment = useCallback((near: SourceEquipment) => {
    setFormState((f) => ({ ...f, source: { kind: 'equipment', equipmentId: near.id }, chemical: near.modellable ? near.chemical : f.chemical }));
    setPicking(null);
  }, []);
  const onTwinPick = useCallback(
    (equipmentId: string) => {
      const eq = picking === 'equipment' ? equipment.find((e) => e.id === equipmentId) : undefined;
      if (eq) chooseEquipment(eq);
    },
    [picking, equipment, chooseEquipment],
  );

  // A click on the plan while picking: the nearest equipment holding a chemical, or the point itself.
  const onPlanPick = useCallback(
    ([lonDeg, latDeg]: [number, number]) => {
      const p = lonLatToEnu(site.origin, { lonDeg, latDeg });
      if (picking === 'equipment') {
        const near = nearestEquipment(equipment, p.eastM, p.northM);
        if (near) chooseEquipment(near);
        return;
      }
      setFormState((f) => ({ ...f, source: { kind: 'point', eastM: Math.round(p.eastM), northM: Math.round(p.northM) }, sizing: 'rate' }));
      setPicking(null);
    },
    [picking, equipment, site.origin, chooseEquipment],
  );
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicking(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  const chosen = useMemo(() => sourcePosition(form.source, equipment), [form.source, equipment]);

  const value = useMemo<ReleaseState>(
    () => ({
      allowed,
      drill: role === 'drill-planner',
      open,
      setOpen,
      form,
      setForm,
      equipment,
      picking,
      setPicking,
      pickAt: onPlanPick,
      pickEquipment: onTwinPick,
      run,
      submit: (request) => void submit(request),
      cancel: () => void cancel(),
      clear: clearRun,
      shown,
    }),
    [allowed, role, open, form, setForm, equipment, picking, onPlanPick, onTwinPick, run, submit, cancel, clearRun, shown],
  );

  return (
    <ReleaseContext value={value}>
      {children}
      {allowed ? <ReleaseMapOverlay shown={shown} chosen={open ? chosen : null} /> : null}
    </ReleaseContext>
  );
}
