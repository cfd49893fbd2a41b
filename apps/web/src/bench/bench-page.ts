import 'server-only';
import { notFound } from 'next/navigation';
import { WALL_BENCH_SIZE, type SyntheticSize } from './synthetic-mine.ts';

/** Largest synthetic site a bench page builds (a typo must not freeze the browser). */
const MAX_SENSORS = 100_000;
const MAX_PEOPLE = 10_000;

/** Bench pages exist only when the server runs with SAFETWIN_BENCH=1 (set by `npm run bench:wall`). */
export function requireBenchMode(): void {
  if (process.env.SAFETWIN_BENCH !== '1') notFound();
}

/** The synthetic size from `?sensors=&people=`, defaulting to the 10,000 and 500. */
export function benchSize(params: Record<string, string | string[] | undefined>): SyntheticSize {
  const count = (value: string | string[] | undefined, fallback: number, max: number) => {
    const n = Number(Array.isArray(value) ? value[0] : value);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
  };
  return { sensors: count(params.sensors, WALL_BENCH_SIZE.sensors, MAX_SENSORS), people: count(params.people, WALL_BENCH_SIZE.people, MAX_PEOPLE) };
}
