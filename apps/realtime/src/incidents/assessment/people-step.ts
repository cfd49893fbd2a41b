// "Who goes where?" and the doses: every occupied building and equipment item (the shift's
// occupancy) and every tagged person, sheltered or evacuated under the forecast field by
// planEvacuation (twin-models), as the view lists them; tagged people's doses along their tracks.
import type { DoseExceedanceView, EvacuationAssessmentView, EvacuationGroupView, SiteName } from '@safetwin/protocol';
import { aeglExceedances, doseAlongTrack, parkEvacuationGroups, planEvacuation, type ConcentrationField, type ExposureLevels, type PersonDose } from '@safetwin/twin-models';
import type { AssessmentSite, PersonTrack } from './assessment-input.ts';
import { bothForms, sitePlace } from './site-place.ts';

/** How far ahead the people plan reads the forecast, s (the AEGLs' 60-min duration). */
export const PEOPLE_HORIZON_S = 3600;

/** Shelter or evacuate every group at `nowS` (s after the release began). */
export function assessEvacuation(site: AssessmentSite, shift: 'day' | 'night', people: readonly PersonTrack[], field: ConcentrationField, exposure: ExposureLevels, nowS: number): EvacuationAssessmentView {
  const tagged = people.flatMap((p) => {
    const last = p.positions.at(-1);
    return last ? [{ id: p.id, position: { eastM: last.eastM, northM: last.northM } }] : [];
  });
  const groups = parkEvacuationGroups(site, { shift, people: tagged });
  const plan = planEvacuation({ roads: site.roads, assemblyPoints: site.assemblyPoints, groups, concentrationPpm: field, levels: exposure, nowS, horizonS: PEOPLE_HORIZON_S });
  const names = new Map<string, SiteName>([...site.buildings, ...site.equipment].map((x): [string, SiteName] => [x.id, x.name]));
  const personLabels = new Map(people.map((p) => [p.id, p.label]));
  const byId = new Map(site.assemblyPoints.map((a) => [a.id, a]));
  return {
    assemblyPoints: plan.assemblyPoints.map((p) => {
      const ap = byId.get(p.id)!;
      return {
        id: p.id, label: ap.name.en, name: ap.name, place: sitePlace(site.origin, ap.position),
        usable: p.usable, reason: p.usable ? '' : p.reason, reasonText: p.reasonText, capacityPersons: p.capacityPersons, assignedPersons: p.assignedPersons,
      };
    }),
    groups: plan.groups.map((g): EvacuationGroupView => {
      const path = g.route ? bothForms(site.origin, g.route.polyline) : null;
      const name = names.get(g.groupId);
      return {
        id: g.groupId, kind: g.kind, label: name?.en ?? personLabels.get(g.groupId) ?? g.groupId, ...(name ? { name } : {}), persons: g.persons, decision: g.decision, reason: g.reason, priority: g.priority,
        zoneArrivesS: g.zoneArrivesS === null ? null : Math.max(0, g.zoneArrivesS - nowS),
        route: g.route && path ? { assemblyPointId: g.route.assemblyPointId, etaS: g.route.etaS, lengthM: g.route.distanceM, pathLonLat: path.lonLat, pathEnu: path.enu } : null,
      };
    }),
  };
}

/**
 * Tagged people whose toxic load along their recent track (the forecast field read where and when
 * they were; Haber's rule, n = 1) passed an AEGL level: aeglExceedances at the 60-min levels.
 */
export function assessDoses(people: readonly PersonTrack[], field: ConcentrationField, exposure: ExposureLevels, releaseStartMs: number, nowMs: number): DoseExceedanceView[] {
  const labels = new Map(people.map((p) => [p.id, p.label]));
  const doses: PersonDose[] = [];
  for (const p of people) {
    const track = p.positions.map((q) => ({ tS: (q.tMs - releaseStartMs) / 1000, eastM: q.eastM, northM: q.northM }));
    const d = doseAlongTrack(p.id, track, field);
    if (d) doses.push(d);
  }
  const over = aeglExceedances(doses, exposure);
  const levelPpm = { 1: exposure.aegl1Ppm, 2: exposure.aegl2Ppm, 3: exposure.aegl3Ppm } as const;
  const loadOf = new Map(doses.map((d) => [d.personId, d.toxicLoad]));
  return [...over.aegl3, ...over.aegl2, ...over.aegl1].map((e) => ({
    personId: e.personId,
    label: labels.get(e.personId) ?? e.personId,
    level: `aegl-${e.level}`,
    // Toxic load over the level's Lⁿ·D (n = 1, D = 60 min: aeglExceedances' defaults).
    fraction: loadOf.get(e.personId)! / (levelPpm[e.level]! * 3600),
    at: nowMs,
  }));
}
