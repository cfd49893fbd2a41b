// Alarm set-point defaults for the demo sites (DESIGN.md §5), each with its source.
import { CHEMICAL_INFO, mgM3ToPpm } from './chemicals.ts';
import type { GasDetectorKind } from './chemicals.ts';

/** Alarm thresholds of one metric; a null level is not configured. Value units are the metric's. */
export interface SetpointLevels {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
}

/** A gas detector default: level-1 alarm (`high`) and level-2 alarm (`highHigh`), with the reason. */
export interface GasSetpointDefault {
  metric: string;
  high: number;
  highHigh: number;
  basis: string;
}

const oelPpm = (c: keyof typeof CHEMICAL_INFO) => {
  const info = CHEMICAL_INFO[c];
  return info.oel ? mgM3ToPpm(info.oel.mgM3, info.molarMassGMol) : NaN;
};

/**
 * Park gas-detector defaults. GB/T 50493-2019 (石油化工可燃气体和有毒气体检测报警设计标准):
 * flammable level-1 ≤ 25 %LEL, level-2 ≤ 50 %LEL; toxic level-1 ≤ 100 % OEL, level-2 ≤ 200 % OEL,
 * OELs from GBZ 2.1-2019 converted at 25 °C. Where the common instrument defaults of DESIGN.md §5
 * (CO 24/160 ppm, H2S 6.6/20 ppm) put level-2 above 200 % OEL, level-2 is lowered to comply.
 */
export const GAS_DETECTOR_SETPOINTS: Readonly<Record<GasDetectorKind, GasSetpointDefault>> = {
  'gas-flammable': { metric: 'lel_pct', high: 25, highHigh: 50, basis: 'GB/T 50493-2019: level-1 ≤ 25 %LEL, level-2 ≤ 50 %LEL' },
  'gas-cl2': {
    metric: 'cl2_ppm', high: 0.3, highHigh: 0.6,
    basis: `GBZ 2.1-2019 Cl2 MAC 1 mg/m³ = ${oelPpm('Cl2').toFixed(2)} ppm; GB/T 50493-2019 level-1 ≤ 100 % / level-2 ≤ 200 % OEL`,
  },
  'gas-nh3': {
    metric: 'nh3_ppm', high: 25, highHigh: 50,
    basis: `GBZ 2.1-2019 NH3 PC-STEL 30 mg/m³ = ${oelPpm('NH3').toFixed(1)} ppm; 25 ppm = ERPG-1; GB/T 50493-2019 ≤ 100 % / 200 % OEL`,
  },
  'gas-h2s': {
    metric: 'h2s_ppm', high: 6.6, highHigh: 13.2,
    basis: `GBZ 2.1-2019 H2S MAC 10 mg/m³ = ${oelPpm('H2S').toFixed(2)} ppm; instrument default 6.6 ppm, level-2 at 200 % of it (20 ppm would exceed 200 % OEL)`,
  },
  'gas-co': {
    metric: 'co_ppm', high: 24, highHigh: 48,
    basis: `GBZ 2.1-2019 CO PC-STEL 30 mg/m³ = ${oelPpm('CO').toFixed(1)} ppm; instrument default 24 ppm, level-2 at 200 % of it (160 ppm would exceed 200 % OEL)`,
  },
  'gas-hcl': {
    metric: 'hcl_ppm', high: 5, highHigh: 10,
    basis: `GBZ 2.1-2019 HCl MAC 7.5 mg/m³ = ${oelPpm('HCl').toFixed(2)} ppm; GB/T 50493-2019 ≤ 100 % / 200 % OEL`,
  },
  'gas-so2': {
    metric: 'so2_ppm', high: 2, highHigh: 4,
    basis: `GBZ 2.1-2019 SO2 PC-STEL 10 mg/m³ = ${oelPpm('SO2').toFixed(2)} ppm; GB/T 50493-2019 ≤ 100 % / 200 % OEL`,
  },
};

/** Ambient oxygen: low 19.5 %vol, high 23 %vol (DESIGN.md §5; GB/T 50493-2019 allows up to 23.5 %). */
export const OXYGEN_SETPOINTS = { metric: 'o2_pct', low: 19.5, high: 23, basis: 'GB/T 50493-2019 oxygen deficiency 19.5 %vol, enrichment ≤ 23.5 %vol (DESIGN.md §5 uses 23)' } as const;

/** Mine oxygen: 煤矿安全规程 requires ≥ 20 %vol in the intake of working places (low); below 19.5 %vol is oxygen deficiency (GB 8958-2006), low-low. */
export const MINE_OXYGEN_SETPOINTS = { metric: 'o2_pct', lowLow: 19.5, low: 20, high: 23, basis: '煤矿安全规程: O2 ≥ 20 %vol in working-place intake air; GB 8958-2006 deficiency < 19.5 %vol' } as const;

/** Mine CO: 煤矿安全规程 maximum allowed concentration 0.0024 % = 24 ppm; alarm at it. */
export const MINE_CO_SETPOINTS = { metric: 'co_ppm', high: 24, basis: '煤矿安全规程: CO ≤ 0.0024 %vol (24 ppm) in mine air' } as const;

