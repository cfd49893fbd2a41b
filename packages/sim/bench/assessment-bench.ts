// npx tsx bench/assessment-bench.ts — median wall time of runAssessment (and of runZones alone) for the three
// reference cases: Cl2 1 kg/s steady, Cl2 1 kg/s for 600 s, Cl2 500 kg instantaneous, each with `auto` (dense for
// chlorine) and forced passive. 20 points of interest, 128×128 grid, 12 frames. Timings are printed, never asserted.
import { runAssessment, runZones } from '../src/index.ts';
import { median } from './median.ts';

const RUNS = 11;
const WARMUP = 3;
const weather = { windSpeedMS: 3, stability: 'D', windFromDeg: 250 };
const points = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, eastM: 150 * i - 500, northM: 40 * i - 200 }));
const releases: [string, unknown][] = [
  ['Cl2 1 kg/s steady', { kind: 'continuous', rateKgS: 1 }],
  ['Cl2 1 kg/s for 600 s', { kind: 'continuous', rateKgS: 1, durationS: 600 }],
  ['Cl2 500 kg instantaneous', { kind: 'instantaneous', massKg: 500 }],
];

function time(f: () => unknown): number {
  const all: number[] = [];
  for (let r = 0; r < RUNS + WARMUP; r++) {
    const t0 = performance.now();
    f();
    if (r >= WARMUP) all.push(performance.now() - t0);
  }
  return median(all);
}

console.log(`runAssessment, median of ${RUNS} runs (after ${WARMUP} warm-up), 20 points, 128×128 grid, 12 frames for transient releases`);
for (const model of ['auto', 'gaussian-puff'] as const) {
  for (const [name, release] of releases) {
    const input = { chemical: 'Cl2', model: model === 'gaussian-puff' && name.includes('steady') ? 'gaussian-plume' : model, release, weather, points };
    const r = runAssessment(input);
    const zonesMs = time(() => runZones(input));
    const allMs = time(() => runAssessment(input));
    console.log(`${name.padEnd(26)} ${String(input.model).padEnd(14)} → ${r.model.padEnd(14)} zones ${zonesMs.toFixed(1).padStart(6)} ms  assessment ${allMs.toFixed(1).padStart(6)} ms  (${r.grid.frames.length} frame(s), zones ${r.zones.metadata.zones.map((z) => Math.round(z.distanceM)).join('/')} m)`);
  }
}
