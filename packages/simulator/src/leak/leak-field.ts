// The concentration a leak's cloud gives at each receptor (gas detector) over time, from the
// plume engine (@safetwin/sim, model 'auto': Gaussian plume, or Britter–McQuaid dense gas with
// its hand-over) under the simulated weather. Cheap per reading: every `stepMs` (a wind
// update) the field re-resolves the model for the current wind and class and stores, per
// receptor, its downwind distance, the steady concentration and the along-wind spread; a
// reading then costs two erf calls.
//
// Time (our model, documented in the README): the steady plume is switched on and off by the
// finite-release factor of the Palazzi puff train, ½[erf((x − tail)/(√2σx)) − erf((x − front)/(√2σx))]
// with σx = σy(x): the cloud's front has travelled `front` = ∫u dt since the release began and
// its tail `front − front(end)` once it has ended, so a detector x m downwind sees the cloud
// after ≈ x/u s and clears ≈ x/u s after the release stops; gusts speed it up and slow it down.
// The wind a receptor sees left the source r/u s earlier (r its distance): its direction is the
// direction of then (frozen turbulence), so a far detector follows a meander later.
// A dense cloud's steady Britter–McQuaid field spreads upwind and across by gravity, hundreds of metres in a light wind
// (l_b ∝ 1/u³): that takes its gravity current time, 0.84 (g0′Q0)^{1/4} t^{3/4} from the axis the wind carried it along
// (Britter 1979; @safetwin/sim gravityArrivalS) up to its hand-over to passive dispersion, so a receptor beyond
// that reads nothing yet — not the steady cloud of the latest lull, seconds after the release began.
import { erf, gravityArrivalS, plumeScenarioSchema, resolveModel, sigmaYM } from '@safetwin/sim';
import type { ModelName, ResolvedModel, StabilityClass } from '@safetwin/sim';
import type { WeatherPlace, WeatherState } from '../weather.ts';
import type { LocalGusts } from './gusts.ts';
import { weatherStability } from './weather-stability.ts';

/** Default wind-update period, ms. */
export const LEAK_STEP_MS = 1000;
/** Height of the wind the weather gives, m (the stations' 10 m wind): carried to the release height by the power law. */
export const WEATHER_WIND_HEIGHT_M = 10;
/** Wind directions remembered for the transport delay (30 min at 1 s steps). */
const HISTORY_STEPS = 1800;
/** A gap between readings longer than this many steps is bridged in one update (the wind of its start carries the cloud). */
const MAX_STEPS_PER_CATCH_UP = 600;
const SQRT2 = Math.SQRT2;

/** A point the field is evaluated at, metres from the site origin (a flat site: upM is the height above grade). */
export interface FieldPoint {
  eastM: number;
  northM: number;
  upM: number;
}

/** What a leak field is built from. */
export interface LeakFieldSpec {
  /** Plume-engine library key ('Cl2', 'LPG', …). */
  chemical: string;
  rateKgS: number;
  /** Release point; its upM is the release height. */
  source: FieldPoint;
  /** Release start and end, epoch ms. */
  startMs: number;
  endMs: number;
  receptors: readonly FieldPoint[];
  /** The site's weather at a time (the stations' view, without their noise). */
  weatherAt(tMs: number): Readonly<WeatherState>;
  /** Where the site is (sun elevation for the stability class). */
  place: WeatherPlace;
  /** Local meander and gusts; null for the stations' wind as it is. */
  gusts: LocalGusts | null;
  /** Wind-update period, ms. @defaultValue 1000 */
  stepMs?: number;
}

/** The wind and model of the latest update. */
export interface FieldState {
  tMs: number;
  /** The 10 m wind the cloud sees (stations' wind × gusts), m/s, and where it comes from, degrees. */
  windSpeedMS: number;
  windFromDeg: number;
  stability: StabilityClass;
  model: ModelName;
  /** Speed the cloud travels at (the model's transport wind), m/s. */
  transportMS: number;
}

