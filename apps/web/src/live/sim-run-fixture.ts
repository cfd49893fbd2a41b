// Realistic assessment results for tests, made by the real engine (`runAssessment`) and stored
// the way the hub stores them (each frame's values as little-endian Float32 base64).
import { encodeF32Base64 } from '@safetwin/protocol';
import { runAssessment } from '@safetwin/sim';
import type { ReleaseFormValues } from './sim-run.ts';

/** A filled release form: 2.5 kg/s from the chlorine sphere, live weather giving class D. */
export const RELEASE_FORM: ReleaseFormValues = {
  source: { kind: 'equipment', equipmentId: 'CP-E1-TK-01' },
  chemical: 'Cl2',
  sizing: 'rate',
  rateKgS: '2.5',
  holeDiameterMm: '',
  holePhase: 'auto',
  durationMin: '',
  weather: 'live',
  liveStability: 'D',
  windSpeedMS: '',
  windFromDeg: '',
  stability: '',
};

/**
 * A release with wind from 250° at 3 m/s, class D, and two points of interest: chlorine 1 kg/s
 * (dense, steady: one frame), or with `durationS` ammonia 2 kg/s (passive, finite: frames over time).
 */
export function releaseScenario(durationS?: number): Record<string, unknown> {
  return {
    chemical: durationS ? 'NH3' : 'Cl2',
    release: { kind: 'continuous', rateKgS: durationS ? 2 : 1, heightM: 0, ...(durationS ? { durationS } : {}) },
    weather: { windSpeedMS: 3, windFromDeg: 250, stability: 'D' },
    origin: { lon: 118.8, lat: 32.2 },
    points: [
      { id: 'AP-1', label: 'assembly point 1', eastM: 400, northM: 150 },
      { id: 'B-1', label: 'office', eastM: -300, northM: 0 },
    ],
    grid: { maxCellsPerSide: 48 },
    frames: 6,
  };
}

/** The engine's result for a scenario, as the hub returns it (grids base64-encoded). */
export function storedAssessment(scenario: Record<string, unknown>): Record<string, unknown> {
  const result = runAssessment(scenario) as unknown as { grid: { frames: { valuesPpm: Float32Array }[] } } & Record<string, unknown>;
  return {
    ...result,
    grid: {
      ...result.grid,
      frames: result.grid.frames.map(({ valuesPpm, ...rest }) => ({ ...rest, valuesPpmF32Base64: encodeF32Base64(valuesPpm) })),
    },
  };
}
