// Input schema of the `assessment` command: a zones scenario plus points of interest, grid size and frame count.
import { z } from 'zod';
import { zonesScenarioSchema } from '../scenario.ts';

/** A point of interest, metres east/north of the SOURCE, at height zM (default 1.5 m, breathing height). */
export const assessmentPointSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  eastM: z.number(),
  northM: z.number(),
  zM: z.number().min(0).default(1.5),
});

/** The `assessment` input (contract: zonesScenarioSchema + points ≤ 500, grid.maxCellsPerSide 16..256, frames 1..48). */
export const assessmentScenarioSchema = zonesScenarioSchema.extend({
  points: z.array(assessmentPointSchema).max(500).default([]),
  grid: z.object({ maxCellsPerSide: z.number().int().min(16).max(256).default(128) }).default({ maxCellsPerSide: 128 }),
  frames: z.number().int().min(1).max(48).default(12),
});

/** Validated `assessment` scenario. */
export type AssessmentScenario = z.infer<typeof assessmentScenarioSchema>;
