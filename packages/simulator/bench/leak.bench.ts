// Cost of staged leaks on the engine: the same simulated minutes of the demo sites with no
// leak and with three leaks at once (each drives its detectors from its plume field), in
// µs per reading and per driven detector reading, measured in one run (A/B interleaved).
//   npx tsx bench/leak.bench.ts [simulated minutes = 5]
import { demoSites } from '@safetwin/twin-models';
import { createSimulator } from '../src/index.ts';
import type { Simulator } from '../src/index.ts';

const minutes = Number(process.argv[2] ?? 5);
const sites = demoSites();
const park = sites.find((s) => s.kind === 'chemical-park')!;
const t0 = Date.UTC(2025, 6, 1, 2, 0, 0);
const tickMs = 200;
const LEAKS = [
  { equipmentId: 'CP-E4-TK-05', chemical: 'C3H8', rateKgS: 100 },
  { equipmentId: 'CP-E1-R-01', chemical: 'Cl2', rateKgS: 20 },
  { equipmentId: 'CP-E3-R-01', chemical: 'H2S', rateKgS: 20 },
];

function build(leaks: boolean): Simulator {
  const sim = createSimulator({ sites, startMs: t0, seed: 1 });
  for (let t = t0; t < t0 + 30_000; t += tickMs) sim.tick(t);
  if (leaks) for (const l of LEAKS) sim.stage({ kind: 'leak', siteId: park.id, ...l, durationS: 3600 }, t0 + 30_000);
  return sim;
}
const runs = [{ name: 'no leak', sim: build(false), cpuMs: 0, readings: 0 }, { name: '3 leaks', sim: build(true), cpuMs: 0, readings: 0 }];
const driven = runs[1]!.sim.staged().reduce((a, s) => a + (s.leak?.detectorCount ?? 0), 0);
for (let t = t0 + 30_000; t < t0 + 30_000 + minutes * 60_000; t += tickMs) {
  for (const run of runs) {
    const a = performance.now();
    run.readings += run.sim.tick(t).length;
    run.cpuMs += performance.now() - a;
  }
}
const simulatedS = minutes * 60;
for (const run of runs) console.log(`${run.name.padEnd(8)} ${(run.readings / simulatedS).toFixed(0)} readings/s, ${((run.cpuMs / run.readings) * 1e3).toFixed(2)} µs/reading, ${((run.cpuMs / (simulatedS * 1000)) * 100).toFixed(2)} % of one core in real time`);
const extraUs = ((runs[1]!.cpuMs - runs[0]!.cpuMs) * 1e3) / (driven * simulatedS);
console.log(`leak cost ${extraUs.toFixed(2)} µs per driven detector reading (${driven} detector-leak pairs at 1 reading/s), wind updates included`);
