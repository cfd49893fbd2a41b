// Incidents (a gas leak in a chemical park, its assessment and the response) as the hub's REST
// API and socket.io `incident` event carry them. Positions are given both in site metres
// (east/north of the site origin, what the 3D twin draws) and as [lon, lat] (the map panel).
import { z } from 'zod';
import type { HubText, SiteName } from './hub-text.ts';

/** Lifecycle: detected → assessing → responding → contained → closed (closed is final). */
export const INCIDENT_STATES = ['detected', 'assessing', 'responding', 'contained', 'closed'] as const;
/** One of {@link INCIDENT_STATES}. */
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** How the incident began: a level-1/2 gas alarm group, a commander's declaration, or a drill planner's staged release. */
export const INCIDENT_ORIGINS = ['alarm', 'declared', 'drill'] as const;
/** One of {@link INCIDENT_ORIGINS}. */
export type IncidentOrigin = (typeof INCIDENT_ORIGINS)[number];

/**
 * A fitted release rate whose ×/÷ 1σ factor reaches this is not pinned by the readings — the issue's own yardstick for
 * a rate, a factor of 2. It happens where every hit is at the top of its range (the readings only bound the rate from
 * below, and the fit then sits at the estimator's prior with its decade of spread): the card gives the rate as its
 * range and the assessment warns that its zones may be too small.
 */
export const RATE_UNPINNED_FACTOR = 2;

/** The 1 σ range, kg/s, of a fitted rate the readings do not pin ({@link RATE_UNPINNED_FACTOR}), or null when they pin it. */
export function unpinnedRateRangeKgS(rateKgS: number, rateFactor: number): { lowKgS: number; highKgS: number } | null {
  return rateFactor >= RATE_UNPINNED_FACTOR ? { lowKgS: rateKgS / rateFactor, highKgS: rateKgS * rateFactor } : null;
}

/** A place on the site: metres east/north of the site origin, and the same as [lon, lat]. */
export interface SitePlace {
  eastM: number;
  northM: number;
  lonLat: [number, number];
}

/** One candidate source of the leak, ranked by how well a plume from it explains the detectors. */
export interface SourceCandidateView {
  /** Equipment or pipe-segment id. */
  id: string;
  kind: 'equipment' | 'pipe-segment';
  /** Human label (equipment name, or "pipe A → B"), in English. */
  label: string;
  /** The label in both languages (absent in assessments stored before the wall was bilingual). */
  name?: SiteName;
  enterpriseId: string | null;
  chemical: string;
  place: SitePlace;
  /** Posterior probability over the candidates, 0..1. */
  probability: number;
  /** Fitted release rate, kg/s, and its ×/÷ 1σ factor (from {@link RATE_UNPINNED_FACTOR} on, the readings do not pin it). */
  rateKgS: number;
  rateFactor: number;
  /** Most likely release start, epoch ms (null: before the window). */
  releaseStartMs: number | null;
  /**
   * A pipe segment: where along it the leak most likely is (`place`), as metres from its first end (`fromLabel`, the
   * start of its label "pipe A → B") and the spread of that distance (1 σ). Null for equipment; absent in assessments
   * stored before the estimate searched along pipes (their place is the segment's middle).
   */
  along?: { fromLabel: string; fromName?: SiteName; distanceM: number; sdM: number } | null;
  /**
   * Height of the hole above grade at `place`, m: the item's hole, or on a pipe its height there (a riser climbs).
   * Absent in assessments stored before the estimate searched a pipe's height (the item's own then).
   */
  releaseHeightM?: number;
}

/** A flow transmitter whose reading moved since before the first gas hit: flow before, and its shift, kg/s. */
export interface FlowShiftView {
  deviceId: string;
  baseKgS: number;
  shiftKgS: number;
}

