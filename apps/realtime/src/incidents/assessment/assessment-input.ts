// The input of one incident assessment: plain data (structured-cloned to a sim worker thread),
// gathered by the hub from the site description, the recent readings and the incident.
import type { IncidentAssessmentView, IncidentOrigin, IncidentView } from '@safetwin/protocol';
import type { SourceFlowMeter, WindSample } from '@safetwin/sim';
import type { ChemicalPark } from '@safetwin/twin-models';

/** What an assessment is about: the incident as the scheduler knows it. */
export interface AssessmentSubject {
  id: string;
  siteId: string;
  /** Plume-engine library key, or null when nobody named it yet (the hit detectors tell). */
  chemical: string | null;
  origin: IncidentOrigin;
  declared: IncidentView['declared'];
  firstAlarmAt: number | null;
  createdAt: number;
  /** Detectors whose alarms joined the incident. */
  alarmDeviceIds: string[];
  /** Valves being carried out: when isolation was decided and which valves, for the release profile. */
  isolation: { decidedAt: number; valveIds: string[] } | null;
  /** The incident's latest assessment (reused when nothing changed). */
  previous: IncidentAssessmentView | null;
}

/** The parts of a chemical park an assessment reads. */
export type AssessmentSite = Pick<ChemicalPark, 'id' | 'origin' | 'equipment' | 'pipes' | 'roads' | 'assemblyPoints' | 'buildings'>;

/** One gas detector and its readings of the source-estimation window. */
export interface DetectorInput {
  id: string;
  position: { eastM: number; northM: number; upM: number };
  unit: 'ppm' | '%LEL';
  /** The gas of a ppm detector (library key); absent for %LEL detectors (they see every flammable). */
  gas?: string;
  /** `[tMs, value]` in `unit`, zeros included. */
  readings: [number, number][];
  /** Below it a reading means "no gas", in `unit`. */
  detectionLimit: number;
  /** Range top, in `unit`. */
  saturation: number;
}

/**
 * A flow transmitter on a pipe segment and its readings, kg/s (process evidence of where the leak is): as the estimator
 * takes it (`untilMs`: isolation was decided, valves move), with the segment it measures.
 */
export interface FlowMeterInput extends SourceFlowMeter {
  pipeSegmentId: string;
  /** `[tMs, value]`, the last 20 min. */
  readings: [number, number][];
}

/** A tagged person's recent positions, metres east/north of the site origin. */
export interface PersonTrack {
  id: string;
  label: string;
  positions: { tMs: number; eastM: number; northM: number }[];
}

/** Everything `assessIncident` needs; `nowMs` is the time of the assessment. */
export interface AssessmentInput {
  seq: number;
  nowMs: number;
  site: AssessmentSite;
  /** Which occupancy figures apply now. */
  shift: 'day' | 'night';
  detectors: DetectorInput[];
  /** Flow transmitters of the park's pipe segments. */
  flowMeters: FlowMeterInput[];
  /** The weather stations' wind history (newest last), stability already derived per sample. */
  wind: WindSample[];
  /** Air temperature of the newest station sample, K (null: none). */
  airTempK: number | null;
  /** Tagged people on the site (none on a park without tags). */
  people: PersonTrack[];
  subject: AssessmentSubject;
}
