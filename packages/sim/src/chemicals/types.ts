// Types of the chemical library.

/** A guideline level by exposure duration [ppm]; a missing duration means no value was found or none is set (NR). */
export interface DurationLevelsPpm {
  min10?: number;
  min30?: number;
  min60?: number;
  hour4?: number;
  hour8?: number;
}

/** AEGL-1/2/3 tiers (EPA/NRC Acute Exposure Guideline Levels) [ppm]. */
export interface AeglPpm {
  aegl1: DurationLevelsPpm;
  aegl2: DurationLevelsPpm;
  aegl3: DurationLevelsPpm;
}

/** ERPG-1/2/3 (AIHA Emergency Response Planning Guidelines, 1 h) [ppm]. */
export interface ErpgPpm {
  erpg1?: number;
  erpg2?: number;
  erpg3?: number;
}

/** Fields of a chemical that carry a provenance note in `sources`. */
export type SourcedField =
  | 'molarMassKgMol'
  | 'boilingPointK'
  | 'criticalTemperatureK'
  | 'liquidDensityKgM3'
  | 'liquidHeatCapacityJKgK'
  | 'heatOfVaporizationJKg'
  | 'heatCapacityRatio'
  | 'aeglPpm'
  | 'erpgPpm'
  | 'idlhPpm'
  | 'flammability';

/** One substance: identity, the physical properties the source terms need, and levels of concern, each with its source. */
export interface Chemical {
  /** Library key, the formula as users type it ('Cl2', 'NH3', 'LPG'). */
  id: string;
  name: string;
  formula: string;
  cas: string;
  molarMassKgMol: number;
  /** Normal boiling point at 1 atm [K]. */
  boilingPointK: number;
  /** Critical temperature [K]: above it no liquid phase exists at any pressure. */
  criticalTemperatureK?: number;
  /** Liquid density at the normal boiling point [kg/m³]. */
  liquidDensityKgM3?: number;
  /** Liquid specific heat near the boiling point [J/(kg·K)]. */
  liquidHeatCapacityJKgK?: number;
  /** Latent heat of vaporisation at the normal boiling point [J/kg]. */
  heatOfVaporizationJKg?: number;
  /** Ideal-gas heat capacity ratio cp/cv near 25 °C [-]. */
  heatCapacityRatio?: number;
  aeglPpm?: AeglPpm;
  erpgPpm?: ErpgPpm;
  idlhPpm?: number;
  /** Lower / upper flammability limits [vol %]; absent for non-flammables. */
  lelVolPct?: number;
  uelVolPct?: number;
  /**
   * Provenance of each value. Tags follow plume-physics.md: [S] read in the cited source,
   * [S2] secondary source quoting the primary, [M] standard handbook value not re-verified here.
   */
  sources: Partial<Record<SourcedField, string>>;
}