/** A leak's concentration field over its receptors. */
export class LeakField {
  private readonly stepMs: number;
  private readonly n: number;
  private readonly east: Float64Array;
  private readonly north: Float64Array;
  private readonly rangeM: Float64Array;
  private readonly downwindM: Float64Array;
  /** When the latest update's dense cloud's gravity current reaches each receptor, s after the release began (0: no wait). */
  private readonly gravityArrivalS: Float64Array;
  private readonly steadyPpm: Float64Array;
  private readonly sigmaXM: Float64Array;
  private readonly dirHistory = new Float64Array(HISTORY_STEPS);
  private readonly maxRangeM: number;
  private updates = 0;
  /** Distance the cloud's front has travelled at the latest update, m; at the release end (once known), m. */
  private travelM = 0;
  private travelAtEndM: number | null = null;
  private isCleared = false;
  /** The latest update; null before the release starts. */
  state: FieldState | null = null;

  constructor(private readonly spec: LeakFieldSpec) {
    this.stepMs = spec.stepMs ?? 1000;
    const n = (this.n = spec.receptors.length);
    this.east = new Float64Array(n);
    this.north = new Float64Array(n);
    this.rangeM = new Float64Array(n);
    this.downwindM = new Float64Array(n);
    this.gravityArrivalS = new Float64Array(n);
    this.steadyPpm = new Float64Array(n);
    this.sigmaXM = new Float64Array(n);
    let maxRange = 0;
    for (let i = 0; i < n; i++) {
      const r = spec.receptors[i]!;
      this.east[i] = r.eastM - spec.source.eastM;
      this.north[i] = r.northM - spec.source.northM;
      this.rangeM[i] = Math.hypot(this.east[i]!, this.north[i]!);
      maxRange = Math.max(maxRange, this.rangeM[i]!);
    }
    this.maxRangeM = maxRange;
  }

  /** Concentration at receptor `i` at `tMs`, ppm (0 before the release and once the cloud has passed). */
  ppmAt(i: number, tMs: number): number {
    if (!this.advance(tMs)) return 0;
    const c = this.steadyPpm[i]!;
    if (c <= 0) return 0;
    const s = this.state!;
    const front = this.travelM + (s.transportMS * (tMs - s.tMs)) / 1000;
    const x = this.downwindM[i]!;
    if ((tMs - this.spec.startMs) / 1000 < this.gravityArrivalS[i]!) return 0;
    const spread = SQRT2 * this.sigmaXM[i]!;
    let passed = 1;
    if (tMs > this.spec.endMs) {
      const atEnd = this.travelAtEndM ?? this.travelM + (s.transportMS * (this.spec.endMs - s.tMs)) / 1000;
      passed = erf((x - (front - atEnd)) / spread);
    }
    const f = 0.5 * (passed - erf((x - front) / spread));
    return f > 0 ? c * f : 0;
  }

  /**
   * Moves the release's end to `endMs` (an isolation cut the feed off; a valve reopened):
   * ignored once the release has ended, and never before the latest wind update.
   */
  endAt(endMs: number): void {
    if (this.travelAtEndM !== null) return;
    this.spec.endMs = Math.max(endMs, this.state?.tMs ?? this.spec.startMs);
  }

  /** When the release ends, epoch ms. */
  get endMs(): number {
    return this.spec.endMs;
  }

  /** Whether the cloud has passed every receptor after the release ended (the field reads 0 from then on). */
  cleared(tMs: number): boolean {
    this.advance(tMs);
    return this.isCleared;
  }

  /** Brings the field's wind up to `tMs`; false before the release starts. */
  private advance(tMs: number): boolean {
    if (tMs < this.spec.startMs) return false;
    if (!this.state) this.update(this.spec.startMs);
    let next = this.state!.tMs + this.stepMs;
    if (tMs >= next + MAX_STEPS_PER_CATCH_UP * this.stepMs) next = tMs - ((tMs - this.spec.startMs) % this.stepMs);
    while (tMs >= next && !this.isCleared) {
      this.update(next);
      next = this.state!.tMs + this.stepMs;
    }
    return !this.isCleared;
  }

