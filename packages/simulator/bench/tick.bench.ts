// Rough cost of the engine on the demo sites: simulated readings per second of CPU, and the
// CPU share of one core when running in real time, against a baseline measured in the same
// run (JSON-encoding the same readings, which the socket layer must do anyway).
//   npx tsx bench/tick.bench.ts [simulated minutes = 10]
import { demoSites } from '@safetwin/twin-models';
import { createSimulator } from '../src/index.ts';

const minutes = Number(process.argv[2] ?? 10);
const sites = demoSites();
const t0 = Date.UTC(2025, 6, 1, 2, 0, 0);
const tickMs = 200;
const sim = createSimulator({ sites, startMs: t0, seed: 1 });
// Warm up (JIT), then measure.
for (let t = t0; t < t0 + 30_000; t += tickMs) sim.tick(t);

let readings = 0;
let tickCpuMs = 0;
let jsonCpuMs = 0;
let bytes = 0;
const start = t0 + 30_000;
const end = start + minutes * 60_000;
for (let t = start; t < end; t += tickMs) {
  const a = performance.now();
  const batch = sim.tick(t);
  const b = performance.now();
  bytes += JSON.stringify({ readings: batch }).length;
  const c = performance.now();
  tickCpuMs += b - a;
  jsonCpuMs += c - b;
  readings += batch.length;
}
const simulatedS = (end - start) / 1000;
const devices = sim.devices.size;
console.log(`devices ${devices} (${sites.map((s) => s.id).join(', ')}), simulated ${minutes} min at ${tickMs} ms ticks`);
console.log(`readings/s (simulated time)   ${(readings / simulatedS).toFixed(0)}`);
console.log(`tick cost                     ${((tickCpuMs / readings) * 1e3).toFixed(2)} µs/reading, ${(tickCpuMs / (simulatedS / (tickMs / 1000))).toFixed(3)} ms/tick`);
console.log(`share of one core, real time  ${((tickCpuMs / (simulatedS * 1000)) * 100).toFixed(2)} %`);
console.log(`baseline: JSON.stringify      ${((jsonCpuMs / readings) * 1e3).toFixed(2)} µs/reading (${(bytes / readings).toFixed(0)} B/reading); tick/JSON = ${(tickCpuMs / jsonCpuMs).toFixed(2)}`);
console.log(`faults injected               ${sim.faults().length} (${(sim.faults().length / (devices * (simulatedS + 30) / 3600)).toFixed(3)} per device-hour)`);
