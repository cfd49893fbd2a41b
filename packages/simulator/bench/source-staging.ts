// A staged leak on the demo park turned into the input of @safetwin/sim's estimateSource: the
// simulator engine (no hub) runs the park, stages the leak, and its gas detectors' readings and
// weather stations' wind over the last minutes become the estimator's detectors and wind
// history; the candidates are every equipment item and pipe segment holding a chemical those
// detectors see. Bench support for source-bench.ts.
import { estimateSource, findChemical, type SourceCandidate, type SourceDetector, type SourceEstimationInput, type WindSample } from '@safetwin/sim';
import { meteredLine, type ChemicalPark, type Sensor } from '@safetwin/twin-models';
import { kindSees, TOXIC_DETECTOR_GAS } from '../src/leak/detector-response.ts';
import { leakSource } from '../src/leak/leak-source.ts';
import { trailingMeanStability, type StationSample } from '../src/leak/weather-stability.ts';
import { Rng } from '../src/prng.ts';
import type { LeakTruth } from '../src/leak/leak-book.ts';
import { createSimulator } from '../src/simulator.ts';

/** Detection limit of a detector: this share of its level-1 alarm (≈ 5× the simulated clean-air background, above its drift; our choice). */
export const DETECTION_SHARE_OF_ALARM = 0.2;
/** Wind the weather stations' readings are taken at, m (the simulator's weather is the 10 m wind). */
const STATION_WIND_HEIGHT_M = 10;

/** One staged leak and the estimator's input at the time of the estimate. */
export interface StagedLeak {
  itemId: string;
  chemical: string;
  rateKgS: number;
  truth: LeakTruth;
  /** Detectors of the kinds that see the leaked chemical that saw gas in the window. */
  hits: number;
  /** Length of the leaking pipe segment's run in plan, m (0 for equipment). */
  lineM: number;
  input: SourceEstimationInput;
  /** Mean station wind over the window: speed, m/s, direction from, degrees. */
  windSpeedMS: number;
  windFromDeg: number;
  stability: string;
}

/** The gas metric of a gas detector (%LEL of a flammable detector, ppm of a toxic one), or null for other sensors. */
function gasMetric(s: Sensor): string | null {
  if (s.kind === 'gas-flammable') return s.metrics.lel_pct ? 'lel_pct' : null;
  if (!TOXIC_DETECTOR_GAS[s.kind]) return null;
  return Object.keys(s.metrics).find((m) => m.endsWith('_ppm')) ?? null;
}

/** Items that can leak: they hold a library chemical that some detector kind of the park sees. */
export function leakableItems(park: ChemicalPark): { id: string; chemical: string }[] {
  const sees = (chemical: string) => {
    const c = findChemical(chemical);
    return c !== undefined && park.sensors.some((s) => kindSees(s.kind, c));
  };
  return [
    ...park.equipment.flatMap((e) => (e.chemical && sees(e.chemical) ? [{ id: e.id, chemical: e.chemical }] : [])),
    ...park.pipes.segments.flatMap((s) => (sees(s.chemical) ? [{ id: s.id, chemical: s.chemical }] : [])),
  ];
}

/**
 * Candidates of the park for the detectors `sensors`: every item holding a chemical they see, at its leak point, a pipe
 * segment with its run (the leak may be anywhere on it) unless `asPoints` (each at its middle: the estimate before it
 * searched along pipes, for comparison).
 */
export function candidatesFor(park: ChemicalPark, sensors: readonly Sensor[], asPoints = false): SourceCandidate[] {
  return leakableItems(park)
    .filter((item) => sensors.some((s) => kindSees(s.kind, findChemical(item.chemical)!)))
    .map((item) => {
      const src = leakSource(park, item.id, item.chemical, undefined);
      const line = asPoints ? null : segmentEnds(park, item.id);
      const flowLine = line ? meteredLine(park, item.id) : null;
      return {
        id: item.id, chemical: item.chemical, position: { eastM: src.point.eastM, northM: src.point.northM, upM: 0 }, releaseHeightM: src.point.upM,
        ...(line ? { line } : {}), ...(flowLine ? { flowLine } : {}),
      };
    });
}

/** The ends of pipe segment `id` (a leak may be anywhere between them; `upM` the pipe's height there), or null for equipment. */
function segmentEnds(park: ChemicalPark, id: string): SourceCandidate['line'] | null {
  const s = park.pipes.segments.find((x) => x.id === id);
  if (!s) return null;
  const end = (nodeId: string) => {
    const p = park.pipes.nodes.find((n) => n.id === nodeId)!.position;
    return { eastM: p.eastM, northM: p.northM, upM: p.upM };
  };
  return { from: end(s.from), to: end(s.to) };
}