/** Mine air temperature, °C: 煤矿安全规程 — working faces ≤ 26 °C, stop work above 30 °C; machine chambers ≤ 30 °C, stop above 34 °C. */
export const MINE_TEMPERATURE_SETPOINTS = {
  face: { high: 26, highHigh: 30 },
  chamber: { high: 30, highHigh: 34 },
  basis: '煤矿安全规程: working faces ≤ 26 °C (stop > 30 °C), machine chambers ≤ 30 °C (stop > 34 °C)',
} as const;

/** Where a mine methane sensor sits; the set-point table of the Coal Mine Safety Regulations is keyed by it. */
export const METHANE_PLACEMENTS = [
  'longwall-face', 'upper-corner', 'face-return-airway', 'face-intake-airway', 'shearer',
  'heading-face', 'heading-return', 'roadheader', 'main-return',
] as const;
/** One of {@link METHANE_PLACEMENTS}. */
export type MethanePlacement = (typeof METHANE_PLACEMENTS)[number];

/** One row of the methane set-point table: alarm, power-cut and restore levels in %vol CH4, and the cut range. */
export interface MethaneSetpointRow {
  alarmPct: number;
  /** null: this sensor alarms but cuts nothing. */
  cutPct: number | null;
  restoreBelowPct: number | null;
  /** Which equipment the cut covers, in the regulation's words. */
  range: string;
}

/**
 * Methane sensor set-points of 煤矿安全规程 (Coal Mine Safety Regulations, 2022 ed.) and
 * AQ 1029-2019 表 1 (甲烷传感器的报警浓度、断电浓度、复电浓度和断电范围); main return from
 * the regulations' 0.75 % limit for a mine or wing return (总回风巷/一翼回风巷).
 */
export const METHANE_SETPOINTS: Readonly<Record<MethanePlacement, MethaneSetpointRow>> = {
  'longwall-face': { alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0, range: 'all non-intrinsically-safe equipment in the face and its return airway' },
  'upper-corner': { alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0, range: 'all non-intrinsically-safe equipment in the face and its return airway' },
  'face-return-airway': { alarmPct: 1.0, cutPct: 1.0, restoreBelowPct: 1.0, range: 'all non-intrinsically-safe equipment in the face and its return airway' },
  'face-intake-airway': { alarmPct: 0.5, cutPct: 0.5, restoreBelowPct: 0.5, range: 'all non-intrinsically-safe equipment in the intake airway' },
  shearer: { alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0, range: 'shearer supply' },
  'heading-face': { alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0, range: 'all non-intrinsically-safe equipment in the heading' },
  'heading-return': { alarmPct: 1.0, cutPct: 1.0, restoreBelowPct: 1.0, range: 'all non-intrinsically-safe equipment in the heading' },
  roadheader: { alarmPct: 1.0, cutPct: 1.5, restoreBelowPct: 1.0, range: 'roadheader supply' },
  'main-return': { alarmPct: 0.75, cutPct: null, restoreBelowPct: null, range: 'none (alarm only)' },
};

/** Process set-points from an equipment's operating and design pressure (kPa gauge): alarm between operating and design, so high-high trips before the relief valve lifts at design. */
export function pressureSetpoints(operatingKpa: number, designKpa: number): SetpointLevels {
  const span = designKpa - operatingKpa;
  return {
    lowLow: round(operatingKpa * 0.25),
    low: round(operatingKpa * 0.5),
    high: round(operatingKpa + 0.5 * span),
    highHigh: round(operatingKpa + 0.8 * span),
  };
}

/** Temperature set-points (°C) from operating and design temperature: high at 30 %, high-high at 60 % of the margin (at least 5 and 10 K). */
export function temperatureSetpoints(operatingC: number, designC: number): SetpointLevels {
  const margin = designC - operatingC;
  return {
    lowLow: null,
    low: null,
    high: round(operatingC + Math.max(5, 0.3 * margin)),
    highHigh: round(operatingC + Math.max(10, 0.6 * margin)),
  };
}

/** Level set-points, % of span: tanks 10/15/85/90 (high-high fill interlock at 90 %, SH 3136 / GB 50160 practice for pressurised spheres); column sumps 15/25/75/85. */
export function levelSetpoints(kind: 'tank' | 'column'): SetpointLevels {
  return kind === 'tank' ? { lowLow: 10, low: 15, high: 85, highHigh: 90 } : { lowLow: 15, low: 25, high: 75, highHigh: 85 };
}

/** Flow set-points from the line's normal flow, kg/s: low at 50 %, high at 130 %, high-high at 160 % (a rupture downstream shows as excess flow). */
export function flowSetpoints(normalKgS: number): SetpointLevels {
  return { lowLow: null, low: round(normalKgS * 0.5), high: round(normalKgS * 1.3), highHigh: round(normalKgS * 1.6) };
}

/** Rounds to three significant-ish decimals so set-points read cleanly. */
function round(x: number): number {
  const mag = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const f = 10 ** mag;
  return Math.round(x * f) / f;
}
