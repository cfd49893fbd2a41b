import { z } from 'zod';

/**
 * Roles and what they see:
 * - `commander`: the emergency command center / regulator, every site;
 * - `park-manager`: one site (their park or mine);
 * - `safety-officer`: one enterprise within one site;
 * - `drill-planner`: every site, for staging drills.
 */
export const ROLES = ['commander', 'park-manager', 'safety-officer', 'drill-planner'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Who a token belongs to and where they may look. */
export const PrincipalSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  /** For park managers and safety officers: the one site they may see. */
  siteId: z.string().nullable(),
  /** For safety officers: their enterprise. */
  enterpriseId: z.string().nullable(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

export const LoginResponseSchema = z.object({
  token: z.string(),
  /** Epoch ms after which the token is refused. */
  expiresAt: z.number(),
  user: PrincipalSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
