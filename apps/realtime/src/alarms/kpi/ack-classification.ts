import { z } from 'zod';

/** How an operator classifies an activation when acknowledging it (the seed's monthly false-alarm analysis). */
export const ACK_CLASSIFICATIONS = ['false', 'real'] as const;
export type AckClassification = (typeof ACK_CLASSIFICATIONS)[number];

/**
 * The words that open the reason of a classified acknowledgement in the audit trail
 * (alarm_events.reason): `classified false alarm` or `classified real alarm`, then `: <reason>`
 * when the operator gave one. The KPIs count false alarms by this prefix.
 */
export const CLASSIFICATION_PREFIX: Record<AckClassification, string> = { false: 'classified false alarm', real: 'classified real alarm' };

/** Body of `POST /alarms/:id/ack` (optional: no body — which Fastify hands over as null — is a plain acknowledgement). */
export const AckRequestSchema = z
  .strictObject({
    classification: z.enum(ACK_CLASSIFICATIONS).describe('`false`: the activation was a false alarm; `real`: it was not'),
    reason: z.string().trim().min(3).max(500).optional().describe('why, in the operator’s words'),
  })
  .nullish();
export type AckRequest = z.infer<typeof AckRequestSchema>;

/** The reason an acknowledgement records: the classification and the operator's words, or null for a plain one. */
export function ackReason(body: AckRequest): string | null {
  if (!body) return null;
  const prefix = CLASSIFICATION_PREFIX[body.classification];
  return body.reason ? `${prefix}: ${body.reason}` : prefix;
}
