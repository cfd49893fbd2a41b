// The site description: a chemical park or a coal mine, told apart by `kind`.
import { z } from 'zod';
import { ChemicalParkShape } from './chemical-park.ts';
import { CoalMineShape } from './coal-mine.ts';
import { checkMineReferences, checkParkReferences } from './references.ts';
import type { ReportIssue } from './references.ts';

const reporter = (ctx: z.RefinementCtx): ReportIssue => (path, message) => ctx.addIssue({ code: 'custom', path, message });

/** A chemical park, fields and cross-references validated. */
export const ChemicalParkSchema = ChemicalParkShape.superRefine((site, ctx) => checkParkReferences(site, reporter(ctx)));
/** A chemical park description (validated). */
export type ChemicalPark = z.infer<typeof ChemicalParkSchema>;

/** A coal mine, fields and cross-references validated. */
export const CoalMineSchema = CoalMineShape.superRefine((site, ctx) => checkMineReferences(site, reporter(ctx)));
/** A coal mine description (validated). */
export type CoalMine = z.infer<typeof CoalMineSchema>;

/** Any site description; `kind` tells which. */
export const SiteSchema = z.discriminatedUnion('kind', [ChemicalParkSchema, CoalMineSchema]);
/** A validated site description. */
export type Site = z.infer<typeof SiteSchema>;
/** What a site description looks like before validation fills defaults. */
export type SiteInput = z.input<typeof SiteSchema>;
/** A chemical park description before validation. */
export type ChemicalParkInput = z.input<typeof ChemicalParkSchema>;
/** A coal mine description before validation. */
export type CoalMineInput = z.input<typeof CoalMineSchema>;