/** "Where is the leak?" */
export interface SourceAssessmentView {
  /** False when the detectors cannot yet tell the candidates apart (`reason` says why). */
  discriminating: boolean;
  reason: string | null;
  /** `reason` for the wall to word in its language (absent in assessments stored before). */
  reasonText?: HubText | null;
  /** Top candidates, most probable first (at most 5). */
  candidates: SourceCandidateView[];
  hitDetectorIds: string[];
  detectorsUsed: number;
  /**
   * Flow transmitters whose reading moved beyond three times its noise since before the first gas hit — process evidence
   * the estimate weighed with the detectors (a hole in a metered line moves its flow): flow before, and its shift, kg/s.
   * Absent in assessments stored before the estimate used it.
   */
  flowShifts?: FlowShiftView[];
  /** The source the response below is planned for, and where it came from. */
  chosen: { id: string | null; kind: 'equipment' | 'pipe-segment' | 'point'; place: SitePlace; from: 'estimate' | 'declared' };
}

/** One valve of an isolation set. */
export interface IsolationValveView {
  valveId: string;
  /** Actuator to command; null for a manual valve (a field task at `place`). */
  deviceId: string | null;
  actuation: 'remote' | 'manual';
  function: string;
  place: SitePlace;
  /** From decision to shut, s. */
  closeTimeS: number;
}

/** One valve set that isolates the leak, ranked by mass released, then by what else it shuts down. */
export interface IsolationAlternativeView {
  rank: number;
  minimal: boolean;
  valves: IsolationValveView[];
  timeToIsolateS: number;
  releasedBeforeIsolationKg: number;
  trappedInventoryKg: number;
  totalReleaseKg: number;
  /** What else closing these valves shuts down, in words. */
  sideEffects: string[];
  /** `sideEffects` for the wall to word, one per entry (absent from hubs before them). */
  sideEffectTexts?: HubText[];
}

/** "Which valves?" */
export interface IsolationAssessmentView {
  /**
   * The items the valves cut off: the chosen source first, then — while the estimate cannot single
   * it out — the other likely sources (together at least 90 % probable, at most four).
   */
  targets: { kind: 'equipment' | 'pipe-segment'; id: string }[];
  isolable: boolean;
  reason: string;
  /** `reason` for the wall to word (absent from hubs before it). */
  reasonText?: HubText;
  /** Feeds that no valve can cut off (e.g. a pipeline from outside the park). */
  unisolableFeeds: { kind: string; id: string }[];
  /** Best first, at most 3. */
  alternatives: IsolationAlternativeView[];
}

/** The release the forecast uses: the leak rate until isolation completes, then the trapped inventory draining. */
export interface ReleaseView {
  rateKgS: number;
  startedAt: number;
  /** Epoch ms the release stops (null: it cannot be isolated). */
  endsAt: number | null;
  totalKg: number;
}

/** One threat zone of the forecast (a GeoJSON polygon ring of [lon, lat], and the same ring in site metres). */
export interface ThreatZoneView {
  /** `aegl-3` red, `aegl-2` orange, `aegl-1` yellow (or LEL fractions for flammables). */
  level: string;
  thresholdPpm: number;
  /** Farthest reach downwind, m (of the farthest-reaching source's zone, when the ring envelops several). */
  distanceM: number;
  /**
   * The items whose zone of this level the ring covers: the chosen source alone, or several of the
   * likely sources the valves isolate — the ring is then the envelope of their zones (the source is not
   * known to one item; a level only another source's larger release reaches names that one alone);
   * empty for a point source.
   */
  sourceIds: string[];
  ringLonLat: [number, number][];
  ringEnu: [number, number][];
}

/** An assembly point and whether the forecast allows it. */
export interface AssemblyPointView {
  id: string;
  label: string;
  /** The label in both languages (absent in assessments stored before the wall was bilingual). */
  name?: SiteName;
  place: SitePlace;
  usable: boolean;
  /** Why not, in words ('' when usable). */
  reason: string;
  /** Why not, for the wall to word in its language (null when usable; absent in assessments stored before). */
  reasonText?: HubText | null;
  capacityPersons: number;
  assignedPersons: number;
}

