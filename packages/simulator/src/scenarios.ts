// Scenarios staged on top of normal running, for drills and tests. Each kind is a typed
// request; the engine turns an accepted one into an overlay on the affected devices.
import type { LeakTruth } from './leak/leak-book.ts';

/** A methane rise on one mine CH4 sensor: a ramp to `peakPct` and back within `durationS`. */
export interface MethaneRiseScenario {
  kind: 'methane-rise';
  /** The sensor's site; when given, a sensor of another site is refused (`simulator:wrong-site`). */
  siteId?: string;
  /** Device id of a `gas-ch4` sensor. */
  sensorId: string;
  /** Peak concentration, %vol CH4. */
  peakPct: number;
  /** Whole event, ramp up + hold + ramp down, s. */
  durationS: number;
}

/**
 * A device that sends nothing for `durationS`, then resumes at its usual interval (a detector
 * failing during a drill, so the wall must show it stale). Any device whose fault model has
 * dropouts: field sensors, weather stations and miners' tags.
 */
export interface SensorDropoutScenario {
  kind: 'sensor-dropout';
  /** The device's site; when given, a device of another site is refused (`simulator:wrong-site`). */
  siteId?: string;
  deviceId: string;
  /** Silence, s. */
  durationS: number;
}

/**
 * A loss of containment at a chemical-park item: for `durationS` the item releases `rateKgS`
 * of `chemical`, and the site's gas detectors that see it read the plume model's cloud
 * (packages/simulator/src/leak; README "Staged leaks").
 */
export interface LeakScenario {
  kind: 'leak';
  siteId: string;
  /** Equipment or pipe segment that leaks. */
  equipmentId: string;
  /** What leaks (plume-engine library key); must be what the item holds. */
  chemical: string;
  /** Release rate, kg/s. */
  rateKgS: number;
  durationS: number;
  /** Height of the hole above grade, m. @defaultValue 1 m for equipment, the pipe's height for a segment */
  heightM?: number;
  /** Pipe segments only: the hole's distance along the segment from its first node, m. @defaultValue its middle */
  alongM?: number;
}

/** Anything `simulator.stage()` accepts. */
export type Scenario = MethaneRiseScenario | SensorDropoutScenario | LeakScenario;

/** A staged scenario as the simulator keeps it. */
export interface StagedScenario {
  id: string;
  /** Site of the device it drives. */
  siteId: string;
  /** The scenario as accepted. */
  scenario: Scenario;
  /** When it starts and when it is over, epoch ms (a leak: when the release starts and stops). */
  startMs: number;
  endMs: number;
  /** Leaks: what really happened (source, mass, detector faults). */
  leak?: LeakTruth;
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
