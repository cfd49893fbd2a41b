// When a staged leak stops: once the valves closed so far cut its item off from every feed (the
// pipe graph as twin-models' planIsolation sees it: nothing feeds the leak through open pipes),
// the leak no longer draws on the feeds; the inventory trapped between the shut valves and the
// hole drains at the leak's rate and then the release ends (twin-models isolatedRelease — the
// same release the hub's forecast uses). Pure.
import {
  buildIsolationGraph, evaluateClosure, isolatedRelease, planIsolation, segmentDensityKgM3, segmentVolumeM3, type ChemicalPark, type LeakTarget,
} from '@safetwin/twin-models';

/** When the leak's release ends because of the valves, or null while it is not isolated. */
export interface LeakIsolation {
  /** When the last valve needed shut, epoch ms. */
  isolatedAtMs: number;
  /** Inventory trapped between the valves and the hole, kg. */
  trappedKg: number;
  /** When the trapped inventory has drained: the release's end, epoch ms. */
  endMs: number;
}

/**
 * The earliest time the valves shut so far (or shutting: `shutAtMs` gives when each valve is
 * fully closed, null while it stays open) isolate `target`, and when the release ends then.
 * Valves normally closed count as shut. Null when they never isolate it (e.g. a boundary feed).
 */
export function leakIsolation(park: ChemicalPark, target: LeakTarget, rateKgS: number, shutAtMs: (valveId: string) => number | null): LeakIsolation | null {
  const times = [...new Set(park.pipes.valves.map((v) => shutAtMs(v.id)).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  for (const tMs of times) {
    const plan = planIsolation(park, target, {
      leakRateKgS: rateKgS,
      valveIsOpen: (v) => v.normallyOpen && !((shutAtMs(v.id) ?? Infinity) <= tMs),
      maxAlternatives: 1,
    });
    if (plan.feeds.length > 0) continue;
    // What stays joined to the hole between the shut valves (the pipes up to the valves included), as planIsolation counts it for a cut.
    const graph = buildIsolationGraph(park, target);
    const shutNodes = new Set(park.pipes.valves.filter((v) => (shutAtMs(v.id) ?? Infinity) <= tMs).map((v) => v.nodeId));
    const trappedKg = evaluateClosure(graph, shutNodes, segmentDensityKgM3, segmentVolumeM3).trappedInventoryKg;
    const release = isolatedRelease(rateKgS, { timeToIsolateS: 0, trappedInventoryKg: trappedKg });
    if (!Number.isFinite(release.endS)) return null;
    return { isolatedAtMs: tMs, trappedKg, endMs: tMs + Math.round(release.endS * 1000) };
  }
  return null;
}