/** The order for one group of people (a building's occupants, a tagged person, a crew). */
export interface EvacuationGroupView {
  id: string;
  kind: 'building' | 'person' | 'outdoor-group';
  label: string;
  /** The label in both languages (a building's or item's; absent for a tagged person and in assessments stored before). */
  name?: SiteName;
  persons: number;
  decision: 'evacuate' | 'shelter' | 'unaffected';
  reason: string;
  /** 1 first; null unless evacuating. */
  priority: number | null;
  /** Seconds from the assessment until the zone reaches them, or null. */
  zoneArrivesS: number | null;
  route: { assemblyPointId: string; etaS: number; lengthM: number; pathLonLat: [number, number][]; pathEnu: [number, number][] } | null;
}

/** "Who goes where?" */
export interface EvacuationAssessmentView {
  assemblyPoints: AssemblyPointView[];
  groups: EvacuationGroupView[];
}

/** A tagged person whose collected dose passed an AEGL level. */
export interface DoseExceedanceView {
  personId: string;
  label: string;
  /** Highest level passed: 'aegl-1' | 'aegl-2' | 'aegl-3'. */
  level: string;
  /** Toxic load as a fraction of that level's (1 = reached). */
  fraction: number;
  at: number;
}

/** One assessment: the answers to the three questions, computed together from one data snapshot. */
export interface IncidentAssessmentView {
  /** 1, 2, … per incident. */
  seq: number;
  computedAt: number;
  /** Readings up to this epoch ms were used. */
  dataUntil: number;
  /** Wall time the computation took, ms. */
  computeMs: number;
  weather: { windSpeedMS: number; windFromDeg: number; stability: string; observedAt: number | null };
  source: SourceAssessmentView;
  isolation: IsolationAssessmentView | null;
  release: ReleaseView | null;
  zones: ThreatZoneView[];
  evacuation: EvacuationAssessmentView | null;
  doses: DoseExceedanceView[];
  /** What the assessment could not do or is unsure of, in English (timeline, logs). */
  warnings: string[];
  /** `warnings` for the wall to word, one per warning (assessments stored before they were sent have none). */
  warningTexts?: HubText[];
}

/** Where one valve of the chosen isolation stands. */
export const INCIDENT_VALVE_STATES = ['to-close', 'awaiting-confirmation', 'commanded', 'closed', 'confirmed', 'failed', 'field-task', 'field-done'] as const;
/** One of {@link INCIDENT_VALVE_STATES}. */
export type IncidentValveState = (typeof INCIDENT_VALVE_STATES)[number];

/** A valve of the isolation being carried out. */
export interface IncidentValveView extends IsolationValveView {
  state: IncidentValveState;
  commandId: string | null;
  commandedAt: number | null;
  /** The valve reported itself closed. */
  closedAt: number | null;
  /** Closing was confirmed by a drop in flow or pressure downstream (device and reading in `evidence`). */
  confirmedAt: number | null;
  evidence: string | null;
  /** `evidence` a sentence per part, for the wall to word (null: English only, e.g. a command channel's reason; absent before). */
  evidenceTexts?: HubText[] | null;
}

/** People on the site by where they stand in the response. */
export interface IncidentPeopleView {
  inZone: number;
  evacuating: number;
  sheltered: number;
  safe: number;
}

/** Times of the response's milestones (epoch ms, null until reached): the wall's countdowns start at `firstAlarmAt`. */
export interface IncidentMilestonesView {
  firstAlarmAt: number | null;
  /** First assessment with zones, valves and routes on the wall. */
  assessedAt: number | null;
  valvesCommandedAt: number | null;
  /** Every valve of the chosen set closed (or field-done). */
  isolatedAt: number | null;
  fireBrigadeNotifiedAt: number | null;
  containedAt: number | null;
  closedAt: number | null;
}

