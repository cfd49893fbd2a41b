// Each roadway's gas state for the wall: the methane of the CH4 sensors hanging in it against
// their own set-points (the interlock table of twin-models, read from the mine description:
// alarm at the sensor's `high` level, power cut at its `powerCut.cutAtPct` — 煤矿安全规程 /
// AQ 1029-2019 methane table, DESIGN.md §5). The hub's interlock view is the truth for a cut
// (it latches until the reading falls below the restore level, and a failed sensor cuts too),
// so a sensor the interlock says is cutting reads power-cut whatever its last value.
import type { InterlockSensor } from '@safetwin/twin-models';
import { deviceState, type LinkState } from './device-state.ts';
import type { LatestSample } from './merge-batch.ts';

/** A roadway's (or sensor's) gas state, worst first. */
export const GAS_STATES = ['power-cut', 'alarm', 'no-data', 'normal'] as const;
/** One of {@link GAS_STATES}. */
export type GasState = (typeof GAS_STATES)[number];

/** One sensor's state and reading. */
export interface SensorGas {
  sensorId: string;
  state: GasState;
  /** Latest live reading, %vol CH4; null when none may be shown as current. */
  valuePct: number | null;
  alarmPct: number | null;
  cutAtPct: number | null;
}

/** A roadway's gas: its worst sensor. */
export interface RoadwayGas {
  roadwayId: string;
  state: GasState;
  /** The sensor that decides the state. */
  worst: SensorGas;
  sensors: SensorGas[];
}

/** What the rule reads: the latest samples, the link, and which sensors the hub's interlock holds cutting. */
export interface GasInputs {
  sample(deviceId: string): LatestSample | undefined;
  link: LinkState;
  nowMs: number;
  /** Sensor ids the interlock holds cutting now (GET /sites/:id/power `sensors[].cutting`). */
  cutting: ReadonlySet<string>;
}

/** A sensor's gas state: cutting (interlock) > at or above the cut level > at or above the alarm level > no current value > normal. */
export function sensorGas(s: InterlockSensor, inputs: GasInputs): SensorGas {
  const sample = inputs.sample(s.sensorId);
  const live = deviceState(sample, s.intervalMs, inputs.nowMs, inputs.link) === 'live';
  const raw = live ? sample!.reading.values.ch4_pct : undefined;
  const valuePct = raw !== undefined && Number.isFinite(raw) ? raw : null;
  let state: GasState;
  if (inputs.cutting.has(s.sensorId) || (valuePct !== null && s.cutAtPct !== null && valuePct >= s.cutAtPct)) state = 'power-cut';
  else if (valuePct !== null && s.alarmPct !== null && valuePct >= s.alarmPct) state = 'alarm';
  else state = valuePct === null ? 'no-data' : 'normal';
  return { sensorId: s.sensorId, state, valuePct, alarmPct: s.alarmPct, cutAtPct: s.cutAtPct };
}

const RANK: Readonly<Record<GasState, number>> = Object.fromEntries(GAS_STATES.map((g, i) => [g, i])) as Record<GasState, number>;

/** The gas state of every roadway with a CH4 sensor in it (worst sensor decides; ties: the higher reading). */
export function roadwayGas(sensors: readonly InterlockSensor[], inputs: GasInputs): Map<string, RoadwayGas> {
  const out = new Map<string, RoadwayGas>();
  for (const s of sensors) {
    if (!s.roadwayId) continue;
    const gas = sensorGas(s, inputs);
    const known = out.get(s.roadwayId);
    if (!known) {
      out.set(s.roadwayId, { roadwayId: s.roadwayId, state: gas.state, worst: gas, sensors: [gas] });
      continue;
    }
    known.sensors.push(gas);
    const w = known.worst;
    if (RANK[gas.state] < RANK[w.state] || (gas.state === w.state && (gas.valuePct ?? -1) > (w.valuePct ?? -1))) {
      known.worst = gas;
      known.state = gas.state;
    }
  }
  return out;
}

/** A short key of the states, to rebuild drawings only when one changed. */
export function gasKey(gas: ReadonlyMap<string, RoadwayGas>): string {
  return [...gas.values()].map((g) => `${g.roadwayId}:${g.state}`).join('|');
}
