// What the plume engine says about a run — why it was modelled as it was (its explanations) and what
// the reader must know (its warnings) — as a key and values that each client words in its own language,
// with the English. The English templates below are the one source of the engine's wording; results keep `explanations` and `warnings` as the English lines (the
// CLI, logs, older clients) and add `explanationNotes` and `warningNotes` beside them (apps/web words
// them for a Chinese wall).

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
  'source.unknown-chemical': "candidate {id}: unknown chemical '{chemical}', left out",
  'source.direction-varied': 'wind direction varied by {spreadDeg}° (σθ) over the window; offsets beyond {capDeg}° are not considered',
  'source.no-majority': 'no candidate is more likely than not (top {percent} %)',
  // Why the run was modelled as it was (`explanations`).
  'why.wind-power-law':
    'wind {windMS} m/s at {heightM} m carried by the power law (p = {p}, {terrain}, class {stability}) to {releaseMS} m/s at release height and {u10MS} m/s at 10 m',
  'why.wind-as-given': 'windSpeedMS {windMS} m/s used as the transport speed (and as u10 for dense gas)',
  'why.model-auto':
    'model auto → {model}: release density {releaseKgM3} kg/m³ vs air {airKgM3} kg/m³; Richardson criterion {form} = {value} {comparison} {threshold} (Britter–McQuaid workbook as usually quoted, plume-physics.md §6.2 [M])',
  'why.elevated-passive':
    'dense by the criterion, but released at {heightM} m > {maxM} m: Britter–McQuaid is a ground-level model, so the passive {passive} from the release height is used (our rule, [M])',
  'why.model-requested': 'model {model} as requested',
  'why.sigma-requested': 'σ set {sigma} as requested',
  'why.sigma-puff-default': 'σ set {sigma} (puff default, CCPS/Slade)',
  'why.sigma-terrain-default': 'σ set {sigma} (default for {terrain} terrain)',
  'why.finite-release': 'finite release over {endS} s as the n → ∞ limit of a puff train (Palazzi closed form, σx = σy(x); plume-physics.md §3)',
  'why.dense-puff': 'Britter–McQuaid instantaneous: V0 = {volumeM3} m³, α = {alpha}; non-isothermal correction with T0 = {releaseK} K, Ta = {airK} K',
  'why.dense-plume':
    'Britter–McQuaid continuous: Q0 = {volumeRateM3S} m³/s, D = {lengthM} m, α = {alpha}; non-isothermal correction with T0 = {releaseK} K, Ta = {airK} K',
  'why.handover-plume-end':
    'dense → passive hand-over at {distanceM} m downwind (the end of the Britter–McQuaid correlations (Cm/C0 = 0.002, CCPS 1999 p.118); C′ = {ratio}, {ppm} ppm): beyond it a Gaussian plume (σ set {sigma}, u = {windMS} m/s, ground-level virtual source) whose σy virtual source lies {virtualYM} m and σz virtual source {virtualZM} m upwind of the hand-over point: σy matched to the dense top-hat half-width b = {widthM} m (σy = 2b/√(2π), same peak and crosswind integral), σz so that the centreline concentration is continuous (our matching rule, [M])',
  'why.handover-plume-richardson':
    'dense → passive hand-over at {distanceM} m downwind (the local Richardson number Ri0·C′^1/6 falling below the workbook criterion 0.15 (our local use, [M]); C′ = {ratio}, {ppm} ppm): beyond it a Gaussian plume (σ set {sigma}, u = {windMS} m/s, ground-level virtual source) whose σy virtual source lies {virtualYM} m and σz virtual source {virtualZM} m upwind of the hand-over point: σy matched to the dense top-hat half-width b = {widthM} m (σy = 2b/√(2π), same peak and crosswind integral), σz so that the centreline concentration is continuous (our matching rule, [M])',
  'why.handover-puff-end':
    'dense → passive hand-over at {distanceM} m downwind (the end of the Britter–McQuaid correlations (Cm/C0 = 0.001, CCPS 1999 p.118); C′ = {ratio}, {ppm} ppm): beyond it a Gaussian puff (σ set {sigma}, u = {windMS} m/s, ground-level virtual source) taken over at t = {timeS} s whose σy virtual source lies {virtualYM} m and σz virtual source {virtualZM} m upwind of the hand-over point: σy matched to the dense cloud radius R = {widthM} m (σy = R/√2, same peak and horizontal integral), σz so that the centreline concentration is continuous (our matching rule, [M])',
  'why.handover-puff-richardson':
    'dense → passive hand-over at {distanceM} m downwind (the local Richardson number Ri0·C′^1/3 falling below the workbook criterion 0.2 (our local use, [M]); C′ = {ratio}, {ppm} ppm): beyond it a Gaussian puff (σ set {sigma}, u = {windMS} m/s, ground-level virtual source) taken over at t = {timeS} s whose σy virtual source lies {virtualYM} m and σz virtual source {virtualZM} m upwind of the hand-over point: σy matched to the dense cloud radius R = {widthM} m (σy = R/√2, same peak and horizontal integral), σz so that the centreline concentration is continuous (our matching rule, [M])',
  'why.hole-above-critical': 'gas phase: {temperatureK} K is at or above the critical temperature of {chemical} ({criticalK} K, {source}): no liquid at any pressure',
  'why.hole-liquid-as-given': 'liquid phase as given (hole in the liquid space); estimated vapour pressure {vapourBar} bar at {temperatureK} K',
  'why.hole-gas-as-given': 'gas phase as given (hole in the vapour space); estimated vapour pressure {vapourBar} bar at {temperatureK} K',
  'why.hole-liquid-phase':
    'liquid phase: {pressureBar} bar ≥ {sharePct} % of the estimated vapour pressure {vapourBar} bar at {temperatureK} K (a liquefied gas, hole below the liquid level assumed)',
  'why.hole-gas-phase': 'gas phase: {pressureBar} bar < {sharePct} % of the estimated vapour pressure {vapourBar} bar at {temperatureK} K',
  'why.liquid-orifice': 'liquid orifice (Bernoulli, CCPS 1999 p.40): Cd = {cd}, ρ = {densityKgM3} kg/m³, ΔP = {dpBar} bar → {rateKgS} kg/s at {velocityMS} m/s',
  'why.liquid-orifice-head':
    'liquid orifice (Bernoulli, CCPS 1999 p.40): Cd = {cd}, ρ = {densityKgM3} kg/m³, ΔP = {dpBar} bar + liquid head {headM} m (ρgh = {headBar} bar) → {rateKgS} kg/s at {velocityMS} m/s',
  'why.flash':
    'flash fraction x_v = cp,l (T − Tb)/ΔHvap = {flash}; airborne = min(1, 2·x_v) = {airborne} of the rate (aerosol taken equal to the flashed vapour: Kletz rule via CCPS 1999, [M] not verified), the rest rains out',
  'why.no-flash': 'liquid below its boiling point ({temperatureK} K ≤ Tb {boilingK} K): no flash; airborne rate 0 (pool evaporation not modelled here)',
  'why.gas-orifice-choked': 'gas orifice (isentropic, TNO Yellow Book): Cd = {cd}, k = {k}, choked (P0/Pa = {ratio} vs critical {critical}) → {rateKgS} kg/s, all airborne',
  'why.gas-orifice-subsonic': 'gas orifice (isentropic, TNO Yellow Book): Cd = {cd}, k = {k}, subsonic (P0/Pa = {ratio} vs critical {critical}) → {rateKgS} kg/s, all airborne',
  'why.grid-extent': "grid over the requested extent ({widthM} × {heightM} m, cells ≥ {cellM} m), not the zones' box",
  'why.grid-calm': 'calm wind: the grid follows the cloud for {minutes} min ({reachM} m around the source, at least {leastM} m), not the whole calm circles',
  'why.grid-plume': 'grid {nx}×{ny} cells of {cellM} m at {zM} m height in ppm (steady Gaussian plume); one steady frame',
  'why.grid-transient': 'grid {nx}×{ny} cells of {cellM} m at {zM} m height in ppm (Gaussian puff / finite release at each time); {frames} frames at {timesS} s after the release start',
  'why.grid-dense-plume':
    'grid {nx}×{ny} cells of {cellM} m at {zM} m height in ppm (Britter–McQuaid plume: the centreline value inside the top-hat half-width and height (read as at least {layerM} m, the breathing zone), 0 outside, and beyond the dense → passive hand-over at {handoverM} m the passive Gaussian plume from its virtual source); one steady frame',
  'why.grid-dense-puff':
    'grid {nx}×{ny} cells of {cellM} m at {zM} m height in ppm (Britter–McQuaid puff: the cloud value inside its cylinder at each time, 0 outside, and beyond the dense → passive hand-over at {handoverM} m the passive Gaussian puff from its virtual source); {frames} frames at {timesS} s after the release start',
  'why.points-steady': 'points: steady plume reached at the travel time x/u and held from then on; dose over {minutes} min from arrival (the AEGL 60-min window)',
  'why.points-steady-short':
    'points: steady plume reached at the travel time x/u and held from then on; dose over {minutes} min from arrival (the AEGL 60-min window, shortened to the release duration)',
  'why.points-transient':
    'points: concentration sampled over time until the cloud has passed the point (at least until the last grid frame); dose ∫C dt by the trapezoid rule',
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

/**
 * A result's explanations and warnings as the engine gives them: the English lines (`explanations`, `warnings`) and the
 * notes they are worded from (`explanationNotes`, `warningNotes`), a warning about several levels said once.
 */
export function saidNotes(explanations: readonly SimNote[], warnings: readonly SimNote[]) {
  const merged = mergeLevels(warnings);
  return { explanations: noteLines(explanations), explanationNotes: [...explanations], warnings: noteLines(merged), warningNotes: merged };
}

/** The English lines of `notes`, for the results' `warnings`. */
export function noteLines(notes: readonly SimNote[]): string[] {
  return notes.map((n) => n.text);
}
