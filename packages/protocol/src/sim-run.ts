// Simulation runs (plume, zones) as the hub's REST API and socket.io events carry them.
import { z } from 'zod';

/** What a run computes: the engine's `plume` or `zones` command. */
export const SIM_RUN_KINDS = ['plume', 'zones'] as const;
/** One of {@link SIM_RUN_KINDS}. */
export type SimRunKind = (typeof SIM_RUN_KINDS)[number];

/** Lifecycle of a run: queued → running → done | failed; queued or running → cancelled. */
export const SIM_RUN_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
/** One of {@link SIM_RUN_STATES}. */
export type SimRunState = (typeof SIM_RUN_STATES)[number];

/** Where the release is: a piece of the site's equipment, or a point east/north of the site origin [m]. */
export const SimSourceSchema = z.union([
  z.strictObject({ equipmentId: z.string().min(1).max(200) }),
  z.strictObject({ eastM: z.number().finite(), northM: z.number().finite() }),
]);
/** Parsed {@link SimSourceSchema}. */
export type SimSource = z.infer<typeof SimSourceSchema>;

/**
 * `POST /sim/runs`. `scenario` is the sim CLI's scenario JSON (packages/sim README), checked by the
 * engine's own schema. `weather` 'live' (the default) fills wind speed, wind direction and air
 * temperature from the site's weather station; an object is merged over `scenario.weather` instead.
 */
export const SimRunRequestSchema = z.object({
  siteId: z.string().min(1).max(64),
  kind: z.enum(SIM_RUN_KINDS),
  scenario: z.record(z.string(), z.unknown()).describe('the sim CLI scenario (plume or zones input); `weather` fields the live station provides may be left out'),
  source: SimSourceSchema.optional(),
  weather: z.union([z.literal('live'), z.record(z.string(), z.unknown())]).optional().describe("'live' (default): the site's weather station; or weather fields overriding scenario.weather"),
});
/** Parsed {@link SimRunRequestSchema}. */
export type SimRunRequest = z.infer<typeof SimRunRequestSchema>;

/** Where a run's weather came from. */
export type SimWeatherOrigin = { from: 'live'; deviceId: string; observedAt: number } | { from: 'request' };

/** How a run was set up beyond its scenario. */
export interface SimRunContext {
  /** The source in site coordinates [m east/north of the site origin], and the equipment when one was picked. */
  source: { equipmentId?: string; eastM: number; northM: number } | null;
  weather: SimWeatherOrigin;
}

/** A run as the API and the `sim-run` event show it (times in epoch ms). */
export interface SimRunView {
  id: string;
  siteId: string;
  kind: SimRunKind;
  state: SimRunState;
  /** 0..1 */
  progress: number;
  /** The full scenario as run (engine defaults and weather filled in). */
  input: Record<string, unknown>;
  context: SimRunContext;
  /** @safetwin/sim version that ran (or will run) it. */
  engineVersion: string;
  /** The engine's output (plume result or zones FeatureCollection); null until done. */
  result: unknown;
  error: string | null;
  requestedBy: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** Answer of `POST /sim/runs/:id/replay`: the stored input run again with the current engine. */
export interface SimReplayView {
  runId: string;
  /** The new result deep-equals the stored one (as JSON). */
  identical: boolean;
  storedEngineVersion: string;
  currentEngineVersion: string;
  engineVersionMatches: boolean;
  /** First differing JSON path when not identical. */
  firstDifference: string | null;
}
