import { z } from 'zod';
import type { AlarmView, FireBrigadeBrief, IncidentState } from '@safetwin/protocol';

/** Graded-response events a hook may ask for (alarms/response/response-events.ts). */
export const RESPONSE_EVENT_TYPES = ['response-due', 'response-escalated', 'response-confirmed', 'shutdown-commanded', 'shutdown-completed', 'shutdown-failed'] as const;

/** Incident events a hook may ask for (incidents/actions: the fire-brigade brief). */
export const INCIDENT_EVENT_TYPES = ['fire-brigade'] as const;
/** One of {@link INCIDENT_EVENT_TYPES}. */
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];

/** Which events a hook wants. */
export const WebhookEventsSchema = z.strictObject({
  /** Raised alarms; null for none. */
  alarmRaised: z
    .strictObject({
      /** Only the activations that notify the hook's scope (first-out, ungrouped, more severe), not every detector of a flood. @defaultValue true */
      firstOutOnly: z.boolean().default(true),
      /** Only alarms of this level or more severe (1 red … 4 blue). @defaultValue 4 (all) */
      maxLevel: z.number().int().min(1).max(4).default(4),
    })
    .nullable()
    .default({ firstOutOnly: true, maxLevel: 4 }),
  /** Graded-response events: deadlines, escalations (enterprise → park → government), confirmations, shutdowns. @defaultValue ['response-escalated'] */
  responses: z.array(z.enum(RESPONSE_EVENT_TYPES)).max(RESPONSE_EVENT_TYPES.length).default(['response-escalated']),
  /** Incident events: `fire-brigade` (the brief for the fire brigade, `incident.fire-brigade`). @defaultValue [] */
  incidents: z.array(z.enum(INCIDENT_EVENT_TYPES)).max(INCIDENT_EVENT_TYPES.length).default([]),
});
/** Parsed {@link WebhookEventsSchema}; `incidents` is absent on hooks stored before incident events existed (read as none). */
export type WebhookEvents = Omit<z.infer<typeof WebhookEventsSchema>, 'incidents'> & { incidents?: IncidentEventType[] };

/** Body of `POST /webhooks`. */
export const CreateWebhookSchema = z.strictObject({
  /** The site (park and government tiers; an officer's hook is always on their own enterprise's site). */
  siteId: z.string().min(1).max(64).optional(),
  url: z
    .string()
    .max(2000)
    .url()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { message: 'url must be http or https' }),
  /** The signing secret; generated (and shown once) when absent. */
  secret: z.string().min(16).max(200).optional(),
  events: WebhookEventsSchema.default({ alarmRaised: { firstOutOnly: true, maxLevel: 4 }, responses: ['response-escalated'], incidents: [] }),
});

/** Who owns a hook: an enterprise, the park, the government. */
export type WebhookTier = 'enterprise' | 'park' | 'government';

/** A hook as the API shows it (never its secret). */
export interface WebhookView {
  id: string;
  siteId: string;
  /** The enterprise whose alarms it receives; null for a site-wide hook. */
  enterpriseId: string | null;
  tier: WebhookTier;
  url: string;
  events: WebhookEvents;
  createdBy: string;
  createdAt: number;
  /** When it was removed (its deliveries stay readable); null while in use. */
  deletedAt: number | null;
}

/** A hook with its secret (in the hub only). */
export interface Webhook extends WebhookView {
  secret: string;
}

/** One delivery attempt as recorded. */
export interface WebhookDeliveryView {
  eventId: string;
  event: string;
  alarmId: string | null;
  attempt: number;
  statusCode: number | null;
  /** A generic error class: `http-<status>`, `timeout`, `connection-failed`, `tls-failure`, `dns-failure`, `address-not-allowed`, `gave-up`. */
  error: string | null;
  /** `delivered`, `failed` (tried again later) or `gave-up` (terminal: no more tries); null on rows from before outcomes were kept. */
  outcome: 'delivered' | 'failed' | 'gave-up' | null;
  at: number;
}

/** The JSON a receiver gets (signed: `X-SafeTwin-Signature: sha256=<HMAC-SHA256(secret, body)>`). */
export interface WebhookPayload {
  /** The event's id: the same on every attempt, so receivers can drop duplicates. */
  id: string;
  /** `alarm.raised`, or `alarm.<response event>` (e.g. `alarm.response-escalated`). */
  event: string;
  siteId: string;
  /** The hook's enterprise, null for a site-wide hook. */
  enterpriseId: string | null;
  /** Epoch ms the event happened. */
  at: number;
  /** Epoch ms this attempt was sent (also in `X-SafeTwin-Timestamp`): reject old ones to stop replays. */
  sentAt: number;
  alarm: AlarmView;
  /** Details of a response event (tier escalated from, valves, who confirmed …). */
  detail?: Record<string, unknown>;
}

/** The JSON a receiver gets for an incident event (signed like {@link WebhookPayload}). */
export interface IncidentWebhookPayload {
  /** The event's id: the same on every attempt. */
  id: string;
  /** `incident.<incident event>`, e.g. `incident.fire-brigade`. */
  event: string;
  siteId: string;
  /** The hook's enterprise, null for a site-wide hook. */
  enterpriseId: string | null;
  at: number;
  sentAt: number;
  incident: { id: string; title: string; state: IncidentState; level: 1 | 2 | null; drill: boolean };
  brief: FireBrigadeBrief;
}

/** Any payload a hook gets. */
export type AnyWebhookPayload = WebhookPayload | IncidentWebhookPayload;
/** A payload as queued and kept in the outbox (without the attempt's `sentAt`). */
export type UnsentWebhookPayload = Omit<WebhookPayload, 'sentAt'> | Omit<IncidentWebhookPayload, 'sentAt'>;
