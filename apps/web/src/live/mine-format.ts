// How the mine's people, machines and withdrawals read on the wall: each state a colour AND a
// glyph AND a word (the wall's rule), the reason a machine is cut in words, and a withdrawal's
// figures (who is still inside and where, acknowledged or not, safe).
import type { CutCause } from '@safetwin/twin-models';
import { GRADE_RGB, STATE_RGB, type Rgb } from '../wall/palette.ts';
import { formatValue } from './format.ts';
import type { GasState } from './mine-gas.ts';
import type { MachinePowerView, PersonState, PersonView, SitePeopleView, WithdrawalView } from './mine-types.ts';

/** How one state is drawn: colour, a glyph every wall font has, and the message key of its word. */
export interface StateLook<K extends string = string> {
  rgb: Rgb;
  glyph: string;
  key: K;
}

/** Cyan of escape routes and people on their way out (the incident routes' colour, incident-layers.ts). */
export const ROUTE_RGB: Rgb = [63, 193, 217];

/** Each person state: working (white ●), paged and not yet acknowledged (amber ◔), acknowledged (blue ✓), withdrawing (cyan ➜), safe (green ✔), no route (red ✕). */
export const PERSON_LOOK: Readonly<Record<PersonState, StateLook<`person_${PersonState}`>>> = {
  working: { rgb: [232, 238, 244], glyph: '●', key: 'person_working' },
  paged: { rgb: GRADE_RGB.orange, glyph: '◔', key: 'person_paged' },
  acknowledged: { rgb: GRADE_RGB.blue, glyph: '✓', key: 'person_acknowledged' },
  withdrawing: { rgb: ROUTE_RGB, glyph: '➜', key: 'person_withdrawing' },
  safe: { rgb: STATE_RGB.normal, glyph: '✔', key: 'person_safe' },
  'no-route': { rgb: GRADE_RGB.red, glyph: '✕', key: 'person_no-route' },
};

/** Each roadway gas state: power cut (red ◆), alarm (orange ▲), no current value (grey ○), normal (green ●). */
export const GAS_LOOK: Readonly<Record<GasState, StateLook<`gas_${GasState}`>>> = {
  'power-cut': { rgb: GRADE_RGB.red, glyph: '◆', key: 'gas_power-cut' },
  alarm: { rgb: GRADE_RGB.orange, glyph: '▲', key: 'gas_alarm' },
  'no-data': { rgb: STATE_RGB.stale, glyph: '○', key: 'gas_no-data' },
  normal: { rgb: STATE_RGB.normal, glyph: '●', key: 'gas_normal' },
};

/** A machine's power as the wall tells it. */
export type MachinePower = 'cut' | 'cut-failed' | 'cut-locally' | 'powered' | 'no-data';

/** Each machine power state: cut (red ■), cut commanded but not confirmed (red ✕), to be cut locally (orange ▲), powered (green ●), no feedback (grey ○). */
export const POWER_LOOK: Readonly<Record<MachinePower, StateLook<`power_${MachinePower}`>>> = {
  cut: { rgb: GRADE_RGB.red, glyph: '■', key: 'power_cut' },
  'cut-failed': { rgb: GRADE_RGB.red, glyph: '✕', key: 'power_cut-failed' },
  'cut-locally': { rgb: GRADE_RGB.orange, glyph: '▲', key: 'power_cut-locally' },
  powered: { rgb: STATE_RGB.normal, glyph: '●', key: 'power_powered' },
  'no-data': { rgb: STATE_RGB.stale, glyph: '○', key: 'power_no-data' },
};

/** A machine's power state: a standing cut-failed alarm first, then the feedback, then a cut to be made by hand. */
export function machinePower(m: MachinePowerView): MachinePower {
  if (m.cutFailed) return 'cut-failed';
  if (m.powered === 0) return 'cut';
  if (m.cutLocally) return 'cut-locally';
  return m.powered === 1 ? 'powered' : 'no-data';
}