/** Options of one staged leak. */
export interface StageOptions {
  park: ChemicalPark;
  seed: number;
  /** Observed minutes after the release starts when the estimate is made. */
  afterStartS: number;
  windowMs: number;
  /** The leak without local meander, gusts, detector noise or faults ({@link CALM_LEAK}). */
  calm?: boolean;
  /** A pipe leak at its segment's middle (the bench's staging before the estimator searched along pipes), not anywhere along it. */
  midpoint?: boolean;
  /** Pipe segments as candidates at their middles only, not along their runs ({@link candidatesFor}). */
  asPoints?: boolean;
  /** The detectors and wind only: no flow transmitters' readings (the estimate before it used process evidence). */
  gasOnly?: boolean;
}

/**
 * A staged leak with nothing the estimator cannot know: no local meander or gusts, no detector noise, no faults. What
 * the estimator still misses then is its own limit (the candidates' layout, off-axis hits), not the turbulence's.
 */
export const CALM_LEAK = { meanderDeg: 0, gustFraction: 0, noiseFraction: 0, faultChance: 0 } as const;

/**
 * How the bench tools stage and look, from the environment: SAFETWIN_BENCH_CALM=1 ({@link CALM_LEAK}),
 * SAFETWIN_BENCH_MIDPOINT=1 (a pipe leak at its segment's middle), SAFETWIN_BENCH_POINTS=1 (pipe candidates at their
 * middles only), SAFETWIN_BENCH_GAS_ONLY=1 (no flow transmitters' readings), SAFETWIN_BENCH_WINDOW_S (the estimate's look-back, s; the hub's 300 by default).
 */
export function stagingFromEnv(env: NodeJS.ProcessEnv = process.env): { windowMs: number; calm: boolean; midpoint: boolean; asPoints: boolean; gasOnly: boolean } {
  const windowS = Number(env.SAFETWIN_BENCH_WINDOW_S ?? 300);
  if (!(Number.isFinite(windowS) && windowS > 0)) throw new Error(`SAFETWIN_BENCH_WINDOW_S: a look-back in seconds above 0, got '${env.SAFETWIN_BENCH_WINDOW_S}'`);
  return { windowMs: windowS * 1000, calm: env.SAFETWIN_BENCH_CALM === '1', midpoint: env.SAFETWIN_BENCH_MIDPOINT === '1', asPoints: env.SAFETWIN_BENCH_POINTS === '1', gasOnly: env.SAFETWIN_BENCH_GAS_ONLY === '1' };
}

