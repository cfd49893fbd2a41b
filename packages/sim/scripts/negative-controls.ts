// Plants each negative control of plume-physics.md §10 (plus three of our own) once, runs the unit tests, reports which
// tests went red, and restores the file. Run: cd packages/sim && npx tsx scripts/negative-controls.ts. Never leaves a
// planted file behind (restores in `finally`); do not run while someone else edits these files.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PLANTS: { name: string; file: string; from: string; to: string }[] = [
  { name: 'drop the image (ground-reflection) term', file: 'src/gaussian-plume.ts', from: 'const vertical = Math.exp((-dz * dz) / (2 * sigmaZM * sigmaZM)) + Math.exp((-sz * sz) / (2 * sigmaZM * sigmaZM));', to: 'const vertical = Math.exp((-dz * dz) / (2 * sigmaZM * sigmaZM));' },
  { name: '2π → π in the plume prefactor', file: 'src/gaussian-plume.ts', from: 'return (rateKgS / (2 * Math.PI * windSpeedMS', to: 'return (rateKgS / (Math.PI * windSpeedMS' },
  { name: 'class D given the class E coefficients (Briggs rural)', file: 'src/sigma.ts', from: "D: { y: { a: 0.08, b: 0.0001, c: -0.5 }, z: { a: 0.06, b: 0.0015, c: -0.5 } },\n  E: { y: { a: 0.06", to: "D: { y: { a: 0.06, b: 0.0001, c: -0.5 }, z: { a: 0.03, b: 0.0003, c: -1 } },\n  E: { y: { a: 0.06" },
  { name: 'Briggs 0.00015 typo for class D σz', file: 'src/sigma.ts', from: "D: { y: { a: 0.08, b: 0.0001, c: -0.5 }, z: { a: 0.06, b: 0.0015, c: -0.5 } },\n  E: { y: { a: 0.06", to: "D: { y: { a: 0.08, b: 0.0001, c: -0.5 }, z: { a: 0.06, b: 0.00015, c: -0.5 } },\n  E: { y: { a: 0.06" },
  { name: 'invert the choked-pressure ratio', file: 'src/source-terms.ts', from: 'const eta = Math.max(pa / p0, 1 / criticalPressureRatio);', to: 'const eta = Math.max(pa / p0, criticalPressureRatio);' },
  { name: 'skip the Britter–McQuaid non-isothermal correction', file: 'src/dense-gas.ts', from: 'const centrelineVolumeFraction = (xM: number) => nonIsothermalCorrection(isothermalRatio(xM), p.releaseTemperatureK, p.ambientTemperatureK);', to: 'const centrelineVolumeFraction = (xM: number) => isothermalRatio(xM);' },
  { name: 'swap a stability class (night ≤3/8 cloud, 2–3 m/s: F → E)', file: 'src/stability.ts', from: "['A-B', 'B', 'C', 'E', 'F'], // 2–3", to: "['A-B', 'B', 'C', 'E', 'E'], // 2–3" },
  { name: 'drop the reflection term in the grid kernel', file: 'src/grid.ts', from: 'const v = both0 ? 2 * Math.exp(lat)', to: 'const v = both0 ? Math.exp(lat)' },
  { name: 'wrong σz virtual-source distance at the dense → passive hand-over (ξz doubled)', file: 'src/dense-handover.ts', from: 'sigmaZM(xiZ + x - distanceM, tail.stabilityClass, tail.sigmaSet), y, groundLayer(z)));', to: 'sigmaZM(2 * xiZ + x - distanceM, tail.stabilityClass, tail.sigmaSet), y, groundLayer(z)));' },
  { name: 'hand-over σy matched to the concentration only, not to the dense width (review #3)', file: 'src/dense-handover.ts', from: "return kind === 'plume' ? (2 * denseHalfWidthM) / Math.sqrt(2 * Math.PI) : denseHalfWidthM / Math.SQRT2;", to: "return kind === 'plume' ? (0.2 * denseHalfWidthM) / Math.sqrt(2 * Math.PI) : (0.1 * denseHalfWidthM) / Math.SQRT2;" },
  { name: 'dense cloud read as 0 above its top-hat height (breathing-height floor dropped; review #1)', file: 'src/dense-gas.ts', from: 'zM > Math.max(heightM(xM), DENSE_GROUND_LAYER_M)) return 0;', to: 'zM > heightM(xM)) return 0;' },
];

interface VitestJson {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

let caughtAll = true;
for (const plant of PLANTS) {
  const original = readFileSync(plant.file, 'utf8');
  if (original.split(plant.from).length !== 2) throw new Error(`${plant.name}: anchor not found exactly once in ${plant.file}`);
  const report = join(tmpdir(), `sim-negative-${process.pid}.json`);
  try {
    writeFileSync(plant.file, original.replace(plant.from, plant.to));
    spawnSync('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${report}`, '--exclude', 'src/cli.test.ts'], { encoding: 'utf8' });
    const r = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
    const failed = r.testResults.flatMap((t) => t.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName));
    if (failed.length === 0) caughtAll = false;
    console.log(`## ${plant.name}: ${failed.length === 0 ? 'NOT CAUGHT' : `${failed.length} test(s) red`}`);
    for (const f of failed) console.log(`   - ${f}`);
  } finally {
    writeFileSync(plant.file, original);
  }
}
process.exitCode = caughtAll ? 0 : 1;
