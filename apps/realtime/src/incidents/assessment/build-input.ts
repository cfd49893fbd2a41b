// Gathers one assessment's input on the hub: the park's description, its gas detectors' readings of
// the estimator's window (zeros included), the stations' wind of the last 20 min with the Pasquill
// class at each sample (from the mean wind), the flow transmitters' last 20 min (until isolation was
// decided: closing valves moves them too), tagged people's tracks, the shift, and the incident.
import { SOURCE_ESTIMATION_DEFAULTS, type WindSample } from '@safetwin/sim';
import { trailingMeanStability, type StationSample } from '@safetwin/simulator';
import { shiftAt, type ChemicalPark, type Sensor } from '@safetwin/twin-models';
import { notFound } from '../../errors.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { AssessmentInput, AssessmentSubject, DetectorInput, FlowMeterInput, PersonTrack } from './assessment-input.ts';
import { detectionLimit, gasMeasure } from './gas-metrics.ts';
import { STATION_WIND_HEIGHT_M } from './forecast.ts';
import { RECENT_WINDOW_MS, type RecentReadings, type TrackedDevice } from './recent-readings.ts';

/** The input of an assessment of `subject` at `nowMs` (throws a 404 HubError for a site that is not a stored chemical park). */
export function buildAssessmentInput(registry: Pick<SiteRegistry, 'site'>, readings: RecentReadings, subject: AssessmentSubject, seq: number, nowMs: number): AssessmentInput {
  const site = registry.site(subject.siteId);
  if (!site || site.kind !== 'chemical-park') throw notFound(`siteId: no chemical park '${subject.siteId}' to assess`);
  const sensors = new Map(site.sensors.map((s) => [s.id, s]));
  const detectors: DetectorInput[] = [];
  const people: PersonTrack[] = [];
  const flowMeters: FlowMeterInput[] = [];
  const stations: TrackedDevice[] = [];
  for (const t of readings.devicesOf(site.id)) {
    const sensor = sensors.get(t.info.deviceId);
    if (t.role === 'gas' && sensor) detectors.push(...detectorInputs(t, sensor, nowMs - SOURCE_ESTIMATION_DEFAULTS.windowMs));
    else if (t.role === 'weather') stations.push(t);
    else if (t.role === 'flow' && sensor?.pipeSegmentId) flowMeters.push(flowMeterInput(t, sensor.pipeSegmentId, subject, nowMs));
    else if (t.role === 'tag') {
      const track = personTrack(t, nowMs);
      if (track) people.push(track);
    }
  }
  const { wind, airTempK } = stationWind(stations, site, nowMs);
  return { seq, nowMs, shift: shiftAt(nowMs, site.origin.lonDeg), detectors, flowMeters, wind, airTempK, people, subject, site: pickSite(site) };
}

/**
 * The stations' wind samples of the last 20 min (oldest first), each with its Pasquill class read from the stations'
 * mean wind and radiation of the 10 min before it (trailingMeanStability), and the newest air temperature, K.
 */
