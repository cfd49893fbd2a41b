import { describe, expect, it } from 'vitest';
import { holeRelease, type HoleReleaseInput } from './assessment/hole-release.ts';
import { runAssessment } from './assessment/run-assessment.ts';
import { runPlume } from './run-plume.ts';
import { runZones } from './run-zones.ts';
import { fillTemplate, mergeLevels, noteLines, SIM_NOTE_EN, simNote, type SimNote } from './notes.ts';

/** Runs that between them raise most of the engine's notes (dense, elevated, calm, low wind, finite, puff, hole). */
const weather = { windSpeedMS: 3, stability: 'D', windFromDeg: 250, airTempK: 293 };
const RUNS = [
  { chemical: 'Cl2', model: 'dense', release: { kind: 'continuous', rateKgS: 1.2, heightM: 3, durationS: 600 }, weather },
  { chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 1.2, heightM: 30 }, weather },
  { chemical: 'Cl2', model: 'dense', release: { kind: 'instantaneous', massKg: 500 }, weather, frames: 2 },
  { chemical: 'Cl2', model: 'gaussian-plume', release: { kind: 'continuous', rateKgS: 1, durationS: 300 }, weather: { ...weather, windSpeedMS: 0.3 } },
  { chemical: 'Cl2', model: 'gaussian-puff', release: { kind: 'continuous', rateKgS: 1, rateSteps: [{ tS: 0, rateKgS: 1 }, { tS: 100, rateKgS: 0 }] }, weather, frames: 2 },
  { chemical: 'CH4', model: 'dense', release: { kind: 'continuous', rateKgS: 1 }, weather, thresholdsPpm: [5000] },
];
const HOLES: HoleReleaseInput[] = [
  { chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 8e5, temperatureK: 293 },
  { chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 12e5, temperatureK: 293, phase: 'gas' },
  { chemical: 'Cl2', holeDiameterM: 0.01, pressurePa: 5e4, temperatureK: 293, phase: 'gas' },
];

/** Every result's lines and notes, warnings and explanations alike. */
function notesOfRuns(): { warnings: string[]; notes: SimNote[] }[] {
  type Said = { warnings: string[]; warningNotes: SimNote[]; explanations: string[]; explanationNotes: SimNote[] };
  const both = (r: Said) => [{ warnings: r.warnings, notes: r.warningNotes }, { warnings: r.explanations, notes: r.explanationNotes }];
  return [
    ...RUNS.map((input) => runAssessment(input)).flatMap((r) => [...both(r), ...both(r.zones.metadata)]),
    ...HOLES.map((input) => holeRelease(input)).flatMap(both),
    ...RUNS.map((input) => runPlume(input)).flatMap(both),
    ...RUNS.map((input) => runZones(input)).flatMap((r) => both(r.metadata)),
  ];
}

describe('the engine says its warnings and explanations as keyed notes with their English', () => {
  it('says a note once for all the levels it concerns, other notes as they are', () => {
    const notes = [
      simNote('threshold.beyond-handover-plume', { ppm: 20, handoverM: 307 }),
      simNote('dense.steady'),
      simNote('threshold.beyond-handover-plume', { ppm: 2, handoverM: 307 }),
      simNote('threshold.sigma-range', { ppm: 2, sigma: 'briggs-rural', fromM: 100, toKm: 10, xM: 12_000 }),
      simNote('threshold.beyond-handover-plume', { ppm: 0.5, handoverM: 307 }),
    ];
    expect(noteLines(mergeLevels(notes))).toEqual([
      '20, 2, 0.5 ppm: reached beyond the dense → passive hand-over (307 m); the distance is the passive Gaussian plume from the virtual sources, not a Britter–McQuaid value',
      notes[1]!.text,
      notes[3]!.text,
    ]);
  });

  it('a dense plume whose three levels reach past the hand-over says so once, for the three levels', () => {
    const r = runZones({ chemical: 'Cl2', release: { kind: 'continuous', rateKgS: 3.6 }, weather: { windSpeedMS: 4.2, stability: 'C', windFromDeg: 120, airTempK: 293 } });
    const handover = r.metadata.warningNotes.filter((n) => n.key === 'threshold.beyond-handover-plume');
    expect(handover).toHaveLength(1);
    expect(handover[0]!.values.ppm).toBe('20, 2, 0.5');
  });

  it('fills every placeholder and leaves unknown ones visible', () => {
    expect(simNote('model.no-duration', { endS: 3700 }).text).toBe('no durationS: the rate schedule is run until 3700 s (last step + 1 h)');
    expect(fillTemplate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('results keep `warnings` and `explanations` as exactly the English of their notes, every note worded from its template', () => {
    const seen = new Set<string>();
    for (const { warnings, notes } of notesOfRuns()) {
      expect(warnings).toEqual(noteLines(notes));
      for (const n of notes) {
        seen.add(n.key);
        expect(n.text).toBe(fillTemplate(SIM_NOTE_EN[n.key], n.values));
        expect(n.text, n.key).not.toMatch(/\{\w+\}/);
      }
    }
    // The runs above exercise the common notes of a wall's release card (not every one: some need odd inputs).
    const common = [
      'dense.ground-level-only', 'dense.steady', 'model.elevated-dense', 'model.low-wind-floor', 'model.steady-ignores-duration', 'model.no-duration',
      'hole.vapour-pressure-estimated', 'hole.gas-would-condense', 'hole.no-overpressure',
      'why.model-auto', 'why.elevated-passive', 'why.model-requested', 'why.wind-as-given', 'why.dense-plume', 'why.dense-puff', 'why.handover-plume-end',
      'why.grid-dense-plume', 'why.grid-dense-puff', 'why.grid-plume', 'why.grid-transient', 'why.finite-release', 'why.liquid-orifice', 'why.flash',
      'why.gas-orifice-choked', 'why.gas-orifice-subsonic', 'why.hole-gas-as-given', 'why.hole-liquid-phase',
    ];
    for (const key of common) {
      expect(seen, key).toContain(key);
    }
  });
});