/** An incident as the API and the walls see it. */
export interface IncidentView {
  id: string;
  siteId: string;
  enterpriseId: string | null;
  state: IncidentState;
  origin: IncidentOrigin;
  /** In English (timeline, logs, webhooks). */
  title: string;
  /** The title for the wall to word in its language (null on incidents stored before it was sent). */
  titleText: HubText | null;
  chemical: string | null;
  /** Worst alarm level that joined it (1 or 2), or null for a declaration without alarms. */
  level: 1 | 2 | null;
  /** The declared source, when a person named it. */
  declared: { equipmentId: string | null; place: SitePlace | null; rateKgS: number | null } | null;
  alarmIds: string[];
  alarmGroupIds: string[];
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  milestones: IncidentMilestonesView;
  /** The latest assessment, or null before the first. */
  assessment: IncidentAssessmentView | null;
  /** The isolation being carried out (empty until valves are chosen). */
  valves: IncidentValveView[];
  people: IncidentPeopleView;
  /**
   * The plants (enterprise ids) whose safety officers see it: its own, and those of its likely sources
   * and of the items its valves cut off — a plant enters at 10 % and stays while ≥ 5 %.
   */
  concerns: string[];
}

/** Why an incident no longer concerns a plant: its latest source estimate no longer points to it (the plant of the incident itself never loses it). */
export type IncidentHandoverReason = 'source-moved';

/**
 * `incident-handed-over` socket event: the last word a plant's safety officers get about an incident
 * that no longer concerns their plant — no detail, they may no longer see it. `updatedAt` is the
 * incident's version at which it left them: an older version arriving later (a refetch that
 * crossed the event) must not bring it back; a newer one (the source moves back) does.
 */
export interface IncidentHandoverView {
  id: string;
  siteId: string;
  updatedAt: number;
  reason: IncidentHandoverReason;
}

/** One entry of an incident's timeline: every event, decision and command, with who and when. */
export interface IncidentEventView {
  seq: number;
  at: number;
  /** e.g. created, alarm-joined, state, assessment, valves-proposed, valve-commanded, valve-closed, valve-confirmed, valve-failed, field-task, evacuation-order, notification, note. */
  kind: string;
  /** Username, or 'system'. */
  actor: string;
  /** In English (logs, webhooks, a reader without the keys). */
  message: string;
  /** The same sentence as a key with values, for the wall to word in its user's language; absent for what a person typed and for events stored before it. */
  messageText?: HubText | null;
  data: Record<string, unknown> | null;
}

/** `GET /incidents/:id`: the incident and its timeline. */
export interface IncidentDetailView extends IncidentView {
  timeline: IncidentEventView[];
}

const PositionSchema = z.strictObject({
  eastM: z.number().finite().describe('metres east of the site origin'),
  northM: z.number().finite().describe('metres north of the site origin'),
});

/** `POST /incidents`: a commander declares (or a drill planner stages) an incident at a piece of equipment or a point. */
export const DeclareIncidentSchema = z
  .strictObject({
    siteId: z.string().min(1).max(64),
    equipmentId: z.string().min(1).max(64).optional().describe('equipment or pipe segment that leaks'),
    position: PositionSchema.optional(),
    chemical: z.string().min(1).max(32).describe('plume-engine library key, e.g. Cl2, NH3'),
    rateKgS: z.number().positive('rateKgS must be above 0 kg/s').max(1000, 'rateKgS must be at most 1000 kg/s').optional(),
    drill: z.boolean().optional().describe('a drill: no commands reach real valves'),
    note: z.string().max(500).optional(),
  })
  .refine((b) => (b.equipmentId === undefined) !== (b.position === undefined), { message: 'give exactly one of equipmentId or position' });
/** Parsed {@link DeclareIncidentSchema}. */
export type DeclareIncidentRequest = z.infer<typeof DeclareIncidentSchema>;

