import type { Site } from '@safetwin/twin-models';

/** A point of interest as the engine's assessment takes it: metres east/north of the SOURCE. */
export interface SitePoint {
  id: string;
  label: string;
  eastM: number;
  northM: number;
}

/** The engine takes at most this many points (assessmentScenarioSchema); the nearest to the source are kept. */
export const MAX_ASSESSMENT_POINTS = 500;

interface Candidate {
  kind: string;
  id: string;
  label: string;
  at: { eastM: number; northM: number };
}

/** Where people gather or may be: what a chemical park describes. */
function parkCandidates(site: Extract<Site, { kind: 'chemical-park' }>, sourceEquipmentId: string | undefined): Candidate[] {
  return [
    ...site.assemblyPoints.map((a) => ({ kind: 'assembly-point', id: a.id, label: `${a.name.en} (${a.capacityPersons} persons)`, at: a.position })),
    ...site.buildings
      .filter((b) => b.occupancy.dayPersons + b.occupancy.nightPersons > 0)
      .map((b) => ({ kind: 'building', id: b.id, label: `${b.name.en} (${b.occupancy.dayPersons} by day / ${b.occupancy.nightPersons} by night)`, at: b.position })),
    ...site.gates.map((g) => ({ kind: 'gate', id: g.id, label: g.name.en, at: g.position })),
    // Control rooms, and other equipment where people usually are (warehouses, loading bays); never the source itself.
    ...site.equipment
      .filter((e) => e.id !== sourceEquipmentId && (e.kind === 'control-room' || e.occupancy !== undefined))
      .map((e) => ({ kind: e.kind === 'control-room' ? 'control-room' : 'occupied-equipment', id: e.id, label: `${e.name.en} (${e.kind})`, at: e.position })),
  ];
}

/**
 * What a mine exposes to an atmospheric release: the collars of its intake shafts (air flows
 * down from the surface node), where a surface plume is drawn underground. Refuge chambers and
 * other underground places are not points of a surface plume model and are left out.
 */
function mineCandidates(site: Extract<Site, { kind: 'coal-mine' }>): Candidate[] {
  const nodes = new Map(site.roadways.nodes.map((n) => [n.id, n]));
  return site.roadways.edges.flatMap((r) => {
    const top = nodes.get(r.from);
    const bottom = nodes.get(r.to);
    if (r.kind !== 'shaft' || !top || !bottom || top.position.upM <= bottom.position.upM || r.airflowM3S <= 0) return [];
    return [{ kind: 'intake-shaft', id: r.id, label: `intake shaft collar of ${r.name.en} (${r.airflowM3S} m³/s drawn in)`, at: top.position }];
  });
}

/**
 * The site's points of interest for an assessment, relative to the source, nearest first and
 * at most {@link MAX_ASSESSMENT_POINTS}; ids are `<kind>:<site id>` so they never collide.
 * `counts` says how many of each kind were kept.
 */
export function sitePoints(site: Site, source: { equipmentId?: string; eastM: number; northM: number }): { points: SitePoint[]; counts: Record<string, number> } {
  const candidates = site.kind === 'chemical-park' ? parkCandidates(site, source.equipmentId) : mineCandidates(site);
  const all = candidates.map((c) => ({
    kind: c.kind,
    point: { id: `${c.kind}:${c.id}`, label: c.label, eastM: c.at.eastM - source.eastM, northM: c.at.northM - source.northM },
  }));
  all.sort((a, b) => Math.hypot(a.point.eastM, a.point.northM) - Math.hypot(b.point.eastM, b.point.northM));
  const kept = all.slice(0, MAX_ASSESSMENT_POINTS);
  const counts: Record<string, number> = {};
  for (const k of kept) counts[k.kind] = (counts[k.kind] ?? 0) + 1;
  return { points: kept.map((k) => k.point), counts };
}