/** Machines the wall lists as cut or to cut: held by the interlock, cut by feedback, or failed; the worst first. */
export function cutMachines(machines: readonly MachinePowerView[]): MachinePowerView[] {
  const order: Readonly<Record<MachinePower, number>> = { 'cut-failed': 0, 'cut-locally': 1, cut: 2, powered: 3, 'no-data': 4 };
  return machines
    .filter((m) => m.heldBy.length > 0 || m.powered === 0 || m.cutFailed)
    .sort((a, b) => order[machinePower(a)] - order[machinePower(b)] || a.equipmentId.localeCompare(b.equipmentId));
}

/** Why a sensor holds a machine cut, in figures: "CM-CH4-001 1.62 % ≥ 1.5 %", or the sensor's fault. */
export function cutCauseText(c: Pick<CutCause, 'sensorId' | 'kind' | 'fault' | 'readingPct' | 'setpointPct'>): string {
  if (c.kind === 'fault') return `${c.sensorId} ${c.fault ?? 'fault'}${c.readingPct === null ? '' : ` (${formatValue(c.readingPct)} %)`}`;
  return `${c.sensorId} ${c.readingPct === null ? '—' : formatValue(c.readingPct)} % ≥ ${formatValue(c.setpointPct)} %`;
}

/** A withdrawal's figures for the panel. */
export interface WithdrawalSummary {
  withdrawal: WithdrawalView;
  /** Its people in the hub's order. */
  people: PersonView[];
  /** Not yet safe. */
  inside: PersonView[];
  /** Acknowledged the page (or walking out, or safe). */
  acknowledged: number;
  safe: number;
  /** Still inside, grouped by the roadway they are in now (null: no position), most people first. */
  insideByRoadway: Array<{ roadwayId: string | null; people: PersonView[] }>;
}

/** People who have answered their page: acknowledged, walking out, or already safe. */
const ANSWERED: ReadonlySet<PersonState> = new Set<PersonState>(['acknowledged', 'withdrawing', 'safe']);

/** The figures of each withdrawal in the people view (newest first), counting each person under the order they hold now. */
export function withdrawalSummaries(view: SitePeopleView): WithdrawalSummary[] {
  return view.withdrawals.map((w) => {
    const people = view.people.filter((p) => p.order?.withdrawalId === w.id);
    const inside = people.filter((p) => p.state !== 'safe');
    return {
      withdrawal: w,
      people,
      inside,
      acknowledged: people.filter((p) => ANSWERED.has(p.state)).length,
      safe: people.length - inside.length,
      insideByRoadway: byRoadway(inside),
    };
  });
}

/** Whether a withdrawal still has people inside. */
export function isActive(s: WithdrawalSummary): boolean {
  return s.inside.length > 0;
}

/** Everyone under an order the wall is tracking: the active withdrawals (newest first) and their people together. */
export interface WithdrawalOverview {
  active: WithdrawalSummary[];
  /** Withdrawals with nobody left inside (done, or nobody was in the area). */
  done: number;
  people: PersonView[];
  inside: PersonView[];
  acknowledged: number;
  safe: number;
  insideByRoadway: WithdrawalSummary['insideByRoadway'];
}

/**
 * The figures over every active withdrawal (several run at once: a methane cut on the face and a
 * CO alarm in the return, or a commander's order on top): who is still inside and where,
 * acknowledged, safe. Null when no withdrawal is active.
 */
export function withdrawalOverview(view: SitePeopleView): WithdrawalOverview | null {
  const summaries = withdrawalSummaries(view);
  const active = summaries.filter(isActive);
  if (active.length === 0) return null;
  const people = active.flatMap((s) => s.people);
  const inside = active.flatMap((s) => s.inside);
  return {
    active,
    done: summaries.length - active.length,
    people,
    inside,
    acknowledged: active.reduce((n, s) => n + s.acknowledged, 0),
    safe: active.reduce((n, s) => n + s.safe, 0),
    insideByRoadway: byRoadway(inside),
  };
}

/** People grouped by the roadway they are in now (null: no position), most people first. */
function byRoadway(people: readonly PersonView[]): WithdrawalSummary['insideByRoadway'] {
  const groups = new Map<string | null, PersonView[]>();
  for (const p of people) groups.set(p.roadwayId, [...(groups.get(p.roadwayId) ?? []), p]);
  return [...groups].map(([roadwayId, list]) => ({ roadwayId, people: list })).sort((a, b) => b.people.length - a.people.length || String(a.roadwayId).localeCompare(String(b.roadwayId)));
}
