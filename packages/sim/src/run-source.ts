// The `source` command: source-term models with properties from the chemical library or given explicitly.
import { requireChemical } from './chemicals/lookup.ts';
import type { Chemical, SourcedField } from './chemicals/types.ts';
import { SimError } from './errors.ts';
import { parseInput, sourceInputSchema } from './scenario.ts';
import { clausiusClapeyronVapourPressurePa, flashFraction, gasOrificeRate, liquidOrificeRate, poolEvaporationRate } from './source-terms.ts';
import { fmt } from './format.ts';

/** Output of the `source` command: the model's figures plus warnings and where each property came from. */
export type SourceResult = Record<string, unknown> & { kind: string; warnings: string[]; properties: Record<string, string> };

/** Runs the `source` command on unvalidated input (throws SimError naming the bad field). Pure. */
export function runSource(input: unknown): SourceResult {
  const s = parseInput(sourceInputSchema, input);
  const chem: Chemical | undefined = s.chemical === undefined ? undefined : requireChemical(s.chemical);
  const warnings: string[] = [];
  const properties: Record<string, string> = {};
  /** A property given explicitly, else from the library (noting its source), else a SimError naming the field. */
  const prop = (field: string, given: number | undefined, libField: SourcedField & keyof Chemical): number => {
    if (given !== undefined) {
      properties[field] = 'input';
      return given;
    }
    const v = chem?.[libField];
    if (typeof v === 'number') {
      properties[field] = `${chem!.id}: ${chem!.sources[libField] ?? 'library'}`;
      return v;
    }
    throw new SimError('sim:missing-property', `${field} is required (not given and ${chem ? `${chem.id} has no ${libField} in the library` : 'no chemical given'})`, field);
  };
  const pressure = (abs: number | undefined, gauge: number | undefined): number => {
    if (abs !== undefined) return abs;
    if (gauge !== undefined) return gauge + s.ambientPressurePa;
    throw new SimError('sim:bad-input', 'pressurePa (absolute) or pressureGaugePa is required', 'pressurePa');
  };
  switch (s.kind) {
    case 'gas-orifice': {
      const r = gasOrificeRate({
        pressurePa: pressure(s.pressurePa, s.pressureGaugePa),
        temperatureK: s.temperatureK,
        molarMassKgMol: prop('molarMassKgMol', s.molarMassKgMol, 'molarMassKgMol'),
        heatCapacityRatio: prop('heatCapacityRatio', s.heatCapacityRatio, 'heatCapacityRatio'),
        holeDiameterM: s.holeDiameterM,
        ambientPressurePa: s.ambientPressurePa,
        ...(s.dischargeCoefficient === undefined ? {} : { dischargeCoefficient: s.dischargeCoefficient }),
      });
      return { kind: s.kind, ...r, warnings, properties };
    }
    case 'liquid-orifice': {
      const r = liquidOrificeRate({
        liquidDensityKgM3: prop('liquidDensityKgM3', s.liquidDensityKgM3, 'liquidDensityKgM3'),
        pressurePa: pressure(s.pressurePa, s.pressureGaugePa),
        holeDiameterM: s.holeDiameterM,
        ambientPressurePa: s.ambientPressurePa,
        ...(s.liquidHeadM === undefined ? {} : { liquidHeadM: s.liquidHeadM }),
        ...(s.dischargeCoefficient === undefined ? {} : { dischargeCoefficient: s.dischargeCoefficient }),
      });
      return { kind: s.kind, ...r, warnings, properties };
    }
    case 'flash-fraction': {
      const f = flashFraction(
        prop('liquidHeatCapacityJKgK', s.liquidHeatCapacityJKgK, 'liquidHeatCapacityJKgK'),
        s.storageTemperatureK,
        prop('boilingPointK', s.boilingPointK, 'boilingPointK'),
        prop('heatOfVaporizationJKg', s.heatOfVaporizationJKg, 'heatOfVaporizationJKg'),
      );
      warnings.push('adiabatic flash fraction only; for high-momentum jets the airborne fraction approaches 1 (droplets re-evaporate), so x_v alone under-predicts (plume-physics.md §7)');
      return { kind: s.kind, flashFraction: f, warnings, properties };
    }
    case 'pool-evaporation': {
      const m = prop('molarMassKgMol', s.molarMassKgMol, 'molarMassKgMol');
      let pv = s.vapourPressurePa;
      if (pv === undefined) {
        const tb = prop('boilingPointK', undefined, 'boilingPointK');
        pv = clausiusClapeyronVapourPressurePa(s.temperatureK, tb, prop('heatOfVaporizationJKg', undefined, 'heatOfVaporizationJKg'), m);
        properties.vapourPressurePa = 'Clausius–Clapeyron estimate from Tb and ΔHvap ([M] approximation)';
        warnings.push('vapourPressurePa estimated by Clausius–Clapeyron; give a measured value where possible');
        if (s.temperatureK >= tb) warnings.push(`liquid at ${fmt(s.temperatureK, 1)} K is at or above its boiling point ${tb} K: a boiling pool needs a ground heat-flux model (not implemented); Mackay–Matsugu does not apply`);
      }
      const r = poolEvaporationRate({ poolAreaM2: s.poolAreaM2, windSpeed10MS: s.windSpeed10MS, molarMassKgMol: m, vapourPressurePa: pv, temperatureK: s.temperatureK, ...(s.poolDiameterM === undefined ? {} : { poolDiameterM: s.poolDiameterM }), ...(s.schmidtNumber === undefined ? {} : { schmidtNumber: s.schmidtNumber }) });
      return { kind: s.kind, ...r, vapourPressurePa: pv, warnings, properties };
    }
  }
}
