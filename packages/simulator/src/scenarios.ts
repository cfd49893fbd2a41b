// Scenarios staged on top of normal running, for drills and tests. Each kind is a typed
// request; the engine turns an accepted one into an overlay on the affected devices.

/** A methane rise on one mine CH4 sensor: a ramp to `peakPct` and back within `durationS`. */
export interface MethaneRiseScenario {
  kind: 'methane-rise';
  /** Device id of a `gas-ch4` sensor. */
  sensorId: string;
  /** Peak concentration, %vol CH4. */
  peakPct: number;
  /** Whole event, ramp up + hold + ramp down, s. */
  durationS: number;
}

/** A loss of containment at a park item (designed for the plume issue; not implemented in this version). */
export interface LeakScenario {
  kind: 'leak';
  siteId: string;
  /** Equipment or pipe segment that leaks. */
  sourceId: string;
  /** Release rate, kg/s. */
  rateKgS: number;
  durationS: number;
}

/** Anything `simulator.stage()` accepts. */
export type Scenario = MethaneRiseScenario | LeakScenario;

/** A staged scenario as the simulator keeps it. */
export interface StagedScenario {
  id: string;
  scenario: Scenario;
  /** Epoch ms. */
  startMs: number;
  endMs: number;
}

/** Fractions of a methane rise: ramp up 40 %, hold 20 %, ramp down 40 % of the duration. */
const RISE = 0.4;
const HOLD = 0.2;

/**
 * Shape of a methane rise at fraction `u` of its duration, 0 → 1 → 0 with a plateau so that
 * a sensor reporting every second or slower still reads the peak. Smoothstep ramps (no kinks).
 */
export function riseShape(u: number): number {
  if (u <= 0 || u >= 1) return 0;
  if (u < RISE) return smoothstep(u / RISE);
  if (u <= RISE + HOLD) return 1;
  return smoothstep((1 - u) / (1 - RISE - HOLD));
}

function smoothstep(x: number): number {
  return x * x * (3 - 2 * x);
}
