// Small helpers shared by the demo-site generators.
import type { Enu, EnuPlan } from '../geo.ts';

/** Rounds to `digits` decimals (default 1), so generated numbers read cleanly. */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A local point, rounded to centimetres. */
export function enu(eastM: number, northM: number, upM = 0): Enu {
  return { eastM: round(eastM, 2), northM: round(northM, 2), upM: round(upM, 2) };
}

/** An axis-aligned rectangle as a counter-clockwise polygon. */
export function rect(minEastM: number, minNorthM: number, maxEastM: number, maxNorthM: number): EnuPlan[] {
  return [
    { eastM: minEastM, northM: minNorthM },
    { eastM: maxEastM, northM: minNorthM },
    { eastM: maxEastM, northM: maxNorthM },
    { eastM: minEastM, northM: maxNorthM },
  ];
}

/** Zero-padded sequence number. */
export function pad(n: number, width = 3): string {
  return String(n).padStart(width, '0');
}

/** Issues sequential ids per prefix: `next('CP-E1-GT')` → `CP-E1-GT-001`, … */
export function idCounter(width = 3): (prefix: string) => string {
  const counts = new Map<string, number>();
  return (prefix) => {
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    return `${prefix}-${pad(n, width)}`;
  };
}
