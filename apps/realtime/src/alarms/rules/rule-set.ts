import { z } from 'zod';
import { SENSOR_KINDS } from '@safetwin/twin-models';

/** Gas detector kinds that sense a toxic gas (not flammables, not oxygen). */
export const TOXIC_GAS_KINDS = ['gas-cl2', 'gas-nh3', 'gas-h2s', 'gas-co', 'gas-hcl', 'gas-so2'] as const;
/** Gas detector kinds with a high set-point a concentration is judged against. */
const GAS_KINDS = ['gas-flammable', ...TOXIC_GAS_KINDS] as const;

/** Pseudo-data windows one sensor may remember (historyReadings / strideReadings). */
export const MAX_PSEUDO_WINDOWS_PER_SENSOR = 4096;

const SensorKinds = z.array(z.enum(SENSOR_KINDS)).min(1).max(32);
const Ms = (max: number) => z.number().int().min(0).max(max);

/**
 * Rate of change of one metric: the change over `windowMs` (sensor time) of the smoothed
 * value, judged against `sharePerMin` of a reference span — the high set-point for gases
 * (from clean air to the first limit), the set-point band (low … high) for process values.
 */
export const RateRuleSchema = z.strictObject({
  sensorKinds: SensorKinds,
  basis: z.enum(['high', 'band']),
  sharePerMin: z.number().positive().max(100),
  windowMs: Ms(3_600_000).min(2_000),
  /** `rise` watches increases only (a gas building up); `both` a fast fall too (loss of containment). */
  direction: z.enum(['rise', 'both']),
});
export type RateRule = z.infer<typeof RateRuleSchema>;

/** Deviation of a detector from the median of its neighbours (same kind, same equipment or within `radiusM`). */
export const DeviationRuleSchema = z.strictObject({
  sensorKinds: SensorKinds,
  basis: z.enum(['high', 'band']),
  /** Deviation that counts, as a share of the reference span. */
  share: z.number().positive().max(10),
  /** Neighbours of sensors not on an equipment: same kind within this distance, m. */
  radiusM: z.number().positive().max(5_000),
  /** Least neighbours for a median to mean anything. */
  minNeighbours: z.number().int().min(1).max(50),
  /** The deviation must hold this long (a passing plume does not), ms. */
  onDelayMs: Ms(3_600_000),
});
export type DeviationRule = z.infer<typeof DeviationRuleSchema>;

/** Voting of the flammable detectors of one unit: `votes` of them at ≥ `lelPct` is an explosion precursor (level 1). */
export const VotingRuleSchema = z.strictObject({
  lelPct: z.number().positive().max(100),
  votes: z.number().int().min(2).max(10),
});
export type VotingRule = z.infer<typeof VotingRuleSchema>;

/** Replayed or copied data (AQ 1029 伪数据): a window of `windowReadings` values seen before. */
export const PseudoDataRuleSchema = z.strictObject({
  windowReadings: z.number().int().min(8).max(256),
  /** A window with fewer distinct values carries too little information to tell a replay from chance. */
  minDistinct: z.number().int().min(3).max(256),
  /** How far back a device's windows are remembered, readings (every `strideReadings`-th window is kept). */
  historyReadings: z.number().int().min(16).max(100_000),
  strideReadings: z.number().int().min(1).max(64),
  /** The alarm clears after this long without a repeated window, ms (sensor time). */
  clearAfterMs: Ms(86_400_000),
});
export type PseudoDataRule = z.infer<typeof PseudoDataRuleSchema>;

/**
 * An adaptive limit (the seed: lower toxic-gas level-1 limits in hot weather): while the
 * site's weather stations read `metric` ≥ `atOrAbove` (any station), the `levels` of the
 * sensors of `sensorKinds` are multiplied by `factor`; the condition ends when every station
 * reads below `atOrAbove − hysteresis`, so a temperature hovering at the limit does not flap.
 */
export const AdaptiveRuleSchema = z.strictObject({
  id: z.string().min(1).max(64),
  when: z.strictObject({ metric: z.string().min(1).max(64), atOrAbove: z.number(), hysteresis: z.number().min(0).max(1000) }),
  sensorKinds: SensorKinds,
  levels: z.array(z.enum(['lowLow', 'low', 'high', 'highHigh'])).min(1).max(4),
  /** Above 1 for high/highHigh (below 1 for low/lowLow) loosens the limits: refused unless `allowLoosening`. */
  factor: z.number().positive().max(10),
  /** Set explicitly to let `factor` loosen limits (e.g. a process band widened in summer; never for life safety). */
  allowLoosening: z.boolean().optional(),
});
export type AdaptiveRule = z.infer<typeof AdaptiveRuleSchema>;

