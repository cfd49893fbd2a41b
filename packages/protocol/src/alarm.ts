import { z } from 'zod';

/** ISA-18.2 alarm states, as the API names them. */
export const ALARM_STATES = ['normal', 'unacknowledged', 'acknowledged', 'rtn-unacknowledged', 'shelved', 'suppressed', 'out-of-service'] as const;
export type AlarmStateName = (typeof ALARM_STATES)[number];

/** Alarm priorities (ISA-18.2 §10; target mix roughly 5 % high, 15 % medium, 80 % low). */
export const ALARM_PRIORITIES = ['high', 'medium', 'low'] as const;
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];

/** An alarm as the API and the walls see it. */
export interface AlarmView {
  /** `${siteId}/${deviceId}/${metric}/${kind}`: one alarm point, stable across restarts. */
  id: string;
  siteId: string;
  enterpriseId: string | null;
  deviceId: string;
  metric: string;
  /** `high`, `high-high`, `low`, `low-low`. */
  kind: string;
  /** The seed's response level: 1 red (explosion precursor), 2 orange (gas over limit), 3 yellow (equipment anomaly), 4 blue (advisory). */
  level: 1 | 2 | 3 | 4;
  priority: AlarmPriority;
  state: AlarmStateName;
  /** Whether the process condition is abnormal now (also while shelved or suppressed). */
  processActive: boolean;
  /**
   * The process value when the alarm last changed: at its latest activation while `processActive`,
   * at its return to normal after; kept from before when that transition carried none (null if none
   * ever did). Neither the live value nor a peak (the hub keeps no peak).
   */
  value: number | null;
  setpoint: number | null;
  /** Activations of this alarm point, repeats included. */
  count: number;
  /** Epoch ms of the latest activation, or null if never raised. */
  raisedAt: number | null;
  updatedAt: number;
  shelvedUntil: number | null;
  /**
   * The alarm group (one cause: same site, unit and time window, related sensors) this
   * activation belongs to, or null when it stands alone. A leak that trips thirty detectors
   * is one group with one first-out alarm.
   */
  groupId: string | null;
  /** Whether this alarm was the first of its group to go off (the one operators are notified of). */
  firstOut: boolean;
  /** The response the seed's level demands of this activation (level 2: emergency plan in 30 min; level 3: rectification plan in 2 h), or null. */
  response: AlarmResponseView | null;
}

/** Who must act on a graded response; a missed deadline escalates enterprise → park → government. */
export const RESPONSE_TIERS = ['enterprise', 'park', 'government'] as const;
export type ResponseTier = (typeof RESPONSE_TIERS)[number];

/** What the seed's response levels ask for, with its deadline. */
export interface AlarmResponseView {
  /** `emergency-plan` (level 2, 30 min), `rectification-plan` (level 3, 2 h), `shutdown` (level 1, automatic). */
  kind: 'emergency-plan' | 'rectification-plan' | 'shutdown';
  /** Epoch ms the current tier must confirm by (null for `shutdown`). */
  dueAt: number | null;
  /** Who is answerable now. */
  tier: ResponseTier;
  /** Deadlines missed so far (each one escalated a tier). */
  escalations: number;
  confirmedAt: number | null;
  confirmedBy: string | null;
  /** The confirmation's note (and photo reference, if any). */
  note: string | null;
}

/** One recorded transition: who, when, why. */
export interface AlarmTransitionView {
  at: number;
  event: string;
  fromState: AlarmStateName;
  toState: AlarmStateName;
  actor: string;
  reason: string | null;
  value: number | null;
}

/** Body of `POST /alarms/:id/shelve`. */
export const ShelveRequestSchema = z.strictObject({
  minutes: z.number().int().min(1).max(7 * 24 * 60),
  reason: z.string().min(3).max(500),
});
/** Body of `/out-of-service` (and optional on other actions). */
export const AlarmReasonSchema = z.strictObject({ reason: z.string().min(3).max(500) });

/**
 * The alarm load one operator's view of a site carries (ISA-18.2 / EEMUA 191: a flood is
 * more than 10 alarms in 10 minutes for one operator). Sent as `alarm-load` whenever it
 * changes and in the subscribe answer; the wall shows a flood banner while `flooding`.
 */
export interface AlarmLoadView {
  siteId: string;
  /** Operator notifications (first-out alarms and ungrouped alarms) in the last 10 minutes. */
  notificationsLast10Min: number;
  /** Raw activations in the last 10 minutes (what a naive system would have shown). */
  activationsLast10Min: number;
  /** Alarms not `normal` (the standing list). */
  standing: number;
  flooding: boolean;
  /** Epoch ms the current flood began, or null. */
  floodSince: number | null;
  asOfMs: number;
}
