/**
 * A chlorine plume run that computes for a while: `receptors` dose integrals of a 10-minute
 * release (≈ 5 s per 20 000 on this 2-core machine, idle). Tests that cancel, time out or kill
 * a run while it computes ask for many more than they need, so a faster engine or machine
 * cannot finish the run before the test acts on it. Hubs given such runs raise
 * `simInputLimits.receptors` (the default is 1000).
 */
export function heavyScenario(receptors: number) {
  return {
    chemical: 'Cl2',
    release: { kind: 'continuous', rateKgS: 1, durationS: 600 },
    weather: { windSpeedMS: 3, stability: 'D' },
    receptors: Array.from({ length: receptors }, (_, i) => ({ xM: 100 + (i % 20_000), yM: Math.floor(i / 20_000), doseUntilS: 3600 })),
  };
}

/** Runs long enough to outlive several leases when computed to the end (reliability tests). */
export const LEASE_OUTLIVING_RECEPTORS = 20_000;
/** Runs that a test stops before they end (cancel, kill, time limit): tens of seconds of work. */
export const STOPPED_BEFORE_END_RECEPTORS = 80_000;
