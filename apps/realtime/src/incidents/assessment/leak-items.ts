// The items of a park that can leak a chemical the plume engine knows: equipment holding one and
// pipe segments carrying one, each with its release point (the candidates of "where is the leak?").
import type { SiteName } from '@safetwin/protocol';
import { findChemical, type SourceCandidate } from '@safetwin/sim';
import type { MeteredLine } from '@safetwin/twin-models';
import { idName, pipeName } from '../site-places.ts';
import type { AssessmentSite } from './assessment-input.ts';

/**
 * Height of the hole above grade for equipment, m: a bottom nozzle or flange — the demo
 * simulator's default for a staged leak (packages/simulator/src/leak/leak-source.ts), capped
 * by the item's height. A pipe segment leaks at its own height, anywhere along its run (its
 * midpoint is where it is shown until an estimate places the leak on it).
 */
export const EQUIPMENT_HOLE_M = 1;

/** A piece of equipment or a pipe segment that can leak. */
export interface LeakItem {
  id: string;
  kind: 'equipment' | 'pipe-segment';
  /** `name.en`. */
  label: string;
  /** Equipment's name, or "pipe A → B" (A, B its ends: equipment names or node ids), in both languages. */
  name: SiteName;
  enterpriseId: string | null;
  /** Plume-engine library key of what it holds. */
  chemical: string;
  /** Release point in plan, m from the site origin. */
  eastM: number;
  northM: number;
  /** Height of the hole above the (flat) site's grade, m. */
  releaseHeightM: number;
  /**
   * A pipe segment: its run from its first node (named `fromLabel`, `fromName` in both languages) to its last, `upM`
   * the pipe's height above grade there; the hole may be anywhere on it, at the pipe's height.
   */
  line?: { from: { eastM: number; northM: number; upM: number }; to: { eastM: number; northM: number; upM: number }; fromLabel: string; fromName: SiteName };
}

/** Every item holding a chemical the engine knows (others cannot be modelled and are left out). */
export function leakItems(site: AssessmentSite): LeakItem[] {
  const out: LeakItem[] = [];
  for (const e of site.equipment) {
    const item = equipmentItem(site, e.id);
    if (item) out.push(item);
  }
  for (const s of site.pipes.segments) {
    const item = segmentItem(site, s.id);
    if (item) out.push(item);
  }
  return out;
}

/** The item `id` (equipment or segment), whatever it holds; `chemical` is the library key or the raw name. */
export function leakItem(site: AssessmentSite, id: string): LeakItem | null {
  return equipmentItem(site, id, true) ?? segmentItem(site, id, true);
}

function equipmentItem(site: AssessmentSite, id: string, anyChemical = false): LeakItem | null {
  const e = site.equipment.find((x) => x.id === id);
  if (!e || e.chemical === null) return null;
  const known = findChemical(e.chemical);
  if (!known && !anyChemical) return null;
  const g = e.geometry;
  const topM = g.shape === 'sphere' ? g.diameterM : g.heightM;
  return {
    id: e.id, kind: 'equipment', label: e.name.en, name: e.name, enterpriseId: e.enterpriseId, chemical: known?.id ?? e.chemical,
    eastM: e.position.eastM, northM: e.position.northM, releaseHeightM: e.position.upM + Math.min(EQUIPMENT_HOLE_M, topM),
  };
}

function segmentItem(site: AssessmentSite, id: string, anyChemical = false): LeakItem | null {
  const s = site.pipes.segments.find((x) => x.id === id);
  if (!s) return null;
  const known = findChemical(s.chemical);
  if (!known && !anyChemical) return null;
  const a = site.pipes.nodes.find((n) => n.id === s.from), b = site.pipes.nodes.find((n) => n.id === s.to);
  if (!a || !b) return null;
  const end = (n: typeof a): SiteName => (n.equipmentId ? site.equipment.find((e) => e.id === n.equipmentId)?.name : undefined) ?? idName(n.equipmentId ?? n.id);
  const from = end(a);
  const name = pipeName(from, end(b));
  return {
    id: s.id, kind: 'pipe-segment', label: name.en, name, enterpriseId: s.enterpriseId, chemical: known?.id ?? s.chemical,
    eastM: (a.position.eastM + b.position.eastM) / 2, northM: (a.position.northM + b.position.northM) / 2,
    releaseHeightM: Math.max(0, (a.position.upM + b.position.upM) / 2),
    // The nodes' own points: plan position and the pipe's height above the (flat) site's grade (a search point below
    // grade is lifted to it: @safetwin/sim searchPoints).
    line: { from: { ...a.position }, to: { ...b.position }, fromLabel: from.en, fromName: from },
  };
}

/**
 * An item as the estimator (@safetwin/sim estimateSource) takes it: a point at grade with its hole's height, or a pipe
 * segment's run the leak may lie anywhere on, with its metered line when it has one (twin-models meteredLine).
 */
export function estimatorCandidate(c: LeakItem, flowLine: MeteredLine | null = null): SourceCandidate {
  return {
    id: c.id, chemical: c.chemical, position: { eastM: c.eastM, northM: c.northM, upM: 0 }, releaseHeightM: c.releaseHeightM,
    ...(c.line ? { line: { from: c.line.from, to: c.line.to } } : {}), ...(c.line && flowLine ? { flowLine } : {}),
  };
}
