// The wall benchmark's site (issue 3: 10,000 sensors and 500 moving people): the demo coal mine
// grown by twin-models' `syntheticSite`, so every sensor hangs in a real roadway and every
// person walks the real roadway graph. Deterministic: the same counts give the same site.
import { getDemoSite, syntheticSite, type CoalMine } from '@safetwin/twin-models';

/** Sizes of the synthetic site. */
export interface SyntheticSize {
  sensors: number;
  people: number;
}

/** The benchmark's default size, from the performance target. */
export const WALL_BENCH_SIZE: SyntheticSize = { sensors: 10_000, people: 500 };

/** The demo mine with at least `size.sensors` sensors and `size.people` miners (never fewer than it has). */
export function syntheticMine(size: SyntheticSize): CoalMine {
  const base = getDemoSite('cm-yangquan');
  if (!base || base.kind !== 'coal-mine') throw new Error('the demo coal mine is missing from @safetwin/twin-models');
  const grown = syntheticSite(base, { sensorCount: Math.max(size.sensors, base.sensors.length), minerCount: Math.max(size.people, base.miners.length) });
  return { ...(grown as CoalMine), id: 'bench-mine' };
}
