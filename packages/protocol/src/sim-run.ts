// Simulation runs (plume, zones, assessment) as the hub's REST API and socket.io events carry them.
import { z } from 'zod';

/**
 * What a run computes: the engine's `plume`, `zones` or `assessment` command (zones, a ground-level
 * concentration grid over time and the threat at the site's points of interest).
 */
export const SIM_RUN_KINDS = ['plume', 'zones', 'assessment'] as const;
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
 * With an equipment source, `scenario.release.holeDiameterM` may replace `rateKgS`: the hub derives
 * the rate from the equipment's operating pressure, temperature and inventory (see `context.release`).
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

/**
 * A warning or explanation of the plume engine as its key and values (@safetwin/sim notes.ts), with its English: a
 * client words the keys it knows in the reader's language and shows the English of the others.
 */
export interface EngineNote {
  key: string;
  values: Record<string, string>;
  text: string;
}

/** The release rate the hub derived from a hole in a piece of equipment (`scenario.release.holeDiameterM`). */
export interface SimReleaseContext {
  from: 'hole';
  equipmentId: string;
  holeDiameterM: number;
  /** Operating pressure, absolute [Pa] (the site model's gauge kPa + ambient). */
  pressurePa: number;
  /** Operating temperature [K]. */
  temperatureK: number;
  inventoryKg: number;
  phase: 'gas' | 'liquid';
  choked?: boolean;
  flashFraction?: number;
  /** Discharge through the hole [kg/s]. */
  rateKgS: number;
  /** What becomes airborne [kg/s]: the rate put into the run's `release.rateKgS`. */
  airborneRateKgS: number;
  /** How long the inventory lasts at that rate [s]; null when unlimited. */
  maxDurationS: number | null;
  /** The duration the run uses [s] (the given one, cut to the inventory), or null for a steady release. */
  durationS: number | null;
  explanations: string[];
  warnings: string[];
  /** `explanations` and `warnings` as keyed notes (runs from before they were sent have none). */
  explanationNotes?: EngineNote[];
  warningNotes?: EngineNote[];
}

/** How a run was set up beyond its scenario. */
export interface SimRunContext {
  /** The source in site coordinates [m east/north of the site origin], and the equipment when one was picked. */
  source: { equipmentId?: string; eastM: number; northM: number } | null;
  weather: SimWeatherOrigin;
  /** Present when the release rate came from a hole size. */
  release?: SimReleaseContext;
  /** Assessment runs: how many of the site's points of interest were added to `input.points`, by kind. */
  points?: Record<string, number>;
}

/** A run as the API and the `sim-run` event show it (times in epoch ms). */
export interface SimRunView {
  id: string;
  siteId: string;
  kind: SimRunKind;
  state: SimRunState;
  /** 0..1: the engine's checkpoints while running (assessment runs), 1 when done. */
  progress: number;
  /** What the engine is doing while the run computes (its last checkpoint); absent otherwise. */
  stage?: string;
  /** The full scenario as run (engine defaults and weather filled in). */
  input: Record<string, unknown>;
  context: SimRunContext;
  /** @safetwin/sim version that ran (or will run) it. */
  engineVersion: string;
  /**
   * The engine's output (plume result, zones FeatureCollection, or assessment with each grid frame's
   * `valuesPpm` as `valuesPpmF32Base64`, see `decodeF32Base64`); null until done. A `sim-run` event
   * for a run whose result is large (> 64 KB of JSON) carries null here and `resultOmitted: true`:
   * GET `/api/v1/sim/runs/:id` for it.
   */
  result: unknown;
  /** In `sim-run` events (a large result) and in `GET /sim/runs` lists (every result): the result exists but was left out; GET the run for it. */
  resultOmitted?: true;
  error: string | null;
  requestedBy: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /**
   * Bumped by every stored change of the run (0 when queued): state, progress, lease renewal — so it rises
   * strictly from event to event of one run, but not by one (renewals without news are not announced).
   * `sim-run` events can arrive out of order (a remote worker's progress goes through Redis, the
   * hub's `cancelled` does not): a client keeps, per run id, the highest version it applied and
   * drops an event or GET answer whose version is not newer.
   */
  version: number;
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
