// Physical constants, SI.

/** Molar gas constant [J/(mol·K)], CODATA 2018 exact value. */
export const GAS_CONSTANT_J_MOL_K = 8.314462618;
/** Standard gravity [m/s²], CGPM 1901. */
export const GRAVITY_M_S2 = 9.80665;
/** Molar mass of dry air [kg/mol], US Standard Atmosphere 1976. */
export const AIR_MOLAR_MASS_KG_MOL = 0.0289644;
/** Standard atmosphere [Pa]. */
export const STANDARD_PRESSURE_PA = 101325;
