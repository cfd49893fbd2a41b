// Incidents for tests and for building the wall's incident views before (or without) a hub: a
// chlorine leak at the demo park's liquid chlorine sphere, with the real park's places (equipment,
// assembly points, buildings, gates) and the real isolation plan of twin-models; the threat zones
// and routes are simple test geometry (downwind ellipses, straight walks), not a forecast.
import { hubText, type IncidentAssessmentView, type IncidentDetailView, type IncidentView, type SitePlace, type ThreatZoneView } from '@safetwin/protocol';
import { buildChemicalPark, enuToLonLat, parseSite, planIsolation, type ChemicalPark } from '@safetwin/twin-models';

/** The demo park, parsed once. */
export const FIXTURE_PARK = parseSite(buildChemicalPark()) as ChemicalPark;
/** The leaking item of the fixture: liquid chlorine sphere 1. */
export const FIXTURE_SOURCE_ID = 'CP-E1-TK-01';

/** A place on the demo park from site metres. */
export function parkPlace(eastM: number, northM: number): SitePlace {
  const p = enuToLonLat(FIXTURE_PARK.origin, { eastM, northM, upM: 0 });
  return { eastM, northM, lonLat: [p.lonDeg, p.latDeg] };
}

/** An ellipse of `lengthM` × `widthM` starting just upwind of the source and stretching downwind (the wind blows to `toDeg`). */
function downwindRing(source: { eastM: number; northM: number }, toDeg: number, lengthM: number, widthM: number): [number, number][] {
  const a = (toDeg * Math.PI) / 180;
  const ux = Math.sin(a), uy = Math.cos(a);
  const ring: [number, number][] = [];
  for (let k = 0; k < 48; k++) {
    const t = (2 * Math.PI * k) / 48;
    const along = (lengthM / 2) * (1 + Math.cos(t)) - lengthM * 0.05;
    const across = (widthM / 2) * Math.sin(t);
    ring.push([source.eastM + ux * along + uy * across, source.northM + uy * along - ux * across]);
  }
  ring.push(ring[0]!);
  return ring;
}

function zone(level: string, thresholdPpm: number, distanceM: number, widthM: number, source: { eastM: number; northM: number }, toDeg: number, sourceIds: string[]): ThreatZoneView {
  const ringEnu = downwindRing(source, toDeg, distanceM, widthM);
  return { level, thresholdPpm, distanceM, sourceIds, ringEnu, ringLonLat: ringEnu.map(([e, n]) => parkPlace(e, n).lonLat) };
}

