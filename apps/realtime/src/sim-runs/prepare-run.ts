import { eq } from 'drizzle-orm';
import { deviceState, type SqlClient } from '@safetwin/db';
import { assessmentScenarioSchema, findChemical, localToLonLat, parseInput, plumeScenarioSchema, SimError, zonesScenarioSchema } from '@safetwin/sim';
import type { SimRunContext, SimRunKind, SimRunRequest, SimWeatherOrigin } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { HubError } from '../errors.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { releaseFromHole } from './hole-release-source.ts';
import { checkInputLimits, type SimInputLimits } from './sim-input-limits.ts';
import { sitePoints } from './site-points.ts';

/** Weather-station readings older than this are not "live", ms. */
export const LIVE_WEATHER_MAX_AGE_MS = 10 * 60 * 1000;

const badInput = (path: string, message: string) => new HubError('sim:bad-input', `${path}: ${message}`, 400);

/** The engine's own input schema of each kind. */
const SCHEMAS: Record<SimRunKind, Parameters<typeof parseInput>[0]> = { plume: plumeScenarioSchema, zones: zonesScenarioSchema, assessment: assessmentScenarioSchema };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The source in site coordinates, and the chemical its equipment holds (null: none or a point). */
function resolveSource(site: Site, source: SimRunRequest['source']): { at: SimRunContext['source']; chemical: string | null } {
  if (!source) return { at: null, chemical: null };
  if ('eastM' in source) return { at: { eastM: source.eastM, northM: source.northM }, chemical: null };
  const equipment = (site.equipment as readonly { id: string; position: { eastM: number; northM: number }; chemical?: string | null }[]).find((e) => e.id === source.equipmentId);
  if (!equipment) throw badInput('source.equipmentId', `no equipment '${source.equipmentId}' on site '${site.id}'`);
  return { at: { equipmentId: equipment.id, eastM: equipment.position.eastM, northM: equipment.position.northM }, chemical: equipment.chemical ?? null };
}

/** Wind speed, direction and air temperature from the site's weather station, or a 422. */
async function liveWeather(db: SqlClient, registry: SiteRegistry, siteId: string, nowMs: number): Promise<{ fields: Record<string, number>; origin: SimWeatherOrigin }> {
  const station = registry.devicesOf(siteId).find((d) => d.kind === 'weather');
  const noLive = (why: string) => new HubError('sim:no-live-weather', `no live weather for site '${siteId}': ${why}; send "weather": {windSpeedMS, windFromDeg, airTempK, …} instead`, 422);
  if (!station) throw noLive('the site has no weather station');
  const [row] = await db.orm.select().from(deviceState).where(eq(deviceState.deviceId, station.deviceId));
  if (!row) throw noLive(`weather station '${station.deviceId}' has reported nothing yet`);
  const ageMs = nowMs - row.lastTs.getTime();
  if (ageMs > LIVE_WEATHER_MAX_AGE_MS) throw noLive(`weather station '${station.deviceId}' last reported ${Math.round(ageMs / 60_000)} min ago`);
  const { wind_speed_ms: speed, wind_dir_deg: dir, air_temp_c: tempC } = row.values;
  if (speed === undefined || dir === undefined || tempC === undefined) throw noLive(`weather station '${station.deviceId}' did not report wind_speed_ms, wind_dir_deg and air_temp_c`);
  if (!(speed > 0)) throw noLive(`weather station '${station.deviceId}' reads calm (${speed} m/s)`);
  return {
    fields: { windSpeedMS: speed, windFromDeg: dir % 360, airTempK: tempC + 273.15 },
    origin: { from: 'live', deviceId: station.deviceId, observedAt: row.lastTs.getTime() },
  };
}

/**
 * Turns a request into the full scenario the engine will run: the chemical the equipment
 * holds, the live (or given) weather, the geographic origin of zones and assessments, a hole
 * size turned into a rate (`release.holeDiameterM`), the site's points of interest for an
 * assessment; lists longer than `limits` are refused first; then the engine's own schema fills its defaults and names a bad field
 * (`scenario.release.rateKgS`) in a 400.
 */
export async function prepareRun(
  db: SqlClient,
  registry: SiteRegistry,
  site: Site,
  request: SimRunRequest,
  nowMs: number,
  limits: SimInputLimits,
): Promise<{ input: Record<string, unknown>; context: SimRunContext }> {
  const scenario: Record<string, unknown> = structuredClone(request.scenario);
  checkInputLimits(scenario, limits);
  const source = resolveSource(site, request.source);
  if (scenario.chemical === undefined && source.chemical) {
    if (!findChemical(source.chemical))
      throw badInput('scenario.chemical', `equipment '${request.source && 'equipmentId' in request.source ? request.source.equipmentId : ''}' holds ${source.chemical}, which the plume engine has no data for; give the chemical to model`);
    scenario.chemical = source.chemical;
  }
  const given = scenario.weather;
  const baseWeather = given && typeof given === 'object' && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
  let weather: SimWeatherOrigin;
  if (request.weather === undefined || request.weather === 'live') {
    const live = await liveWeather(db, registry, site.id, nowMs);
    scenario.weather = { ...baseWeather, ...live.fields };
    weather = live.origin;
  } else {
    scenario.weather = { ...baseWeather, ...request.weather };
    weather = { from: 'request' };
  }
  if (request.kind !== 'plume' && scenario.origin === undefined && source.at) {
    const [lonLat] = localToLonLat([[source.at.eastM, source.at.northM]], { lon: site.origin.lonDeg, lat: site.origin.latDeg });
    if (lonLat) scenario.origin = { lon: lonLat[0], lat: lonLat[1] };
  }
  const context: SimRunContext = { source: source.at, weather };
  if (isRecord(scenario.release) && scenario.release.holeDiameterM !== undefined) {
    if (typeof scenario.chemical !== 'string') throw badInput('scenario.chemical', 'a hole-size release needs the chemical (or equipment that holds one)');
    const ambientPa = isRecord(scenario.weather) && typeof scenario.weather.pressurePa === 'number' ? scenario.weather.pressurePa : undefined;
    const hole = releaseFromHole(site, source.at?.equipmentId, scenario.release, scenario.chemical, ambientPa);
    scenario.release = hole.release;
    context.release = hole.context;
  } else if (isRecord(scenario.release)) {
    for (const field of ['phase', 'liquidHeadM'])
      if (scenario.release[field] !== undefined) throw badInput(`scenario.release.${field}`, 'only means something for a hole-size release (release.holeDiameterM)');
  }
  if (request.kind === 'assessment') {
    if (!source.at) throw badInput('source', "an assessment needs the source (equipmentId or eastM/northM): the site's points of interest are placed relative to it");
    if (scenario.points === undefined) {
      const found = sitePoints(site, source.at);
      scenario.points = found.points;
      context.points = found.counts;
    }
  }
  let input: Record<string, unknown>;
  try {
    input = parseInput(SCHEMAS[request.kind], scenario) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof SimError) throw new HubError('sim:bad-input', `scenario.${err.path ?? ''}: ${err.message}`, 400);
    throw err;
  }
  if (!findChemical(String(input.chemical))) throw badInput('scenario.chemical', `unknown chemical '${String(input.chemical)}'`);
  if (request.kind !== 'plume' && (input.weather as { windFromDeg?: number }).windFromDeg === undefined)
    throw badInput('scenario.weather.windFromDeg', `the direction the wind comes from (degrees) is required for ${request.kind}`);
  return { input, context };
}
