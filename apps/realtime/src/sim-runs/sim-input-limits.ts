// Bounds on what one request may ask the engine to compute, checked by the hub before the
// engine's own schema (packages/sim leaves these arrays unbounded). Our limits: a wall shows
// tens of receptors, a valve schedule has tens of steps, a chemical 3–5 levels of concern.
import { HubError } from '../errors.ts';

/** Most entries one scenario may have in each list. */
export interface SimInputLimits {
  /** `scenario.receptors` */
  receptors: number;
  /** `scenario.release.rateSteps` */
  rateSteps: number;
  /** `scenario.thresholdsPpm` */
  thresholds: number;
  /** All receptors' `seriesTimesS` together. */
  seriesTimes: number;
}

/** The hub's default limits. */
export const DEFAULT_SIM_INPUT_LIMITS: SimInputLimits = { receptors: 1000, rateSteps: 1000, thresholds: 10, seriesTimes: 100_000 };

const lengthOf = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const tooMany = (path: string, n: number, limit: number) =>
  new HubError('sim:bad-input', `${path}: ${n} entries, at most ${limit} are accepted (simInputLimits)`, 400);

/** Throws a 400 naming the first list of `scenario` that is longer than its limit. */
export function checkInputLimits(scenario: Record<string, unknown>, limits: SimInputLimits): void {
  const release = scenario.release as { rateSteps?: unknown } | null | undefined;
  const receptors = Array.isArray(scenario.receptors) ? (scenario.receptors as unknown[]) : [];
  const seriesTimes = receptors.reduce<number>((sum, r) => sum + lengthOf((r as { seriesTimesS?: unknown } | null)?.seriesTimesS), 0);
  const checks: [string, number, number][] = [
    ['scenario.receptors', receptors.length, limits.receptors],
    ['scenario.release.rateSteps', lengthOf(release?.rateSteps), limits.rateSteps],
    ['scenario.thresholdsPpm', lengthOf(scenario.thresholdsPpm), limits.thresholds],
    ['scenario.receptors[].seriesTimesS', seriesTimes, limits.seriesTimes],
  ];
  for (const [path, n, limit] of checks) if (n > limit) throw tooMany(path, n, limit);
}