/** A full assessment of the fixture leak at `computedAt` (wind from 250°, class D; Cl2 AEGL-3/2/1 = 20/2/0.5 ppm). */
export function fixtureAssessment(computedAt: number, seq = 1): IncidentAssessmentView {
  const park = FIXTURE_PARK;
  const tank = park.equipment.find((e) => e.id === FIXTURE_SOURCE_ID)!;
  const neighbour = park.equipment.find((e) => e.id !== tank.id && e.chemical === 'Cl2')!;
  const src = { eastM: tank.position.eastM, northM: tank.position.northM };
  const windFromDeg = 250, toDeg = windFromDeg + 180 - 360;
  // The tank (82 %) and its neighbour (12 %) are the likely sources together (≥ 90 %): the hub isolates both.
  const targets = [{ kind: 'equipment' as const, id: tank.id }, { kind: 'equipment' as const, id: neighbour.id }];
  const plan = planIsolation(park, targets, { leakRateKgS: 2 });
  const targetIds = targets.map((t) => t.id);
  const alternatives = plan.alternatives.slice(0, 3).map((alt) => ({
    rank: alt.rank,
    minimal: alt.minimal,
    valves: alt.valves.map((v) => ({ valveId: v.valveId, deviceId: v.deviceId, actuation: v.actuation, function: v.function, place: parkPlace(v.position.eastM, v.position.northM), closeTimeS: v.closeTimeS })),
    timeToIsolateS: alt.timeToIsolateS,
    releasedBeforeIsolationKg: alt.releasedBeforeIsolationKg,
    trappedInventoryKg: alt.totalReleaseKg - alt.releasedBeforeIsolationKg,
    totalReleaseKg: alt.totalReleaseKg,
    sideEffects: [],
  }));
  const aps = park.assemblyPoints.map((ap, k) => ({
    id: ap.id,
    label: ap.name.en,
    name: ap.name,
    place: parkPlace(ap.position.eastM, ap.position.northM),
    // The fixture's plume blows east-north-east: the point nearest downwind is not usable.
    usable: k !== 1,
    reason: k !== 1 ? '' : 'under the forecast zone: 2 ppm reached 360 s from now, peak 8.4 ppm',
    reasonText: k !== 1 ? null : hubText('ap.under-forecast', { zonePpm: 2, inS: 360, peakPpm: 8.4 }),
    capacityPersons: ap.capacityPersons,
    assignedPersons: 0,
  }));
  const usable = aps.filter((a) => a.usable);
  const groups = park.buildings.slice(0, 5).map((b, k) => {
    const ap = usable[k % usable.length]!;
    const from = parkPlace(b.position.eastM, b.position.northM);
    const lengthM = Math.hypot(ap.place.eastM - from.eastM, ap.place.northM - from.northM);
    const evacuate = k < 3;
    return {
      id: b.id,
      kind: 'building' as const,
      label: b.name.en,
      name: b.name,
      persons: b.occupancy.dayPersons,
      decision: evacuate ? ('evacuate' as const) : k === 3 ? ('shelter' as const) : ('unaffected' as const),
      reason: evacuate ? 'indoor dose would pass AEGL-2 within 30 min' : k === 3 ? 'indoor dose stays under AEGL-2 for 60 min' : 'outside every zone',
      priority: evacuate ? k + 1 : null,
      zoneArrivesS: evacuate ? 120 + 60 * k : null,
      route: evacuate
        ? { assemblyPointId: ap.id, etaS: Math.round(lengthM / 1.2), lengthM, pathLonLat: [from.lonLat, ap.place.lonLat], pathEnu: [[from.eastM, from.northM], [ap.place.eastM, ap.place.northM]] as [number, number][] }
        : null,
    };
  });
  for (const g of groups) if (g.route) aps.find((a) => a.id === g.route!.assemblyPointId)!.assignedPersons += g.persons;
  return {
    seq,
    computedAt,
    dataUntil: computedAt - 500,
    computeMs: 1_840,
    weather: { windSpeedMS: 3, windFromDeg, stability: 'D', observedAt: computedAt - 4_000 },
    source: {
      discriminating: true,
      reason: null,
      candidates: [
        { id: tank.id, kind: 'equipment', label: tank.name.en, name: tank.name, enterpriseId: tank.enterpriseId, chemical: 'Cl2', place: parkPlace(src.eastM, src.northM), probability: 0.82, rateKgS: 1.9, rateFactor: 1.4, releaseStartMs: computedAt - 95_000 },
        { id: neighbour.id, kind: 'equipment', label: neighbour.name.en, name: neighbour.name, enterpriseId: neighbour.enterpriseId, chemical: 'Cl2', place: parkPlace(neighbour.position.eastM, neighbour.position.northM), probability: 0.12, rateKgS: 3.1, rateFactor: 1.8, releaseStartMs: null },
        { id: 'CP-PS-0001', kind: 'pipe-segment', label: 'pipe CP-N-0002 → CP-N-0003', enterpriseId: tank.enterpriseId, chemical: 'Cl2', place: parkPlace(src.eastM + 4, src.northM - 5), probability: 0.06, rateKgS: 1.2, rateFactor: 2.2, releaseStartMs: null },
      ],
      hitDetectorIds: ['CP-E1-GT-001', 'CP-E1-GT-002', 'CP-E1-GT-003'],
      detectorsUsed: 14,
      chosen: { id: tank.id, kind: 'equipment', place: parkPlace(src.eastM, src.northM), from: 'estimate' },
    },
    isolation: { targets, isolable: plan.isolable, reason: plan.reason, unisolableFeeds: [], alternatives },
    release: { rateKgS: 1.9, startedAt: computedAt - 95_000, endsAt: computedAt + 60_000, totalKg: 480 },
    // The valves isolate the tank and its neighbour together: the zones envelop both sources' (forecastLikely in the hub).
    zones: [zone('aegl-1', 0.5, 2_400, 900, src, toDeg, targetIds), zone('aegl-2', 2, 1_100, 420, src, toDeg, targetIds), zone('aegl-3', 20, 320, 130, src, toDeg, targetIds)],
    evacuation: { assemblyPoints: aps, groups },
    doses: [{ personId: 'CP-P-017', label: 'operator Wang (tag 17)', level: 'aegl-1', fraction: 1.3, at: computedAt - 2_000 }],
    warnings: [],
  };
}

