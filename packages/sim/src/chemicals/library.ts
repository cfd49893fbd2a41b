// The chemical library: identity, physical properties and levels of concern, every value with its source.
// Tags: [S] read in the cited source; [S2] secondary source quoting the primary; [M] handbook value
// not re-verified in a source during this work (check before relying on it). The AEGL/ERPG/IDLH values
// are those of /work/shared/reference/plume-physics.md §8 (and DESIGN.md §5) unless tagged otherwise.
import type { Chemical } from './types.ts';

const NIST = '[M] NIST Chemistry WebBook (normal boiling point / enthalpy of vaporisation), not re-verified';
const PERRY = '[M] Perry\'s Chemical Engineers\' Handbook, saturated-liquid tables near Tb, not re-verified';
const IUPAC = '[S] IUPAC standard atomic weights (sum over the formula)';
const TC = '[M] critical temperature, NIST Chemistry WebBook / CRC Handbook phase-change data, not re-verified';
const K_HANDBOOK = '[M] ideal-gas cp/cv near 25 °C from handbook cp data, not re-verified';

/** The library, keyed by formula; LPG is modelled as commercial propane. */
export const CHEMICALS: readonly Chemical[] = [
  {
    id: 'Cl2', name: 'chlorine', formula: 'Cl2', cas: '7782-50-5',
    molarMassKgMol: 0.070906, boilingPointK: 239.11, criticalTemperatureK: 416.9, liquidDensityKgM3: 1563,
    liquidHeatCapacityJKgK: 926, heatOfVaporizationJKg: 287.8e3, heatCapacityRatio: 1.33,
    aeglPpm: {
      aegl1: { min10: 0.5, min30: 0.5, min60: 0.5, hour4: 0.5, hour8: 0.5 },
      aegl2: { min10: 2.8, min30: 2.8, min60: 2.0, hour4: 1.0, hour8: 0.71 },
      aegl3: { min10: 50, min30: 28, min60: 20, hour4: 10, hour8: 7.1 },
    },
    erpgPpm: { erpg1: 1, erpg2: 3, erpg3: 20 },
    idlhPpm: 10,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY, liquidHeatCapacityJKgK: PERRY,
      heatOfVaporizationJKg: NIST + ' (20.41 kJ/mol)', heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S] NRC AEGL table via Wikipedia "Acute Exposure Guideline Levels"; [S2] EPA TSD56 (plume-physics.md §8.1)',
      erpgPpm: '[S2] TS chemical DB (plume-physics.md §8.2); a blog gives ERPG-1 0.5 (conflict)',
      idlhPpm: '[S] cdc.gov/niosh/idlh/7782505.html (revised; original 30)',
      flammability: 'not flammable (oxidiser)',
    },
  },
  {
    id: 'NH3', name: 'ammonia', formula: 'NH3', cas: '7664-41-7',
    molarMassKgMol: 0.017031, boilingPointK: 239.82, criticalTemperatureK: 405.4, liquidDensityKgM3: 682,
    liquidHeatCapacityJKgK: 4440, heatOfVaporizationJKg: 1371e3, heatCapacityRatio: 1.31,
    aeglPpm: {
      aegl1: { min10: 30, min30: 30, min60: 30, hour4: 30, hour8: 30 },
      aegl2: { min10: 220, min30: 220, min60: 160, hour4: 110, hour8: 110 },
      aegl3: { min10: 2700, min30: 1600, min60: 1100, hour4: 550, hour8: 390 },
    },
    erpgPpm: { erpg1: 25, erpg2: 150, erpg3: 750 },
    idlhPpm: 300, lelVolPct: 15, uelVolPct: 28,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY, liquidHeatCapacityJKgK: PERRY,
      heatOfVaporizationJKg: NIST + ' (23.35 kJ/mol)', heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S2] transcription of epa.gov/aegl/ammonia-results-aegl-program (plume-physics.md §8.1)',
      erpgPpm: '[S2] TS chemical DB and blog (plume-physics.md §8.2); 1988 edition was 25/200/1000',
      idlhPpm: '[S] NIOSH IDLH 7664417 (original 500)',
      flammability: 'LEL [S] plume-physics.md §8.3 (NIOSH); UEL 28 % [M] NIOSH Pocket Guide',
    },
  },
  {
    id: 'H2S', name: 'hydrogen sulfide', formula: 'H2S', cas: '7783-06-4',
    molarMassKgMol: 0.034081, boilingPointK: 212.85, criticalTemperatureK: 373.1, liquidDensityKgM3: 949,
    heatOfVaporizationJKg: 547.8e3, heatCapacityRatio: 1.32,
    aeglPpm: {
      aegl1: { min10: 0.75, min30: 0.6, min60: 0.51, hour4: 0.36, hour8: 0.33 },
      aegl2: { min10: 41, min30: 32, min60: 27, hour4: 20, hour8: 17 },
      aegl3: { min10: 76, min30: 59, min60: 50, hour4: 37, hour8: 31 },
    },
    erpgPpm: { erpg1: 0.1, erpg2: 30, erpg3: 100 },
    idlhPpm: 100, lelVolPct: 4.0, uelVolPct: 44,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY,
      heatOfVaporizationJKg: NIST + ' (18.67 kJ/mol)', heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S] PMC5777517 Table 3 citing NRC (plume-physics.md §8.1)',
      erpgPpm: '[S] PMC5777517 (AIHA) (plume-physics.md §8.2)',
      idlhPpm: '[S] PMC5777517',
      flammability: '[M] NIOSH Pocket Guide (LEL 4.0 %, UEL 44 %)',
    },
  },
  {
    id: 'HCl', name: 'hydrogen chloride', formula: 'HCl', cas: '7647-01-0',
    molarMassKgMol: 0.036461, boilingPointK: 188.1, criticalTemperatureK: 324.7, liquidDensityKgM3: 1194,
    heatOfVaporizationJKg: 442.9e3, heatCapacityRatio: 1.41,
    aeglPpm: {
      aegl1: { min10: 1.8, min30: 1.8, min60: 1.8, hour4: 1.8, hour8: 1.8 },
      aegl2: { min10: 100, min30: 43, min60: 22, hour4: 11, hour8: 11 },
      aegl3: { min10: 620, min30: 210, min60: 100, hour4: 26, hour8: 26 },
    },
    idlhPpm: 50,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY,
      heatOfVaporizationJKg: NIST + ' (16.15 kJ/mol)', heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S2] transcription of epa.gov/aegl/hydrogen-chloride-results-aegl-program; AEGL-1 basis [S] nap.edu 10902',
      erpgPpm: 'not found (plume-physics.md §8.2)',
      idlhPpm: '[S] AIHA news 2023/2025: 50 ppm (1994); 45 ppm in the new NIOSH profile',
      flammability: 'not flammable',
    },
  },
  {
    id: 'HF', name: 'hydrogen fluoride', formula: 'HF', cas: '7664-39-3',
    molarMassKgMol: 0.020006, boilingPointK: 292.67, criticalTemperatureK: 461.0, liquidDensityKgM3: 991,
    heatOfVaporizationJKg: 374e3, heatCapacityRatio: 1.4,
    aeglPpm: {
      aegl1: { min10: 1, min30: 1, min60: 1, hour4: 1, hour8: 1 },
      aegl2: { min10: 95, min30: 34, min60: 24, hour4: 12, hour8: 12 },
      aegl3: { min10: 170, min30: 62, min60: 44, hour4: 22, hour8: 22 },
    },
    erpgPpm: { erpg1: 2, erpg2: 20, erpg3: 50 },
    idlhPpm: 30,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY,
      heatOfVaporizationJKg: '[M] NIST WebBook 7.49 kJ/mol on a monomer basis; HF vapour associates, so treat source terms with care',
      heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[M] EPA final AEGL values for HF as recalled, NOT in plume-physics.md: verify at epa.gov/aegl before operational use',
      erpgPpm: '[M] AIHA ERPG as recalled, NOT in plume-physics.md: verify',
      idlhPpm: '[M] NIOSH IDLH 30 ppm as recalled, NOT in plume-physics.md: verify',
      flammability: 'not flammable',
    },
  },
  {
    id: 'SO2', name: 'sulfur dioxide', formula: 'SO2', cas: '7446-09-5',
    molarMassKgMol: 0.064066, boilingPointK: 263.13, criticalTemperatureK: 430.8, liquidDensityKgM3: 1460,
    liquidHeatCapacityJKgK: 1360, heatOfVaporizationJKg: 389.3e3, heatCapacityRatio: 1.29,
    aeglPpm: {
      aegl1: { min10: 0.2, min30: 0.2, min60: 0.2, hour4: 0.2, hour8: 0.2 },
      aegl2: { min10: 0.75, min30: 0.75, min60: 0.75, hour4: 0.75, hour8: 0.75 },
      aegl3: { min10: 30, min30: 30, min60: 30, hour4: 19, hour8: 9.6 },
    },
    erpgPpm: { erpg1: 0.3, erpg2: 3, erpg3: 30 },
    idlhPpm: 100,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, liquidDensityKgM3: PERRY, liquidHeatCapacityJKgK: PERRY,
      heatOfVaporizationJKg: NIST + ' (24.94 kJ/mol)', heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S] NRC vol. 8 (nap.edu 12770) for AEGL-1/2; AEGL-3 [S2] only (plume-physics.md §8.1)',
      erpgPpm: '[S2] low-quality blog only (plume-physics.md §8.2)',
      idlhPpm: '[S] cdc.gov/niosh/idlh/7446095.html',
      flammability: 'not flammable',
    },
  },
  {
    id: 'CO', name: 'carbon monoxide', formula: 'CO', cas: '630-08-0',
    molarMassKgMol: 0.02801, boilingPointK: 81.6, criticalTemperatureK: 132.9, heatCapacityRatio: 1.4,
    aeglPpm: { aegl1: {}, aegl2: { min60: 83 }, aegl3: { min60: 330 } },
    erpgPpm: { erpg1: 200, erpg2: 350, erpg3: 500 },
    idlhPpm: 1200, lelVolPct: 12.5, uelVolPct: 74,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: NIST, heatCapacityRatio: K_HANDBOOK,
      aeglPpm: '[S2] 60-min values only; AEGL-1 not recommended (NR) (plume-physics.md §8.1)',
      erpgPpm: '[S2] low-quality blog only (plume-physics.md §8.2)',
      idlhPpm: '[S2] NIOSH 630080 revised 1200 (original 1500)',
      flammability: 'LEL 12.5 % [S] NIOSH (plume-physics.md §8.3); UEL 74 % [M] NIOSH Pocket Guide',
    },
  },
  {
    id: 'CH4', name: 'methane', formula: 'CH4', cas: '74-82-8',
    molarMassKgMol: 0.016043, boilingPointK: 111.66, criticalTemperatureK: 190.6, liquidDensityKgM3: 422.6,
    liquidHeatCapacityJKgK: 3349, heatOfVaporizationJKg: 509.88e3, heatCapacityRatio: 1.31,
    lelVolPct: 5.0, uelVolPct: 15,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: IUPAC, boilingPointK: '[S2] GasDispersion.jl LNG example (NIST WebBook 111.6 K)',
      liquidDensityKgM3: PERRY,
      liquidHeatCapacityJKgK: '[S2] GasDispersion.jl LNG example (3349 J/kg/K)',
      heatOfVaporizationJKg: '[S2] GasDispersion.jl LNG example (509 880 J/kg)', heatCapacityRatio: K_HANDBOOK,
      idlhPpm: 'no IDLH (simple asphyxiant)',
      flammability: '[S2] TS chemical DB: LEL 5.0 %, UEL 15 % (plume-physics.md §8.3)',
    },
  },
  {
    id: 'C3H8', name: 'propane', formula: 'C3H8', cas: '74-98-6',
    molarMassKgMol: 0.044096, boilingPointK: 231.04, criticalTemperatureK: 369.8, liquidDensityKgM3: 581,
    liquidHeatCapacityJKgK: 2230, heatOfVaporizationJKg: 426e3, heatCapacityRatio: 1.142,
    idlhPpm: 2100, lelVolPct: 2.1, uelVolPct: 9.5,
    sources: {
      criticalTemperatureK: TC,
      molarMassKgMol: '[S2] GasDispersion.jl CCPS p.47 propane example (0.044096 kg/mol)', boilingPointK: NIST,
      liquidDensityKgM3: PERRY, liquidHeatCapacityJKgK: PERRY, heatOfVaporizationJKg: NIST + ' (19.04 kJ/mol)',
      heatCapacityRatio: '[S2] GasDispersion.jl CCPS p.47 propane example (k = 1.142)',
      aeglPpm: 'no final AEGL found',
      idlhPpm: '[M] NIOSH IDLH 2100 ppm (10 % LEL), not re-verified',
      flammability: '[M] NIOSH Pocket Guide (LEL 2.1 %, UEL 9.5 %)',
    },
  },
  {
    id: 'LPG', name: 'liquefied petroleum gas (as commercial propane)', formula: 'LPG', cas: '68476-85-7',
    molarMassKgMol: 0.044096, boilingPointK: 231.04, criticalTemperatureK: 369.8, liquidDensityKgM3: 581,
    liquidHeatCapacityJKgK: 2230, heatOfVaporizationJKg: 426e3, heatCapacityRatio: 1.142,
    idlhPpm: 2000, lelVolPct: 1.9, uelVolPct: 9.5,
    sources: {
      criticalTemperatureK: TC + ' (propane value)',
      molarMassKgMol: '[M] modelling assumption: LPG taken as commercial propane (NIOSH gives MW 42–58 for LPG mixtures)',
      boilingPointK: '[M] propane value (LPG mixtures boil at −44…0 °C)',
      liquidDensityKgM3: '[M] propane value', liquidHeatCapacityJKgK: '[M] propane value',
      heatOfVaporizationJKg: '[M] propane value', heatCapacityRatio: '[M] propane value',
      idlhPpm: '[M] NIOSH IDLH for LPG 2000 ppm (10 % LEL), not re-verified',
      flammability: '[M] NIOSH Pocket Guide for LPG (LEL 1.9 %, UEL 9.5 %), not re-verified',
    },
  },
];
