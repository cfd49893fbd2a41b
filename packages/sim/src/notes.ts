// What the plume engine says about a run that the reader must know (its warnings), as a key and values
// that each client words in its own language, with the English. The English templates below are the one
// source of the engine's wording; results keep `warnings` as the English lines (the CLI, logs, older
// clients) and add `warningNotes` beside them (apps/web words them for a Chinese wall).

/** English of every note; `{name}` is filled from the note's values. */
export const SIM_NOTE_EN = {
  'dense.ground-level-only': 'Britter–McQuaid assumes a ground-level release; heightM {heightM} m is ignored',
  'dense.not-denser-than-air':
    'dense model for a release not denser than air ({releaseKgM3} vs {airKgM3} kg/m³): Britter–McQuaid is outside its basis (no gravity spreading applied); use gaussian-plume / gaussian-puff',
  'dense.steady': 'Britter–McQuaid plume treats the release as steady (durationS / rateSteps ignored); conservative for short releases',
  'dense.plume-alpha': 'Britter–McQuaid plume: α = {alpha} > 1, outside the correlations (extrapolated)',
  'dense.puff-alpha': 'Britter–McQuaid puff: α = {alpha} > 1, outside the correlations (extrapolated)',
  'model.elevated-dense':
    "dense gas released at {heightM} m modelled as a passive {passive}: the cloud's slumping to the ground is not modelled and near-source ground concentrations may be under-predicted; run model 'dense' (ground-level release) for a protective bound",
  'model.low-wind-floor': 'wind {windMS} m/s below 1 m/s reset to 1 m/s for the steady plume (EPA Meteorological Monitoring Guidance §6.9)',
  'model.steady-ignores-duration': 'steady plume ignores durationS / rateSteps (conservative); use model gaussian-puff for a finite release',
  'model.plume-for-instantaneous': 'gaussian-plume requested for an instantaneous release: massKg is read as kg/s',
  'model.no-duration': 'no durationS: the rate schedule is run until {endS} s (last step + 1 h)',
  'levels.none-for-zones': '{chemical} has no AEGL in the library; give thresholdsPpm',
  'levels.none-for-plume': '{chemical} has no AEGL in the library and no thresholdsPpm were given',
  'zones.calm': 'wind {windMS} m/s < {calmMS} m/s: direction not trusted, zones drawn as circles of the threat distance',
  'threshold.scan-limit': '{ppm} ppm: still exceeded at the scan limit {distanceM} m; the zone is cut there',
  'threshold.beyond-handover-plume':
    '{ppm} ppm: reached beyond the dense → passive hand-over ({handoverM} m); the distance is the passive Gaussian plume from the virtual sources, not a Britter–McQuaid value',
  'threshold.beyond-handover-puff':
    '{ppm} ppm: reached beyond the dense → passive hand-over ({handoverM} m); the distance is the passive Gaussian puff from the virtual sources, not a Britter–McQuaid value',
  'threshold.sigma-range': '{ppm} ppm: σ set {sigma} is fitted for {fromM} m – {toKm} km; x = {xM} m is outside (extrapolated)',
  'hole.no-overpressure': 'pressurePa {pressurePa} Pa is not above the ambient {ambientPa} Pa: no pressure-driven release',
  'hole.liquid-above-critical': "phase 'liquid' given, but {temperatureK} K ≥ the critical temperature {criticalK} K: released as gas",
  'hole.no-critical-temperature': '{chemical} has no critical temperature in the library: the phase is decided from the vapour pressure alone',
  'hole.vapour-pressure-estimated':
    'vapour pressure of {chemical} at {temperatureK} K estimated by Clausius–Clapeyron from Tb = {boilingK} K and ΔHvap ({vapourBar} bar): an estimate, the phase decision near it is uncertain',
  'hole.gas-would-condense':
    "phase 'gas' given at {pressureBar} bar, above the estimated vapour pressure {vapourBar} bar: {chemical} would condense at this pressure; check the operating state",
  'hole.taken-saturated':
    "pressure within {bandPct} % of the estimated vapour pressure: taken as saturated liquid (a liquefied-gas tank under its own vapour pressure); a hole in the vapour space releases gas at a much lower rate — give phase: 'gas' if so",
  'hole.no-liquid-head':
    'no liquidHeadM given: the liquid column above the hole is not counted (for a low-pressure or refrigerated tank it can dominate the driving pressure)',
  'hole.small-airborne':
    'only {airbornePct} % of the liquid becomes airborne by flash and aerosol; the rest forms a pool whose evaporation is not modelled here (use the pool-evaporation source term, or the whole rate for a protective bound)',
  'hole.flashing-jet':
    'high-momentum flashing jets can carry nearly all the liquid as aerosol (Jack Rabbit, Desert Tortoise; plume-physics.md §7); the 2·x_v rule may under-predict — use the whole rate for a conservative bound',
} as const;

/** One of the engine's notes. */
export type SimNoteKey = keyof typeof SIM_NOTE_EN;

/**
 * A note: its key, its values as the English prints them (numbers already rounded for people: format.ts; ids and model
 * names verbatim), and the English sentence.
 */
export interface SimNote {
  key: SimNoteKey;
  values: Readonly<Record<string, string>>;
  text: string;
}

/** `template` with every `{name}` replaced by `values[name]` (left as is when there is no such value). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Builds a note with its English. */
export function simNote(key: SimNoteKey, values: Readonly<Record<string, string | number>> = {}): SimNote {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) text[k] = String(v);
  return { key, values: text, text: fillTemplate(SIM_NOTE_EN[key], text) };
}

/**
 * Notes that differ only in the level they concern (`ppm`) said once for all those levels ("20, 2, 0.5 ppm: reached
 * beyond the hand-over …" rather than three lines), in the order first said.
 */
export function mergeLevels(notes: readonly SimNote[]): SimNote[] {
  const out: SimNote[] = [];
  const byRest = new Map<string, { at: number; ppm: string[] }>();
  for (const n of notes) {
    const { ppm, ...rest } = n.values;
    if (ppm === undefined) {
      out.push(n);
      continue;
    }
    const key = JSON.stringify([n.key, Object.entries(rest).sort()]);
    const known = byRest.get(key);
    if (known) {
      if (!known.ppm.includes(ppm)) known.ppm.push(ppm);
      out[known.at] = simNote(n.key, { ...rest, ppm: known.ppm.join(', ') });
    } else {
      byRest.set(key, { at: out.length, ppm: [ppm] });
      out.push(n);
    }
  }
  return out;
}

/** The English lines of `notes`, for the results' `warnings`. */
export function noteLines(notes: readonly SimNote[]): string[] {
  return notes.map((n) => n.text);
}
