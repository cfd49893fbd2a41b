// The items a leak is likely at: the leading candidates of an estimate whose probabilities reach a
// coverage together (a credible set of the posterior over candidates). The response isolates them
// all, so a coin flip between neighbours a few metres apart (a vessel and the pipe stub at its
// nozzle) still ends with the leaking one cut off.

/** Probability the likely sources hold together (a 90 % credible set; our choice, the share the wall can act on). */
export const LIKELY_SOURCES_COVERAGE = 0.9;
/** At most this many items (our choice: beyond four the estimate points nowhere in particular, and isolating all of them would shut a plant down). */
export const LIKELY_SOURCES_MAX = 4;

/** The leading candidates of `ranked` (most probable first) until their probabilities sum to `coverage`, at most `max`; the first always. */
export function likelySources<T extends { probability: number }>(ranked: readonly T[], coverage = LIKELY_SOURCES_COVERAGE, max = LIKELY_SOURCES_MAX): T[] {
  const out: T[] = [];
  let sum = 0;
  for (const c of ranked) {
    if (out.length >= max || (out.length > 0 && sum >= coverage)) break;
    out.push(c);
    sum += c.probability;
  }
  return out;
}
