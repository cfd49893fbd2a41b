// Hazardous substances the demo sites hold, with the constants that set detector choice and
// alarm set-points. Occupational exposure limits: GBZ 2.1-2019 (工作场所有害因素职业接触限值
// 第1部分：化学有害因素), mg/m³. Lower explosive limits: NFPA 325 / IEC 60079-20-1, vol %.

/** Substances a piece of equipment or a pipe may hold (formula, or a named mixture). */
export const CHEMICALS = ['Cl2', 'NH3', 'H2S', 'sour-gas', 'LPG', 'CH4', 'C3H8', 'HCl', 'SO2', 'CO', 'H2'] as const;
/** One of {@link CHEMICALS}. */
export type Chemical = (typeof CHEMICALS)[number];

/** Gas-detector kinds that sense a substance (see `SENSOR_KINDS`). */
export type GasDetectorKind = 'gas-flammable' | 'gas-cl2' | 'gas-nh3' | 'gas-h2s' | 'gas-co' | 'gas-hcl' | 'gas-so2';

/** Occupational exposure limit of GBZ 2.1-2019, mg/m³, and which kind it is. */
export interface OccupationalLimit {
  /** MAC = maximum allowable concentration, PC-STEL = short-term (15 min), PC-TWA = 8 h average. */
  basis: 'MAC' | 'PC-STEL' | 'PC-TWA';
  mgM3: number;
}

/** What the demo needs to know about one substance. */
export interface ChemicalInfo {
  nameZh: string;
  nameEn: string;
  /** Molar mass, g/mol (mixtures: a typical composition). */
  molarMassGMol: number;
  /** Lower explosive limit, vol %; null when not flammable in air at ambient conditions. */
  lelVolPct: number | null;
  /** Heavier than air (relative density > 1): detectors go low, 0.3–0.6 m above grade (GB/T 50493-2019 installation rules). */
  heavierThanAir: boolean;
  /** The short-term exposure limit that sets toxic alarms: MAC where GBZ 2.1 gives one, else PC-STEL; null if none. */
  oel: OccupationalLimit | null;
  /** Detector kinds that must watch for it: toxic first, flammable as well when both hazards matter. */
  detectors: readonly GasDetectorKind[];
}

/** Per-substance facts; molar masses from IUPAC atomic weights. */
export const CHEMICAL_INFO: Readonly<Record<Chemical, ChemicalInfo>> = {
  Cl2: { nameZh: '氯气', nameEn: 'chlorine', molarMassGMol: 70.9, lelVolPct: null, heavierThanAir: true, oel: { basis: 'MAC', mgM3: 1 }, detectors: ['gas-cl2'] },
  NH3: { nameZh: '氨', nameEn: 'ammonia', molarMassGMol: 17.03, lelVolPct: 15, heavierThanAir: false, oel: { basis: 'PC-STEL', mgM3: 30 }, detectors: ['gas-nh3'] },
  H2S: { nameZh: '硫化氢', nameEn: 'hydrogen sulfide', molarMassGMol: 34.08, lelVolPct: 4.0, heavierThanAir: true, oel: { basis: 'MAC', mgM3: 10 }, detectors: ['gas-h2s'] },
  // Sour natural gas: ~85 % CH4, 10 % H2S, 5 % CO2 by mole; both toxic and flammable detectors.
  'sour-gas': { nameZh: '含硫化氢酸性气', nameEn: 'H2S-bearing sour gas', molarMassGMol: 19.3, lelVolPct: 5.0, heavierThanAir: false, oel: { basis: 'MAC', mgM3: 10 }, detectors: ['gas-h2s', 'gas-flammable'] },
  LPG: { nameZh: '液化石油气', nameEn: 'liquefied petroleum gas', molarMassGMol: 49.5, lelVolPct: 1.8, heavierThanAir: true, oel: null, detectors: ['gas-flammable'] },
  CH4: { nameZh: '甲烷（天然气）', nameEn: 'methane (natural gas)', molarMassGMol: 16.04, lelVolPct: 5.0, heavierThanAir: false, oel: null, detectors: ['gas-flammable'] },
  C3H8: { nameZh: '丙烷', nameEn: 'propane', molarMassGMol: 44.1, lelVolPct: 2.1, heavierThanAir: true, oel: null, detectors: ['gas-flammable'] },
  HCl: { nameZh: '氯化氢', nameEn: 'hydrogen chloride', molarMassGMol: 36.46, lelVolPct: null, heavierThanAir: true, oel: { basis: 'MAC', mgM3: 7.5 }, detectors: ['gas-hcl'] },
  SO2: { nameZh: '二氧化硫', nameEn: 'sulfur dioxide', molarMassGMol: 64.07, lelVolPct: null, heavierThanAir: true, oel: { basis: 'PC-STEL', mgM3: 10 }, detectors: ['gas-so2'] },
  CO: { nameZh: '一氧化碳', nameEn: 'carbon monoxide', molarMassGMol: 28.01, lelVolPct: 12.5, heavierThanAir: false, oel: { basis: 'PC-STEL', mgM3: 30 }, detectors: ['gas-co'] },
  H2: { nameZh: '氢气', nameEn: 'hydrogen', molarMassGMol: 2.016, lelVolPct: 4.0, heavierThanAir: false, oel: null, detectors: ['gas-flammable'] },
};

/** Molar volume of an ideal gas at 25 °C and 101.325 kPa, L/mol (DESIGN.md §5: mg/m³ = ppm × M / 24.45). */
export const MOLAR_VOLUME_25C_L = 24.45;

/** Converts a concentration in mg/m³ to ppm at 25 °C, 1 atm. */
export function mgM3ToPpm(mgM3: number, molarMassGMol: number): number {
  return (mgM3 * MOLAR_VOLUME_25C_L) / molarMassGMol;
}
