// Input schema of the `assessment` command: a zones scenario plus points of interest, grid size and frame count.
import { z } from 'zod';
import { zonesScenarioSchema } from '../scenario.ts';

/** Largest half-side [m] of a caller-given grid extent: the zones' 100 km scan limit. */
export const MAX_GRID_HALF_SIDE_M = 100_000;

/** A point of interest, metres east/north of the SOURCE, at height zM (default 1.5 m, breathing height). */
export const assessmentPointSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  eastM: z.number(),
  northM: z.number(),
  zM: z.number().min(0).default(1.5),
});

/** The `assessment` input (contract: zonesScenarioSchema + points ≤ 500, grid.maxCellsPerSide 16..256, optional grid.halfExtentM or grid.extent, frames 1..48). */
export const assessmentScenarioSchema = zonesScenarioSchema.extend({
  points: z.array(assessmentPointSchema).max(500).default([]),
  grid: z
    .object({
      maxCellsPerSide: z.number().int().min(16).max(256).default(128),
      /** Square grid of ±halfExtentM around the source instead of the zones' box (e.g. the site's scale). */
      halfExtentM: z.number().positive().max(MAX_GRID_HALF_SIDE_M).optional(),
      /** Grid box in metres east/north of the source instead of the zones' box (e.g. the site's bounds). */
      extent: z
        .object({ east0M: z.number(), north0M: z.number(), east1M: z.number(), north1M: z.number() })
        .refine((b) => b.east1M > b.east0M, { message: 'east1M must be greater than east0M', path: ['east1M'] })
        .refine((b) => b.north1M > b.north0M, { message: 'north1M must be greater than north0M', path: ['north1M'] })
        .refine((b) => Math.max(b.east1M - b.east0M, b.north1M - b.north0M) <= 2 * MAX_GRID_HALF_SIDE_M, { message: `sides must be at most ${2 * MAX_GRID_HALF_SIDE_M} m`, path: ['east1M'] })
        .optional(),
    })
    .refine((g) => g.halfExtentM === undefined || g.extent === undefined, { message: 'give grid.halfExtentM or grid.extent, not both', path: ['extent'] })
    .default({ maxCellsPerSide: 128 }),
  frames: z.number().int().min(1).max(48).default(12),
});

/** Validated `assessment` scenario. */
export type AssessmentScenario = z.infer<typeof assessmentScenarioSchema>;