  /** A wind update at `tMs`: carries the cloud on with the previous wind, then takes the current one. */
  private update(tMs: number): void {
    const spec = this.spec;
    const prev = this.state;
    if (prev) {
      const stepM = (prev.transportMS * (tMs - prev.tMs)) / 1000;
      if (this.travelAtEndM === null && tMs >= spec.endMs) this.travelAtEndM = this.travelM + (prev.transportMS * (spec.endMs - prev.tMs)) / 1000;
      this.travelM += stepM;
    }
    const w = spec.weatherAt(tMs);
    const g = spec.gusts?.at(tMs) ?? { dirOffsetDeg: 0, speedFactor: 1 };
    const windSpeedMS = Math.max(0.1, w.windSpeedMS * g.speedFactor);
    const windFromDeg = (((w.windFromDeg + g.dirOffsetDeg) % 360) + 360) % 360;
    // The class belongs to the boundary layer, not to one gust: read from the mean wind (weather-stability.ts).
    const stability = weatherStability({ ...w, windSpeedMS: w.meanWindSpeedMS ?? w.windSpeedMS }, tMs, spec.place);
    const model = this.model(windSpeedMS, stability, w);
    const transportMS = model.windSpeedMS;
    this.state = { tMs, windSpeedMS, windFromDeg, stability, model: model.model, transportMS };
    this.dirHistory[this.updates % HISTORY_STEPS] = windFromDeg;
    this.updates++;

    if (this.travelAtEndM !== null) {
      const tailM = this.travelM - this.travelAtEndM;
      if (tailM > this.maxRangeM + 4 * sigmaYM(Math.max(1, this.maxRangeM), stability, model.sigma)) {
        this.isCleared = true;
        return;
      }
    }
    const kgPerPpm = model.ppmToKgM3(1);
    const stepsPerM = 1000 / (transportMS * this.stepMs);
    const rad = Math.PI / 180;
    for (let i = 0; i < this.n; i++) {
      // The direction of the wind that left the source when this receptor's air did.
      const back = Math.min(Math.round(this.rangeM[i]! * stepsPerM), this.updates - 1, HISTORY_STEPS - 1);
      const fromDeg = this.dirHistory[(this.updates - 1 - back) % HISTORY_STEPS]!;
      const towardRad = (fromDeg + 180) * rad;
      const se = Math.sin(towardRad), ce = Math.cos(towardRad);
      const e = this.east[i]!, nn = this.north[i]!;
      const x = e * se + nn * ce;
      const y = nn * se - e * ce;
      this.downwindM[i] = x;
      this.gravityArrivalS[i] = gravityArrivalS(model, x, y);
      // Upwind points read 0 except inside a dense cloud's upwind spread (Britter–McQuaid), which the model gives.
      this.steadyPpm[i] = model.concentrationKgM3(x, y, spec.receptors[i]!.upM).concentrationKgM3 / kgPerPpm;
      this.sigmaXM[i] = sigmaYM(Math.max(1, x), stability, model.sigma);
    }
  }

  /** The plume engine's model for this wind and class (steady continuous release at the source height). */
  private model(windSpeedMS: number, stability: StabilityClass, w: Readonly<WeatherState>): ResolvedModel {
    const scenario = plumeScenarioSchema.parse({
      chemical: this.spec.chemical,
      model: 'auto',
      release: { kind: 'continuous', rateKgS: this.spec.rateKgS, heightM: this.spec.source.upM },
      weather: { windSpeedMS, windHeightM: WEATHER_WIND_HEIGHT_M, stability, airTempK: w.airTempC + 273.15, pressurePa: w.airPressureHpa * 100 },
    });
    return resolveModel(scenario);
  }
}