function stationWind(stations: readonly TrackedDevice[], site: ChemicalPark, nowMs: number): { wind: WindSample[]; airTempK: number | null } {
  const samples: (StationSample & { windFromDeg: number })[] = [];
  let newestTemp = { tMs: -Infinity, c: NaN };
  for (const t of stations) {
    const rows = t.ring.since(nowMs - RECENT_WINDOW_MS);
    const col = (name: string) => rows.columns[t.columns.indexOf(name)] ?? [];
    const [speed, dir, temp, solar] = [col('wind_speed_ms'), col('wind_dir_deg'), col('air_temp_c'), col('solar_rad_w_m2')];
    for (let i = 0; i < rows.tMs.length; i++) {
      const tMs = rows.tMs[i]!;
      if (tMs > nowMs) continue;
      const windSpeedMS = speed[i] ?? NaN, windFromDeg = dir[i] ?? NaN, airTempC = temp[i] ?? NaN, solarRadWM2 = solar[i] ?? NaN;
      if (Number.isFinite(airTempC) && tMs > newestTemp.tMs) newestTemp = { tMs, c: airTempC };
      if (!Number.isFinite(windSpeedMS) || !Number.isFinite(windFromDeg)) continue;
      // Without a pyranometer reading the class is taken as by night or overcast (0 W/m²): the more stable, conservative reading.
      samples.push({ tMs, windSpeedMS, windFromDeg: windFromDeg % 360, solarRadWM2: Number.isFinite(solarRadWM2) ? solarRadWM2 : 0 });
    }
  }
  samples.sort((a, b) => a.tMs - b.tMs);
  const classes = trailingMeanStability(samples, site.origin);
  const wind = samples.map((s, i): WindSample => ({ tMs: s.tMs, windSpeedMS: s.windSpeedMS, windFromDeg: s.windFromDeg, stability: classes[i]!, windHeightM: STATION_WIND_HEIGHT_M }));
  return { wind, airTempK: Number.isFinite(newestTemp.c) ? newestTemp.c + 273.15 : null };
}

/** A flow transmitter's readings of the last 20 min, and when they stop being evidence of the leak (isolation decided). */
function flowMeterInput(t: TrackedDevice, pipeSegmentId: string, subject: AssessmentSubject, nowMs: number): FlowMeterInput {
  const rows = t.ring.since(nowMs - RECENT_WINDOW_MS);
  const values = rows.columns[0]!;
  const readings = rows.tMs.flatMap((tMs, i) => (Number.isFinite(values[i]) && tMs <= nowMs ? [[tMs, values[i]!] as [number, number]] : []));
  const until = subject.isolation?.decidedAt;
  return { id: t.info.deviceId, pipeSegmentId, readings, ...(until !== undefined && until <= nowMs ? { untilMs: until } : {}) };
}

/** A tag's plan positions of the last 20 min, oldest first (null: none). */
function personTrack(t: TrackedDevice, nowMs: number): PersonTrack | null {
  const rows = t.ring.since(nowMs - RECENT_WINDOW_MS);
  const [east, north] = [rows.columns[0]!, rows.columns[1]!];
  const positions = rows.tMs.flatMap((tMs, i) => (Number.isFinite(east[i]) && Number.isFinite(north[i]) && tMs <= nowMs ? [{ tMs, eastM: east[i]!, northM: north[i]! }] : []));
  return positions.length > 0 ? { id: t.info.deviceId, label: t.info.deviceId, positions: positions.sort((a, b) => a.tMs - b.tMs) } : null;
}

/** One detector input per gas metric of a detector (id: the device's, or `device#metric` when it has several). */
function detectorInputs(t: TrackedDevice, sensor: Sensor, fromMs: number): DetectorInput[] {
  const rows = t.ring.since(fromMs);
  return t.columns.flatMap((metric, c) => {
    const spec = t.info.metrics[metric]!;
    const measure = gasMeasure(metric, spec.unit);
    if (!measure) return [];
    const alarm = sensor.setpoints?.metric === metric ? sensor.setpoints.high : null;
    const values = rows.columns[c]!;
    return [{
      id: t.columns.length === 1 ? t.info.deviceId : `${t.info.deviceId}#${metric}`,
      position: { ...sensor.position },
      unit: measure.unit,
      ...(measure.unit === 'ppm' ? { gas: measure.gas } : {}),
      readings: rows.tMs.flatMap((tMs, i) => (Number.isFinite(values[i]) ? [[tMs, values[i]!] as [number, number]] : [])),
      detectionLimit: detectionLimit(alarm, spec.maxValue),
      saturation: spec.maxValue,
    }];
  });
}

/** The parts of the park the worker reads (no sensors, dikes, gates, boundary: less to clone). */
function pickSite(p: ChemicalPark): AssessmentInput['site'] {
  return { id: p.id, origin: p.origin, equipment: p.equipment, pipes: p.pipes, roads: p.roads, assemblyPoints: p.assemblyPoints, buildings: p.buildings };
}
