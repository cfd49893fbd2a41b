import { z } from 'zod';

/** What the hub can ask a field gateway to do. */
export const COMMAND_ACTIONS = ['valve.close', 'valve.open', 'power.cut', 'power.restore', 'tag.page'] as const;
export const CommandActionSchema = z.enum(COMMAND_ACTIONS);
export type CommandAction = z.infer<typeof CommandActionSchema>;

/**
 * A page to a miner's tag (`tag.page`): a short text the tag shows and buzzes until its wearer
 * presses acknowledge (the tag then reports `page_ack` = 1). A withdrawal order carries the escape
 * route: the junctions to pass (roadway node ids) and where it ends (roadway + chainage, m).
 */
export const TagPageSchema = z.strictObject({
  text: z.string().min(1).max(200),
  waypointNodeIds: z.array(z.string().min(1)).max(64).optional(),
  destination: z.strictObject({ roadwayId: z.string().min(1), chainageM: z.number().nonnegative() }).optional(),
});
export type TagPage = z.infer<typeof TagPageSchema>;

/** Body of `POST /api/v1/commands`. */
export const CommandRequestSchema = z.strictObject({
  siteId: z.string().min(1),
  deviceId: z.string().min(1),
  action: CommandActionSchema,
  reason: z.string().max(500).optional(),
  /** `tag.page` only: what the tag is told. */
  page: TagPageSchema.optional(),
});
export type CommandRequest = z.infer<typeof CommandRequestSchema>;

/** A command as sent to a gateway (MQTT `safetwin/{siteId}/{deviceId}/command`, socket.io `command`). */
export const FieldCommandSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  deviceId: z.string(),
  action: CommandActionSchema,
  /** Epoch ms when the hub issued it. */
  issuedAt: z.number(),
  /** `tag.page` only: what the tag is told. */
  page: TagPageSchema.optional(),
});
export type FieldCommand = z.infer<typeof FieldCommandSchema>;

/** A gateway's answer (MQTT `.../command/ack`, socket.io ack). */
export const CommandAckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  message: z.string().optional(),
});
export type CommandAck = z.infer<typeof CommandAckSchema>;

export const COMMAND_STATES = ['sent', 'acknowledged', 'rejected', 'timeout', 'no-gateway'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

/** A command's record as the API returns it. */
export const CommandRecordSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  deviceId: z.string(),
  action: CommandActionSchema,
  state: z.enum(COMMAND_STATES),
  issuedBy: z.string(),
  issuedAt: z.number(),
  ackedAt: z.number().nullable(),
  message: z.string().nullable(),
});
export type CommandRecord = z.infer<typeof CommandRecordSchema>;
