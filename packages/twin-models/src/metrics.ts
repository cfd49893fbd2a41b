// Telemetry metric names carry their unit as a suffix (DESIGN.md §4). This table gives each
// metric the demo sites use its unit and its physically possible range: the hub rejects a
// reading outside [minValue, maxValue]. Gas ranges are instrument full scale.

/** Unit and accepted range of one metric. */
export interface MetricSpec {
  unit: string;
  minValue: number;
  maxValue: number;
}

/** Units a metric-name suffix allows; names without a unit suffix (flags) use unit '1'. */
export const UNIT_BY_SUFFIX: ReadonlyArray<readonly [suffix: string, units: readonly string[]]> = [
  ['_w_m2', ['W/m²']],
  ['_kg_s', ['kg/s']],
  ['_m3_s', ['m³/s']],
  ['_pct', ['%', '%LEL', '%vol']],
  ['_ppm', ['ppm']],
  ['_kpa', ['kPa']],
  ['_hpa', ['hPa']],
  ['_deg', ['°']],
  ['_mm', ['mm']],
  ['_ms', ['m/s']],
  ['_c', ['°C']],
  ['_m', ['m']],
];

/** Flag metrics (0/1) that carry no unit suffix. */
export const FLAG_METRICS: readonly string[] = ['powered', 'sos', 'page_ack'];

/** Units allowed for a metric name, from its suffix; null when the suffix is unknown. */
export function unitsForMetric(name: string): readonly string[] | null {
  if (FLAG_METRICS.includes(name)) return ['1'];
  for (const [suffix, units] of UNIT_BY_SUFFIX) if (name.endsWith(suffix)) return units;
  return null;
}

/** Default specs of the metrics the demo sites use. */
export const METRIC_DEFAULTS = {
  lel_pct: { unit: '%LEL', minValue: 0, maxValue: 100 },
  cl2_ppm: { unit: 'ppm', minValue: 0, maxValue: 10 },
  nh3_ppm: { unit: 'ppm', minValue: 0, maxValue: 500 },
  h2s_ppm: { unit: 'ppm', minValue: 0, maxValue: 100 },
  co_ppm: { unit: 'ppm', minValue: 0, maxValue: 1000 },
  hcl_ppm: { unit: 'ppm', minValue: 0, maxValue: 50 },
  so2_ppm: { unit: 'ppm', minValue: 0, maxValue: 50 },
  o2_pct: { unit: '%vol', minValue: 0, maxValue: 100 },
  ch4_pct: { unit: '%vol', minValue: 0, maxValue: 100 },
  // Gauge pressure: full vacuum is −101.3 kPa(g); the top is set per transmitter from the design pressure.
  pressure_kpa: { unit: 'kPa', minValue: -101.3, maxValue: 10_000 },
  temp_c: { unit: '°C', minValue: -60, maxValue: 1200 },
  level_pct: { unit: '%', minValue: 0, maxValue: 100 },
  flow_kg_s: { unit: 'kg/s', minValue: 0, maxValue: 100 },
  wind_speed_ms: { unit: 'm/s', minValue: 0, maxValue: 75 },
  wind_dir_deg: { unit: '°', minValue: 0, maxValue: 360 },
  air_temp_c: { unit: '°C', minValue: -50, maxValue: 60 },
  rh_pct: { unit: '%', minValue: 0, maxValue: 100 },
  air_pressure_hpa: { unit: 'hPa', minValue: 500, maxValue: 1100 },
  solar_rad_w_m2: { unit: 'W/m²', minValue: 0, maxValue: 1500 },
  air_speed_ms: { unit: 'm/s', minValue: 0, maxValue: 30 },
  roof_disp_mm: { unit: 'mm', minValue: 0, maxValue: 500 },
  open_pct: { unit: '%', minValue: 0, maxValue: 100 },
  powered: { unit: '1', minValue: 0, maxValue: 1 },
  battery_pct: { unit: '%', minValue: 0, maxValue: 100 },
  sos: { unit: '1', minValue: 0, maxValue: 1 },
  /** A tag's wearer acknowledged the latest page (1), or a page waits (0). */
  page_ack: { unit: '1', minValue: 0, maxValue: 1 },
} as const satisfies Record<string, MetricSpec>;

/** A metric name from {@link METRIC_DEFAULTS}. */
export type KnownMetric = keyof typeof METRIC_DEFAULTS;

/** A fresh copy of a metric's default spec, optionally with another range (e.g. a transmitter's span). */
export function metricSpec(name: KnownMetric, range?: { minValue?: number; maxValue?: number }): MetricSpec {
  const d = METRIC_DEFAULTS[name];
  return { unit: d.unit, minValue: range?.minValue ?? d.minValue, maxValue: range?.maxValue ?? d.maxValue };
}
