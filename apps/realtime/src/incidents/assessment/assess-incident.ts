// One incident assessment, pure (no I/O, no clock but `input.nowMs`; it runs on a sim worker
// thread): where the leak is, which valves isolate it, the release they leave, the threat zones
// of that release under the live wind (the envelope of the likely sources' zones while the estimate
// cannot single one out), who shelters or walks where, and tagged people's doses.
import { SOURCE_ESTIMATION_DEFAULTS } from '@safetwin/sim';
import type { DoseExceedanceView, EvacuationAssessmentView, IncidentAssessmentView, ThreatZoneView } from '@safetwin/protocol';
import { said, saidLists, type Said } from '../../said.ts';
import type { AssessmentInput } from './assessment-input.ts';
import { forecastLikely } from './forecast.ts';
import { assessIsolation, assessRelease, releaseDurationS } from './isolation-step.ts';
import { assessDoses, assessEvacuation, PEOPLE_HORIZON_S } from './people-step.ts';
import { assessSource } from './source-step.ts';
import { summarizeWind } from './wind-summary.ts';

/** The assessment of `input` (see the file comment); `computeMs` is this function's own time. */
export function assessIncident(input: AssessmentInput): IncidentAssessmentView {
  const startedMs = performance.now();
  const { nowMs, site, subject } = input;
  const warnings: Said[] = [];
  // The wind of the estimator's window: the forecast's transport wind and class, and the directions the plume swept.
  const wind = summarizeWind(input.wind, nowMs - SOURCE_ESTIMATION_DEFAULTS.windowMs, nowMs);
  const minutes = SOURCE_ESTIMATION_DEFAULTS.windowMs / 60_000;
  if (!wind) warnings.push(said(`no wind from the weather stations in the last ${minutes} min: no forecast, zones or evacuation plan`, 'assess.no-wind', { minutes }));

  const source = assessSource(input, wind);
  const chosen = source.chosen;
  const isolation = assessIsolation(site, chosen, source.likely, subject, nowMs);
  const release = assessRelease(chosen, isolation, nowMs, PEOPLE_HORIZON_S);
  warnings.push(...source.warnings, ...isolation.warnings);

  let zones: ThreatZoneView[] = [];
  let evacuation: EvacuationAssessmentView | null = null;
  let doses: DoseExceedanceView[] = [];
  const releases = [{ source: chosen, durationS: release.durationS }, ...source.others.map((s) => ({ source: s, durationS: releaseDurationS(s, isolation, chosen.releaseStartMs) }))];
  const fc = wind ? forecastLikely(site.origin, releases, wind, input.airTempK) : null;
  if (wind && !fc) {
    warnings.push(chosen.chemical
      ? said(`${chosen.chemical} has neither AEGLs nor a lower explosive limit in the plume engine's library: no zones`, 'assess.no-levels', { chemical: chosen.chemical })
      : said('the leaking chemical is not known yet (no declaration, no toxic detector hit, no candidate): no zones', 'assess.chemical-unknown'));
  }
  if (fc) {
    zones = fc.zones;
    warnings.push(...fc.warnings);
    const nowS = (nowMs - chosen.releaseStartMs) / 1000;
    evacuation = assessEvacuation(site, input.shift, input.people, fc.field, fc.exposure, nowS);
    doses = assessDoses(input.people, fc.field, fc.exposure, chosen.releaseStartMs, nowMs);
    if (input.people.length === 0) warnings.push(said('no tagged people on this site: doses are not tracked; buildings are planned from the shift occupancy', 'assess.no-tagged-people'));
  }

  return {
    seq: input.seq,
    computedAt: nowMs,
    dataUntil: dataUntil(input),
    computeMs: Math.round(performance.now() - startedMs),
    weather: wind
      ? { windSpeedMS: wind.windSpeedMS, windFromDeg: wind.windFromDeg, stability: wind.stability, observedAt: wind.observedAt }
      : { windSpeedMS: 0, windFromDeg: 0, stability: 'unknown', observedAt: null },
    source: source.view,
    isolation: isolation.view,
    release: release.view,
    zones,
    evacuation,
    doses,
    ...saidLists(warnings),
  };
}

/** Newest reading or wind sample used (no later than `nowMs`); `nowMs` when there is none. */
function dataUntil(input: AssessmentInput): number {
  let newest = -Infinity;
  for (const d of input.detectors) for (const [t] of d.readings) if (t <= input.nowMs && t > newest) newest = t;
  for (const w of input.wind) if (w.tMs <= input.nowMs && w.tMs > newest) newest = w.tMs;
  return Number.isFinite(newest) ? newest : input.nowMs;
}