/** Stages a random leak (item, rate, weather from `seed`), runs the park and builds the estimator's input. */
export function stageRandomLeak(o: StageOptions): StagedLeak {
  const rng = new Rng(o.seed, 'source-bench');
  const items = leakableItems(o.park);
  const item = items[rng.int(items.length)]!;
  // Plausible rates: log-uniform 0.05–5 kg/s (a flange or small-bore leak to a ruptured 2" line; our choice).
  const rateKgS = Math.exp(rng.range(Math.log(0.05), Math.log(5)));
  // A pipe leaks anywhere along its run, uniformly (leak frequencies of pipework are per metre: @safetwin/sim
  // line-points.ts). Drawn from a stream of its own, so the leaks (item, rate, weather) are those of the midpoint staging.
  const ends = segmentEnds(o.park, item.id);
  const lineM = ends ? Math.hypot(ends.to.eastM - ends.from.eastM, ends.to.northM - ends.from.northM) : 0;
  const alongM = ends && !o.midpoint ? new Rng(o.seed, 'source-bench-along').range(0, lineM) : undefined;
  // Random weather: any day of 2026 at any hour, prevailing direction and mean speed at random.
  const t0 = Date.UTC(2026, 0, 1) + Math.floor(rng.range(0, 365 * 24)) * 3_600_000 + rng.int(3600) * 1000;
  const weather = { prevailingFromDeg: rng.range(0, 360), meanWindSpeedMS: rng.range(1.5, 5) };
  const sim = createSimulator({ sites: [o.park], startMs: t0, seed: o.seed, weather, ...(o.calm ? { leak: CALM_LEAK } : {}) });
  const leakAtMs = t0 + 300_000;
  const nowMs = leakAtMs + o.afterStartS * 1000;
  const detectorSensors = o.park.sensors.filter((s) => gasMetric(s) !== null);
  const metricOf = new Map(detectorSensors.map((s) => [s.id, gasMetric(s)!]));
  const kindOf = new Map(detectorSensors.map((s) => [s.id, s.kind]));
  const readings = new Map<string, [number, number][]>(detectorSensors.map((s) => [s.id, []]));
  const stations = new Set(o.park.sensors.filter((s) => s.kind === 'weather').map((s) => s.id));
  const stationSamples: (StationSample & { windFromDeg: number })[] = [];
  const flowReadings = new Map<string, [number, number][]>(o.gasOnly ? [] : o.park.sensors.filter((s) => s.kind === 'flow' && s.pipeSegmentId).map((s) => [s.id, []]));
  let truth: LeakTruth | undefined;
  const fromMs = nowMs - o.windowMs - 900_000;
  for (let t = t0; t <= nowMs; t += 1000) {
    if (t === leakAtMs) {
      truth = sim.stage({ kind: 'leak', siteId: o.park.id, equipmentId: item.id, chemical: item.chemical, rateKgS, durationS: 3600, ...(alongM === undefined ? {} : { alongM }) }, t).leak!;
    }
    for (const r of sim.tick(t)) {
      if (r.ts < fromMs) continue;
      const list = readings.get(r.deviceId);
      const metric = metricOf.get(r.deviceId);
      if (list && metric && r.values[metric] !== undefined) list.push([r.ts, r.values[metric]!]);
      else if (flowReadings.has(r.deviceId) && r.values.flow_kg_s !== undefined) flowReadings.get(r.deviceId)!.push([r.ts, r.values.flow_kg_s]);
      else if (stations.has(r.deviceId) && r.values.wind_speed_ms !== undefined && r.values.wind_dir_deg !== undefined) {
        stationSamples.push({ tMs: r.ts, windSpeedMS: r.values.wind_speed_ms, windFromDeg: r.values.wind_dir_deg, solarRadWM2: r.values.solar_rad_w_m2 ?? 0 });
      }
    }
  }
  // Each sample's class from the stations' mean wind, as the hub reads it (apps/realtime build-input.ts).
  stationSamples.sort((a, b) => a.tMs - b.tMs);
  const classes = trailingMeanStability(stationSamples, o.park.origin);
  const wind: WindSample[] = stationSamples.map((w, i) => ({ tMs: w.tMs, windSpeedMS: w.windSpeedMS, windFromDeg: w.windFromDeg, stability: classes[i]!, windHeightM: STATION_WIND_HEIGHT_M }));
  const allDetectors: SourceDetector[] = detectorSensors.map((s) => {
    const spec = s.metrics[metricOf.get(s.id)!]!;
    const alarm = s.setpoints?.high ?? spec.maxValue * 0.1;
    const gas = TOXIC_DETECTOR_GAS[s.kind];
    return { id: s.id, position: s.position, unit: s.kind === 'gas-flammable' ? '%LEL' : 'ppm', ...(gas ? { gas } : {}), readings: readings.get(s.id)!, detectionLimit: DETECTION_SHARE_OF_ALARM * alarm, saturation: spec.maxValue };
  });
  // What the wall would do: the kinds of detector that saw gas choose the detectors and the candidates.
  const probe = estimateSource({ chemical: item.chemical, candidates: [], detectors: allDetectors, wind, nowMs, options: { windowMs: o.windowMs } });
  const hitKinds = new Set(probe.hitDetectorIds.map((id) => kindOf.get(id)!));
  const used = detectorSensors.filter((s) => hitKinds.has(s.kind));
  const detectors = allDetectors.filter((d) => hitKinds.has(kindOf.get(d.id)!));
  const recent = wind.filter((w) => w.tMs > nowMs - o.windowMs);
  const rad = Math.PI / 180;
  const se = recent.reduce((s, w) => s + Math.sin(w.windFromDeg * rad), 0), ce = recent.reduce((s, w) => s + Math.cos(w.windFromDeg * rad), 0);
  return {
    itemId: item.id,
    chemical: item.chemical,
    rateKgS,
    truth: truth!,
    lineM,
    hits: probe.hitDetectorIds.filter((id) => kindSees(kindOf.get(id)!, findChemical(item.chemical)!)).length,
    input: { chemical: item.chemical, candidates: candidatesFor(o.park, used, o.asPoints), detectors, wind, nowMs, ...(o.gasOnly ? {} : { flowMeters: [...flowReadings].map(([id, readings]) => ({ id, readings })) }), options: { windowMs: o.windowMs } },
    windSpeedMS: recent.reduce((s, w) => s + w.windSpeedMS, 0) / Math.max(1, recent.length),
    windFromDeg: ((Math.atan2(se, ce) / rad) + 360) % 360,
    stability: recent.at(-1)?.stability ?? '?',
  };
}
