import { holeRelease, SimError, STANDARD_PRESSURE_PA } from '@safetwin/sim';
import type { SimReleaseContext } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import { HubError } from '../errors.ts';

const badField = (field: string, message: string) => new HubError('sim:bad-input', `scenario.release.${field}: ${message}`, 400);
const bad = (message: string) => badField('holeDiameterM', message);

/** Where the hole is, when the user knows: in the liquid space or the vapour space of the vessel. */
function holeOptions(phase: unknown, liquidHeadM: unknown): { phase?: 'gas' | 'liquid'; liquidHeadM?: number } {
  if (phase !== undefined && phase !== 'gas' && phase !== 'liquid') throw badField('phase', "must be 'liquid' (a hole in the liquid space) or 'gas' (in the vapour space)");
  if (liquidHeadM !== undefined && !(typeof liquidHeadM === 'number' && Number.isFinite(liquidHeadM) && liquidHeadM >= 0))
    throw badField('liquidHeadM', 'must be a non-negative number of metres of liquid above the hole');
  return { ...(phase === undefined ? {} : { phase }), ...(liquidHeadM === undefined ? {} : { liquidHeadM }) };
}

/** °C → K (ISO 80000-5: T/K = t/°C + 273.15). */
const KELVIN_AT_0C = 273.15;
/** The site model's pressures are gauge kPa: absolute Pa = 1000·kPa(g) + ambient. */
const PA_PER_KPA = 1000;

/**
 * A release given as a hole in the source equipment (`release.holeDiameterM`) turned into the
 * engine's continuous release: the airborne rate from `holeRelease` at the equipment's operating
 * pressure (gauge kPa in the site model, made absolute with the ambient pressure) and temperature,
 * and a duration cut to what the inventory lasts. 400 naming the field when it cannot be derived.
 */
export function releaseFromHole(
  site: Site,
  equipmentId: string | undefined,
  release: Record<string, unknown>,
  chemical: string,
  ambientPressurePa: number | undefined,
): { release: Record<string, unknown>; context: SimReleaseContext } {
  const { holeDiameterM, phase, liquidHeadM, ...rest } = release;
  const options = holeOptions(phase, liquidHeadM);
  if (!equipmentId) throw bad('a hole size needs source.equipmentId (its operating pressure, temperature and inventory give the rate)');
  if (rest.kind !== undefined && rest.kind !== 'continuous') throw bad(`a hole gives a continuous release, not '${String(rest.kind)}'`);
  if (rest.rateKgS !== undefined) throw bad('give either release.rateKgS or release.holeDiameterM, not both');
  if (typeof holeDiameterM !== 'number' || !(holeDiameterM > 0)) throw bad('must be a positive number of metres');
  const equipment = site.kind === 'chemical-park' ? site.equipment.find((e) => e.id === equipmentId) : undefined;
  const operatingKpa = equipment?.operatingPressureKpa ?? null;
  const operatingC = equipment?.operatingTempC ?? null;
  if (!equipment || operatingKpa === null || operatingC === null) {
    const missing = [operatingKpa === null && 'operatingPressureKpa', operatingC === null && 'operatingTempC'].filter(Boolean).join(' and ');
    throw bad(`equipment '${equipmentId}' has no ${missing} in the site model, so no rate follows from a hole; give scenario.release.rateKgS instead`);
  }
  const ambientPa = ambientPressurePa ?? STANDARD_PRESSURE_PA;
  const pressurePa = operatingKpa * PA_PER_KPA + ambientPa;
  const temperatureK = operatingC + KELVIN_AT_0C;
  let hole: ReturnType<typeof holeRelease>;
  try {
    hole = holeRelease({ chemical, holeDiameterM, pressurePa, temperatureK, ambientPressurePa: ambientPa, inventoryKg: equipment.inventoryKg, ...options });
  } catch (err) {
    if (err instanceof SimError) throw bad(err.message);
    throw err;
  }
  if (!(hole.airborneRateKgS > 0))
    throw bad(`nothing becomes airborne from '${equipmentId}' at ${operatingKpa} kPa(g), ${operatingC} °C (${hole.phase}; ${hole.explanations.join(' ')}); give scenario.release.rateKgS instead`);
  const given = typeof rest.durationS === 'number' ? rest.durationS : null;
  const durationS = hole.maxDurationS === null ? given : Math.min(given ?? Infinity, hole.maxDurationS);
  return {
    release: { ...rest, kind: 'continuous', rateKgS: hole.airborneRateKgS, ...(durationS === null ? {} : { durationS }) },
    context: {
      from: 'hole',
      equipmentId,
      holeDiameterM,
      pressurePa,
      temperatureK,
      inventoryKg: equipment.inventoryKg,
      phase: hole.phase,
      ...(hole.choked === undefined ? {} : { choked: hole.choked }),
      ...(hole.flashFraction === undefined ? {} : { flashFraction: hole.flashFraction }),
      rateKgS: hole.rateKgS,
      airborneRateKgS: hole.airborneRateKgS,
      maxDurationS: hole.maxDurationS,
      durationS,
      explanations: hole.explanations,
      explanationNotes: hole.explanationNotes,
      warnings: hole.warnings,
      warningNotes: hole.warningNotes,
    },
  };
}