/** `POST /incidents/:id/state`: a commander marks the incident contained, or closes it. */
export const IncidentStateRequestSchema = z.strictObject({
  state: z.enum(['contained', 'closed']),
  reason: z.string().min(3).max(500),
});

/** `POST /incidents/:id/isolation/confirm`: a commander confirms a valve set (level 2: nothing is commanded before). */
export const ConfirmIsolationSchema = z.strictObject({
  /** Rank of the alternative in the latest assessment. @defaultValue 1 */
  rank: z.number().int().min(1).max(10).optional(),
});

/** `POST /incidents/:id/notes`. */
export const IncidentNoteSchema = z.strictObject({ text: z.string().min(1).max(2000) });

/** A place on the site with a name, for a brief read out over the radio. */
export interface NamedPlaceView {
  id: string;
  label: string;
  /** The label in both languages (absent in briefs of hubs before). */
  name?: SiteName;
  place: SitePlace;
  /** From the release point, m. */
  distanceM: number;
}

/**
 * `GET /incidents/:id/brief`: what the fire brigade needs on the way in (the printable page and
 * the `incident.fire-brigade` webhook carry it): where, what, how much, the zones, the wind, the
 * people, the valves, and an access route for fire engines from a site gate to a staging point
 * outside every zone, upwind of the release.
 */
export interface FireBrigadeBrief {
  incidentId: string;
  siteId: string;
  siteName: string;
  /** The site's name in both languages. */
  siteNames?: SiteName;
  title: string;
  /** The title for the page to word in its language (null on incidents stored before). */
  titleText?: HubText | null;
  /** A drill: nobody is to turn out. */
  drill: boolean;
  level: 1 | 2 | null;
  preparedAt: number;
  /** The release point (the chosen source), the nearest gate and road, in words too. */
  location: {
    label: string;
    /** The chosen source's id and name in both languages (null: a point; absent in briefs of hubs before). */
    itemId?: string | null;
    name?: SiteName | null;
    place: SitePlace;
    nearestGate: NamedPlaceView | null;
    nearestRoad: NamedPlaceView | null;
    description: string;
    /** `description` a part per sentence (the road, the landmark), for the page to word. */
    descriptionTexts?: HubText[];
  };
  /** The chemical and its hazards (plume-engine library: AEGL 60 min, flammability limits). */
  chemical: {
    id: string;
    name: string;
    /** The name in both languages, where the park's chemical list gives the Chinese. */
    names?: SiteName;
    cas: string | null;
    flammable: boolean;
    lelVolPct: number | null;
    /** AEGL-1/2/3 for 60 min exposure, ppm (null: not set, NR). */
    aeglPpm: { aegl1: number | null; aegl2: number | null; aegl3: number | null };
    idlhPpm: number | null;
  } | null;
  /** Release estimate: rate and total, from the latest assessment. */
  release: { rateKgS: number; totalKg: number; startedAt: number; endsAt: number | null } | null;
  /** Zones by level with their downwind reach, m. */
  zones: { level: string; thresholdPpm: number; distanceM: number }[];
  wind: { speedMS: number; fromDeg: number; stability: string } | null;
  people: IncidentPeopleView & { evacuatingGroups: number; shelteringGroups: number };
  valves: { valveId: string; actuation: 'remote' | 'manual'; state: IncidentValveState; place: SitePlace }[];
  /** Fire engines' way in: gate → staging point along the roads; null when no road leads out of the zones. */
  accessRoute: {
    gate: NamedPlaceView;
    staging: NamedPlaceView;
    lengthM: number;
    /** Road names in driving order (`roadNames` in both languages). */
    roads: string[];
    roadNames?: SiteName[];
    pathLonLat: [number, number][];
    pathEnu: [number, number][];
    /** Why this gate and staging point, in words (wind side, distance outside the zones). */
    reason: string;
    reasonText?: HubText;
  } | null;
  warnings: string[];
  /** `warnings` for the page to word, one per warning. */
  warningTexts?: HubText[];
}
