// Test helpers for the incident suites: a hand-made assessment (the shape the assessor returns,
// with one zone, one isolation alternative and one evacuating building), one whose source estimate
// names given candidates, an incident input, and what a wall's socket hears of incidents.
import type { AlarmView, IncidentAssessmentView, IncidentHandoverView, IncidentView } from '@safetwin/protocol';
import type { TestSocket } from '../test-support/test-hub.ts';
import type { NewIncident } from './incident-service.ts';
import { declaredTitle } from './incident-title.ts';

const place = (eastM: number, northM: number) => ({ eastM, northM, lonLat: [118.8 + eastM / 1e5, 32.2 + northM / 1e5] as [number, number] });

/** An assessment numbered `seq`; `complete: false` leaves out the isolation and the evacuation. */
export function sampleAssessment(seq: number, at: number, complete = true): IncidentAssessmentView {
  return {
    seq, computedAt: at, dataUntil: at, computeMs: 120,
    weather: { windSpeedMS: 2, windFromDeg: 90, stability: 'D', observedAt: at },
    source: {
      discriminating: true, reason: null, hitDetectorIds: ['gd-1', 'gd-2'], detectorsUsed: 6,
      candidates: [{ id: 'tank-1', kind: 'equipment', label: 'Chlorine tank 1', enterpriseId: 'ent-a', chemical: 'Cl2', place: place(10, 20), probability: 0.82, rateKgS: 1.5, rateFactor: 1.4, releaseStartMs: at - 60_000 }],
      chosen: { id: 'tank-1', kind: 'equipment', place: place(10, 20), from: 'estimate' },
    },
    isolation: complete
      ? {
          targets: [{ kind: 'equipment', id: 'tank-1' }], isolable: true, reason: 'isolable', unisolableFeeds: [],
          alternatives: [{
            rank: 1, minimal: true, timeToIsolateS: 30, releasedBeforeIsolationKg: 45, trappedInventoryKg: 200, totalReleaseKg: 245, sideEffects: [],
            valves: [{ valveId: 'v-1', deviceId: 'va-1', actuation: 'remote', function: 'esd', place: place(12, 20), closeTimeS: 30 }],
          }],
        }
      : null,
    release: { rateKgS: 1.5, startedAt: at - 60_000, endsAt: at + 30_000, totalKg: 245 },
    zones: [{ level: 'aegl-2', thresholdPpm: 2, distanceM: 800, sourceIds: ['tank-1'], ringLonLat: [[118.8, 32.2], [118.81, 32.2], [118.81, 32.21]], ringEnu: [[0, 0], [800, 0], [800, 100]] }],
    evacuation: complete
      ? {
          assemblyPoints: [
            { id: 'ap-1', label: 'North gate', place: place(0, 900), usable: true, reason: '', capacityPersons: 200, assignedPersons: 40 },
            { id: 'ap-2', label: 'East field', place: place(900, 0), usable: false, reason: 'inside the AEGL-2 zone', capacityPersons: 200, assignedPersons: 0 },
          ],
          groups: [
            { id: 'b-office', kind: 'building', label: 'Office', persons: 40, decision: 'evacuate', reason: 'zone in 4 min', priority: 1, zoneArrivesS: 240, route: { assemblyPointId: 'ap-1', etaS: 300, lengthM: 360, pathLonLat: [[118.8, 32.2], [118.8, 32.209]], pathEnu: [[0, 0], [0, 900]] } },
            { id: 'b-lab', kind: 'building', label: 'Lab', persons: 5, decision: 'shelter', reason: 'indoor dose below AEGL-2', priority: null, zoneArrivesS: 0, route: null },
            { id: 'b-canteen', kind: 'building', label: 'Canteen', persons: 12, decision: 'unaffected', reason: 'outside the zones', priority: null, zoneArrivesS: null, route: null },
          ],
        }
      : null,
    doses: [],
    warnings: [],
  };
}

/** A declared incident's input on `siteId`. */
export function declaredInput(siteId: string, enterpriseId: string | null = 'ent-a'): NewIncident {
  return {
    siteId, enterpriseId, origin: 'declared', ...declaredTitle({ zh: 'Cl₂', en: 'Cl₂' }, { zh: '1号氯罐', en: 'Chlorine tank 1' }, false), chemical: 'Cl2',
    declared: { equipmentId: 'tank-1', place: place(10, 20), rateKgS: 2 }, createdBy: 'commander',
  };
}

/** A level-2 gas alarm view as the engine publishes it. */
export function gasAlarm(siteId: string, deviceId: string, at: number, overrides: Partial<AlarmView> = {}): AlarmView {
  return {
    id: `${siteId}/${deviceId}/cl2_ppm/high`, siteId, enterpriseId: 'ent-a', deviceId, metric: 'cl2_ppm', kind: 'high', level: 2, priority: 'medium',
    state: 'unacknowledged', processActive: true, value: 3.2, setpoint: 1, count: 1, raisedAt: at, updatedAt: at, shelvedUntil: null,
    groupId: null, firstOut: false, response: null, ...overrides,
  };
}

/** An assessment numbered `seq` whose source estimate names these candidates (equipment id, its plant, probability); the rest as {@link sampleAssessment}. */
export function estimateNaming(seq: number, at: number, candidates: readonly { id: string; enterpriseId: string | null; probability: number }[]): IncidentAssessmentView {
  const base = sampleAssessment(seq, at);
  const template = base.source.candidates[0]!;
  return { ...base, source: { ...base.source, candidates: candidates.map((c) => ({ ...template, ...c, label: c.id })) } };
}

/** What a wall hears of incidents, in order: `incident` versions and `incident-handed-over` notices. */
export type IncidentFeedEntry = { kind: 'incident'; incident: IncidentView } | { kind: 'handed-over'; handover: IncidentHandoverView };

/** Records the incident events a socket receives (from now on). */
export function incidentFeed(socket: TestSocket): IncidentFeedEntry[] {
  const feed: IncidentFeedEntry[] = [];
  socket.on('incident', (incident) => feed.push({ kind: 'incident', incident }));
  socket.on('incident-handed-over', (handover) => feed.push({ kind: 'handed-over', handover }));
  return feed;
}