/** A site's alarm rules (one version of them). */
export const AlarmRuleSetSchema = z
  .strictObject({
    rate: z.array(RateRuleSchema).max(32),
    deviation: z.array(DeviationRuleSchema).max(32),
    voting: VotingRuleSchema,
    pseudoData: PseudoDataRuleSchema,
    adaptive: z.array(AdaptiveRuleSchema).max(32),
  })
  .superRefine((r, ctx) => {
    if (r.pseudoData.minDistinct > r.pseudoData.windowReadings) {
      ctx.addIssue({ code: 'custom', path: ['pseudoData', 'minDistinct'], message: 'must not exceed windowReadings' });
    }
    if (r.pseudoData.historyReadings / r.pseudoData.strideReadings > MAX_PSEUDO_WINDOWS_PER_SENSOR) {
      ctx.addIssue({ code: 'custom', path: ['pseudoData', 'historyReadings'], message: `historyReadings / strideReadings must not exceed ${MAX_PSEUDO_WINDOWS_PER_SENSOR} windows per sensor` });
    }
    const ids = new Set<string>();
    r.adaptive.forEach((a, i) => {
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['adaptive', i, 'id'], message: `duplicate rule id '${a.id}'` });
      ids.add(a.id);
      const loosens = a.levels.some((l) => (l === 'high' || l === 'highHigh' ? a.factor > 1 : a.factor < 1));
      if (loosens && a.allowLoosening !== true) ctx.addIssue({ code: 'custom', path: ['adaptive', i, 'factor'], message: `${a.factor} loosens ${a.levels.join(', ')} (high levels take a factor ≤ 1, low levels ≥ 1); set allowLoosening to mean it` });
    });
  });
export type AlarmRuleSet = z.infer<typeof AlarmRuleSetSchema>;

/**
 * Roof separation rate that alarms, mm/h. A roof that keeps opening is failing before its
 * absolute levels are reached: in the NSW roof fall the Resources Regulator reported (Safe to
 * Work, "Coal mine roof cave-in highlights need for quick action"), a tell-tale went 40 → 60 mm in
 * about 4 h (≈ 5 mm/h) and 60 → 110 mm in the next 4 h, and the roof fell 12 h later; a trigger
 * at 2 mm/h over an hour catches that acceleration hours ahead, far above the creep of a stable
 * roof (a few mm a day).
 */
const ROOF_RATE_MM_H = 2;
/** The demo mine's roof warning level (high set-point) the rate rule's share is taken of, mm. */
const ROOF_WARNING_MM = 25;

/**
 * The rules a site starts with (version 0).
 * - Rate: a gas (mine methane too: an outburst, a goaf inflow) climbing half its level-1 limit
 *   in a minute is building up — judged on the value smoothed over 30 s, far above clean-air
 *   noise of a few % of the limit; pressure, temperature and level moving 20 %, 10 %, 10 % of
 *   their band in a minute are upsets before a limit is reached (no low level: the band starts
 *   at the bottom of the range, so a reactor at 85 °C, high 90 °C, range from −60 °C gets 15 K/min).
 * - Deviation: a detector half its limit away from its neighbours' median for a minute (a plume
 *   passes in less; a drifted or poisoned cell stays); twin temperature transmitters 5 % of the
 *   band (7.5 K on that reactor) apart for 30 s.
 * - Voting: 2ooN at 50 %LEL (GB/T 50493-2019 level-2 limit).
 * - Pseudo-data: 32-reading windows with ≥ 6 distinct values, an hour of history at 1 Hz.
 * - Rate of roof separation: 2 mm/h over an hour ({@link ROOF_RATE_MM_H}), as a share of the
 *   roof sensors' 25 mm warning level.
 * - Adaptive: from 30 °C the toxic detectors' level-1 limit drops to 80 % (volatile liquids
 *   evaporate faster, people work without masks) until every station reads below 28 °C.
 */
export const DEFAULT_RULE_SET: AlarmRuleSet = {
  rate: [
    { sensorKinds: [...GAS_KINDS, 'gas-ch4'], basis: 'high', sharePerMin: 0.5, windowMs: 30_000, direction: 'rise' },
    { sensorKinds: ['pressure'], basis: 'band', sharePerMin: 0.2, windowMs: 60_000, direction: 'both' },
    { sensorKinds: ['temperature'], basis: 'band', sharePerMin: 0.1, windowMs: 60_000, direction: 'rise' },
    { sensorKinds: ['level'], basis: 'band', sharePerMin: 0.1, windowMs: 60_000, direction: 'both' },
    { sensorKinds: ['roof-displacement'], basis: 'high', sharePerMin: ROOF_RATE_MM_H / 60 / ROOF_WARNING_MM, windowMs: 3_600_000, direction: 'rise' },
  ],
  deviation: [
    { sensorKinds: [...GAS_KINDS], basis: 'high', share: 0.5, radiusM: 50, minNeighbours: 2, onDelayMs: 60_000 },
    { sensorKinds: ['temperature'], basis: 'band', share: 0.05, radiusM: 10, minNeighbours: 1, onDelayMs: 30_000 },
  ],
  voting: { lelPct: 50, votes: 2 },
  pseudoData: { windowReadings: 32, minDistinct: 6, historyReadings: 3600, strideReadings: 4, clearAfterMs: 5 * 60_000 },
  adaptive: [{ id: 'hot-weather-toxic', when: { metric: 'air_temp_c', atOrAbove: 30, hysteresis: 2 }, sensorKinds: [...TOXIC_GAS_KINDS], levels: ['high'], factor: 0.8 }],
};

/** The first rule of a list that applies to a sensor kind (first match wins, so a site can put exceptions first). */
export function ruleFor<R extends { sensorKinds: readonly string[] }>(rules: readonly R[], sensorKind: string): R | undefined {
  return rules.find((r) => r.sensorKinds.includes(sensorKind));
}
