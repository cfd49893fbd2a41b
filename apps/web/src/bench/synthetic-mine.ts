// A synthetic site of wall-benchmark size (issue 3: 10,000 sensors and 500 moving people),
// grown from the demo coal mine so every sensor hangs in a real roadway and every person
// walks the real roadway graph. Deterministic: the same counts give the same site.
import { getDemoSite, type CoalMine, type Sensor } from '@safetwin/twin-models';

/** Sizes of the synthetic site. */
export interface SyntheticSize {
  sensors: number;
  people: number;
}

/** The benchmark's default size, from the performance target. */
export const WALL_BENCH_SIZE: SyntheticSize = { sensors: 10_000, people: 500 };

/** Golden-ratio step: spreads positions evenly along roadways without a random generator. */
const GOLDEN = 0.6180339887498949;

/**
 * The demo mine with its sensors cloned up to `size.sensors` (spread along the walkable roadways,
 * each a copy of a real one: same kind, metrics, interval and set-points) and its miners up to
 * `size.people`. Power-cut links are not copied, so clones never command equipment.
 */
export function syntheticMine(size: SyntheticSize): CoalMine {
  const base = getDemoSite('cm-yangquan');
  if (!base || base.kind !== 'coal-mine') throw new Error('the demo coal mine is missing from @safetwin/twin-models');
  if (!Number.isInteger(size.sensors) || !Number.isInteger(size.people) || size.sensors < 0 || size.people < 0) {
    throw new RangeError(`sensor and people counts must be non-negative integers (got ${size.sensors}, ${size.people})`);
  }
  const nodes = new Map(base.roadways.nodes.map((n) => [n.id, n.position]));
  const edges = base.roadways.edges.filter((e) => e.kind !== 'shaft');
  const sensors: Sensor[] = base.sensors.slice(0, size.sensors);
  for (let i = sensors.length; i < size.sensors; i++) {
    const template = base.sensors[i % base.sensors.length]!;
    const edge = edges[i % edges.length]!;
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    const t = (i * GOLDEN) % 1;
    const { powerCut: _cut, equipmentId: _eq, ...rest } = template;
    sensors.push({
      ...rest,
      id: `SYN-S${String(i).padStart(5, '0')}`,
      roadwayId: edge.id,
      position: { eastM: from.eastM + (to.eastM - from.eastM) * t, northM: from.northM + (to.northM - from.northM) * t, upM: from.upM + (to.upM - from.upM) * t },
    });
  }
  const miners = base.miners.slice(0, size.people);
  for (let i = miners.length; i < size.people; i++) {
    const template = base.miners[i % base.miners.length]!;
    miners.push({ ...template, id: `SYN-M${String(i).padStart(4, '0')}`, tagDeviceId: `SYN-TAG${String(i).padStart(4, '0')}`, name: `${template.name} #${i}` });
  }
  return { ...base, id: 'bench-mine', sensors, miners };
}
