// End-to-end: the command line contract of issue 4 (one JSON document on stdout; JSON error on stderr, non-zero exit).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

function sim(args: string[], stdin: string) {
  const r = spawnSync(TSX, ['packages/sim/src/cli.ts', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ISSUE_SCENARIO = {
  chemical: 'Cl2',
  model: 'auto',
  release: { kind: 'continuous', rateKgS: 1.2, heightM: 2, temperatureK: 293 },
  weather: { windSpeedMS: 4, stability: 'D', terrain: 'rural', airTempK: 293 },
  sigma: 'briggs-rural',
  receptors: [{ xM: 500, yM: 0, zM: 0 }],
  thresholdsPpm: [20, 2, 0.5],
  thresholdHeightM: 0,
};

describe('sim CLI', () => {
  it('plume: the issue-4 example prints exactly one JSON document', () => {
    const r = sim(['plume'], JSON.stringify(ISSUE_SCENARIO));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('dense');
    expect(out.sigma).toBe('briggs-rural'); // the σ set of the passive part beyond the hand-over, as the issue's example shows
    expect(out.receptors[0].concentrationPpm).toBeGreaterThan(0);
    expect(out.thresholds.map((t: { ppm: number }) => t.ppm)).toEqual([20, 2, 0.5]);
    expect(out.explanations.join(' ')).toMatch(/Richardson/);
  });
  it('plume: through `npm run -s sim -- plume` from the repository root, stdout is only the JSON', () => {
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'plume'], { cwd: ROOT, input: JSON.stringify(ISSUE_SCENARIO), encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).model).toBe('dense');
  });
  it('plume: a passive gas with the Gaussian plume', () => {
    const r = sim(['plume'], JSON.stringify({ ...ISSUE_SCENARIO, model: 'gaussian-plume' }));
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('gaussian-plume');
    expect(out.thresholds[0].distanceM).toBeGreaterThan(100);
  });
  it('source: gas orifice with gauge pressure', () => {
    const r = sim(['source'], JSON.stringify({ kind: 'gas-orifice', chemical: 'C3H8', pressureGaugePa: 400000, temperatureK: 298.15, holeDiameterM: 0.01, dischargeCoefficient: 0.85 }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.choked).toBe(true);
    expect(out.rateKgS).toBeCloseTo(0.08992, 4);
  });
  it('zones: GeoJSON FeatureCollection', () => {
    const r = sim(['zones'], JSON.stringify({ ...ISSUE_SCENARIO, weather: { ...ISSUE_SCENARIO.weather, windFromDeg: 45 }, origin: { lon: 118.8, lat: 32.05 } }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('FeatureCollection');
    expect(out.features.length).toBeGreaterThan(0);
  });
  it('assessment: zones, a grid whose frames are plain arrays of numbers, and points', () => {
    const r = sim(['assessment'], JSON.stringify({ ...ISSUE_SCENARIO, weather: { ...ISSUE_SCENARIO.weather, windFromDeg: 45 }, grid: { maxCellsPerSide: 16 }, points: [{ id: 'gate', eastM: -300, northM: -300 }] }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('assessment');
    expect(out.zones.type).toBe('FeatureCollection');
    expect(out.grid.frames[0].valuesPpm).toHaveLength(out.grid.nx * out.grid.ny);
    expect(out.grid.frames[0].valuesPpm.every((v: unknown) => typeof v === 'number')).toBe(true);
    expect(out.points[0].peakPpm).toBeGreaterThan(0);
  });
  const BAD = [
    { title: 'assessment: frames 0 names frames', args: ['assessment'], stdin: JSON.stringify({ ...ISSUE_SCENARIO, weather: { ...ISSUE_SCENARIO.weather, windFromDeg: 45 }, frames: 0 }), code: 'sim:bad-input', path: 'frames' },
    { title: 'negative rate names release.rateKgS', args: ['plume'], stdin: JSON.stringify({ ...ISSUE_SCENARIO, release: { ...ISSUE_SCENARIO.release, rateKgS: -1 } }), code: 'sim:bad-input', path: 'release.rateKgS' },
    { title: 'bad stability names weather.stability', args: ['plume'], stdin: JSON.stringify({ ...ISSUE_SCENARIO, weather: { ...ISSUE_SCENARIO.weather, stability: 'Q' } }), code: 'sim:bad-input', path: 'weather.stability' },
    { title: 'unknown chemical names chemical', args: ['plume'], stdin: JSON.stringify({ ...ISSUE_SCENARIO, chemical: 'XX9' }), code: 'sim:unknown-chemical', path: 'chemical' },
    { title: 'not JSON', args: ['plume'], stdin: '{oops', code: 'sim:bad-json', path: undefined },
    { title: 'unknown command', args: ['nope'], stdin: '{}', code: 'sim:unknown-command', path: undefined },
  ];
  for (const c of BAD) {
    it(`error: ${c.title}`, () => {
      const r = sim(c.args, c.stdin);
      expect(r.code, c.title).not.toBe(0);
      expect(r.stdout, c.title).toBe('');
      const err = JSON.parse(r.stderr.trim());
      expect(err.error.code, c.title).toBe(c.code);
      if (c.path) expect(err.error.path, c.title).toBe(c.path);
      expect(typeof err.error.message).toBe('string');
    });
  }
});
