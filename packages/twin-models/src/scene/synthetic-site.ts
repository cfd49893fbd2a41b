// A demo site scaled up to a given number of sensors and people, for load tests and benchmarks
// of the wall (e.g. 10,000 sensors and 500 people). Deterministic: no randomness.
import type { Sensor } from '../schema/sensor.ts';
import type { Miner } from '../schema/coal-mine.ts';
import type { Site } from '../schema/site.ts';
import { planBounds } from '../geometry.ts';

/** How big to make the synthetic site. */
export interface SyntheticSiteSize {
  /** Total sensors (the original ones included); must be at least the site's own count. */
  sensorCount: number;
  /** Total people with tags (coal mines only; the original ones included). */
  minerCount?: number;
}

/**
 * Copies `site` and adds sensors (and, for a mine, miners) until it has the requested numbers.
 * Added sensors copy an existing sensor's kind, metrics, set-points and owner under a new id
 * (`<id>-X<n>`); in a park they fill the boundary's bounding box on a regular grid, in a mine
 * they sit on the roadways at even spacing. Added miners copy a miner under a new id and tag.
 */
export function syntheticSite(site: Site, size: SyntheticSiteSize): Site {
  const { sensorCount, minerCount } = size;
  if (!Number.isInteger(sensorCount) || sensorCount < site.sensors.length) {
    throw new Error(`sensorCount must be an integer of at least the site's ${site.sensors.length} sensors, got ${sensorCount}`);
  }
  const templates = site.sensors.filter((s) => s.kind !== 'weather');
  if (templates.length === 0 && sensorCount > site.sensors.length) throw new Error(`site '${site.id}' has no sensor to copy`);
  const extra = sensorCount - site.sensors.length;
  const sensors: Sensor[] = [...site.sensors];
  const place = site.kind === 'chemical-park' ? parkGrid(site, extra) : roadwayPoints(site, extra);
  for (let i = 0; i < extra; i++) {
    const t = templates[i % templates.length]!;
    const { position, roadwayId } = place(i);
    const { equipmentId: _e, pipeSegmentId: _p, powerCut: _c, roadwayId: _r, ...rest } = t;
    sensors.push({ ...rest, id: `${t.id}-X${i + 1}`, position, ...(roadwayId ? { roadwayId } : {}) });
  }
  if (site.kind === 'chemical-park') {
    if (minerCount !== undefined && minerCount > 0) throw new Error('a chemical park has no miners; leave minerCount out');
    return { ...site, sensors };
  }
  const wanted = minerCount ?? site.miners.length;
  if (!Number.isInteger(wanted) || wanted < site.miners.length) throw new Error(`minerCount must be an integer of at least the site's ${site.miners.length} miners, got ${wanted}`);
  if (site.miners.length === 0 && wanted > 0) throw new Error(`site '${site.id}' has no miner to copy`);
  const miners: Miner[] = [...site.miners];
  for (let i = 0; miners.length < wanted; i++) {
    const m = site.miners[i % site.miners.length]!;
    miners.push({ ...m, id: `${m.id}-X${i + 1}`, tagDeviceId: `${m.tagDeviceId}-X${i + 1}` });
  }
  return { ...site, sensors, miners };
}

type Placement = (i: number) => { position: Sensor['position']; roadwayId?: string };

/** A square-ish grid over the boundary's bounding box, 1 m above grade. */
function parkGrid(site: Site, n: number): Placement {
  const b = planBounds(site.boundary);
  const widthM = b.maxEastM - b.minEastM, depthM = b.maxNorthM - b.minNorthM;
  const cols = Math.max(1, Math.ceil(Math.sqrt((n * widthM) / Math.max(depthM, 1))));
  const rows = Math.max(1, Math.ceil(n / cols));
  return (i) => ({
    position: {
      eastM: b.minEastM + ((i % cols) + 0.5) * (widthM / cols),
      northM: b.minNorthM + (Math.floor(i / cols) + 0.5) * (depthM / rows),
      upM: 1,
    },
  });
}

/** Evenly spaced points along the walkable roadways (shafts and ducts excluded), 2.8 m up (roof-hung). */
function roadwayPoints(site: Extract<Site, { kind: 'coal-mine' }>, n: number): Placement {
  const nodes = new Map(site.roadways.nodes.map((x) => [x.id, x.position]));
  const ways = site.roadways.edges.filter((r) => r.kind !== 'shaft' && r.kind !== 'vent-duct');
  if (ways.length === 0 && n > 0) throw new Error(`site '${site.id}' has no roadway to place sensors on`);
  const lengths = ways.map((r) => r.lengthM);
  const totalM = lengths.reduce((a, b) => a + b, 0);
  return (i) => {
    let s = ((i + 0.5) / n) * totalM;
    let k = 0;
    while (k < ways.length - 1 && s > lengths[k]!) s -= lengths[k++]!;
    const r = ways[k]!;
    const a = nodes.get(r.from)!, b = nodes.get(r.to)!;
    const t = Math.min(1, s / lengths[k]!);
    return {
      position: { eastM: a.eastM + (b.eastM - a.eastM) * t, northM: a.northM + (b.northM - a.northM) * t, upM: a.upM + (b.upM - a.upM) * t + 2.8 },
      roadwayId: r.id,
    };
  };
}