/** An open level-2 incident at the chlorine sphere, first alarm at `firstAlarmAt`, with `overrides`. */
export function fixtureIncident(firstAlarmAt: number, overrides: Partial<IncidentView> = {}): IncidentView {
  const assessment = fixtureAssessment(firstAlarmAt + 6_000);
  const valves = assessment.isolation!.alternatives[0]!.valves.map((v) => ({
    ...v,
    state: v.deviceId ? ('awaiting-confirmation' as const) : ('field-task' as const),
    commandId: null,
    commandedAt: null,
    closedAt: null,
    confirmedAt: null,
    evidence: null,
  }));
  return {
    id: 'inc-fixture-1',
    siteId: FIXTURE_PARK.id,
    enterpriseId: 'CP-E1',
    state: 'responding',
    origin: 'alarm',
    title: 'Cl₂ detected near liquid chlorine sphere 1',
    titleText: hubText('title.detected-near', { chemical: { zh: 'Cl₂', en: 'Cl₂' }, place: FIXTURE_PARK.equipment.find((e) => e.id === FIXTURE_SOURCE_ID)!.name }),
    chemical: 'Cl2',
    level: 2,
    declared: null,
    alarmIds: ['cp-nanjing/CP-E1-GT-001/cl2_ppm/high'],
    alarmGroupIds: ['grp-1'],
    createdAt: firstAlarmAt + 200,
    createdBy: 'system',
    updatedAt: firstAlarmAt + 6_100,
    milestones: { firstAlarmAt, assessedAt: firstAlarmAt + 6_000, valvesCommandedAt: null, isolatedAt: null, fireBrigadeNotifiedAt: null, containedAt: null, closedAt: null },
    assessment,
    valves,
    people: { inZone: 42, evacuating: 118, sheltered: 35, safe: 260 },
    // Its own plant and those of the likely sources (the tank and its neighbour, whose valves are cut off).
    concerns: [...new Set(['CP-E1', ...assessment.source.candidates.slice(0, 2).flatMap((c) => (c.enterpriseId ? [c.enterpriseId] : []))])],
    ...overrides,
  };
}

/** The fixture incident with a short timeline, as `GET /incidents/:id` answers. */
export function fixtureDetail(firstAlarmAt: number, overrides: Partial<IncidentView> = {}): IncidentDetailView {
  const incident = fixtureIncident(firstAlarmAt, overrides);
  return {
    ...incident,
    timeline: [
      { seq: 1, at: firstAlarmAt + 200, kind: 'created', actor: 'system', message: 'Incident opened from a level-2 Cl₂ alarm at CP-E1-GT-001', data: null },
      { seq: 2, at: firstAlarmAt + 300, kind: 'state', actor: 'system', message: 'detected → assessing', data: null },
      { seq: 3, at: firstAlarmAt + 6_000, kind: 'assessment', actor: 'system', message: 'Source: liquid chlorine sphere 1 (82 %); 1 valve to close; 3 groups to evacuate', data: null },
      { seq: 4, at: firstAlarmAt + 6_100, kind: 'valves-proposed', actor: 'system', message: 'Awaiting a commander’s confirmation to close the isolation set', data: null },
    ],
  };
}
