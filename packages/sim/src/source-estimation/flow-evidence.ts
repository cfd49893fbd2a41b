// Process evidence for "where is the leak?": a hole in a metered line moves its flow
// transmitters' readings. The line runs between two nodes whose pressures the plant holds (a
// branch header, a vessel's nozzle); with the line's flow resistance proportional to its length
// (the linearised network of the "linear theory" method: Wood & Charles 1972, J. Hydraul. Div.
// ASCE 98(HY7), 1157–1170) the hole is a sink of q kg/s at a fraction f of the line's length from
// its upstream end, and superposition on the two resistances (Kirchhoff's current law at the
// hole) splits it: (1 − f)·q comes from upstream, f·q back from downstream. A transmitter upstream
// of the hole reads Q + (1 − f)·q, one downstream Q − f·q, and a one-way meter reads no less than 0.
// One rule for the demo simulator's staged leak and the estimator. Computational pipeline monitoring
// compares the same readings against the line's normal flow (API RP 1130, Computational Pipeline
// Monitoring for Liquids, 2007, §4 — mass balance): here each transmitter's shift from before the
// first gas hit to the last minute is compared with the shift each candidate and rate predict.
// Pure.
import { normalCdf } from '../palazzi.ts';
import type { SourceCandidate, SourceFlowMeter } from './types.ts';

/**
 * Change of a flow transmitter's reading per kg/s leaking from a hole `holeAtM` along a line of `lineLengthM` (both from
 * the line's upstream end), the transmitter measuring at `meterAtM` (see the header): 1 − f upstream of the hole, −f
 * downstream, f = holeAtM / lineLengthM.
 */
export function leakFlowGain(lineLengthM: number, holeAtM: number, meterAtM: number): number {
  const f = lineLengthM > 0 ? Math.min(1, Math.max(0, holeAtM / lineLengthM)) : 0.5;
  return meterAtM <= holeAtM ? 1 - f : -f;
}

/**
 * The flow before the leak: the transmitter's mean over this long, ending FLOW_BASELINE_GAP_MS before the first gas
 * hit, ms (our choice: 5 min of readings, over several of a flow loop's minute-long swings).
 */
export const FLOW_BASELINE_MS = 300_000;
/**
 * Gap between the baseline's end and the first gas hit, ms (our choice: the release starts before the first hit by the
 * cloud's travel to the detector — under 3 min for a detector within 180 m at 1 m/s — so the baseline holds no leak).
 */
export const FLOW_BASELINE_GAP_MS = 180_000;
/** The flow now: the transmitter's mean over the last minute (no earlier than the first hit), ms. */
export const FLOW_RECENT_MS = 60_000;
/**
 * Least standard deviation of a shift, as a share of the baseline flow (our choice: a flow loop in steady operation
 * swings by 1–3 % of its flow over a minute; the scatter measured over the baseline is used when larger).
 */
export const FLOW_SHIFT_SD_SHARE = 0.02;
/** Least standard deviation of a shift, kg/s (a transmitter's resolution, our choice). */
const FLOW_SHIFT_SD_MIN_KGS = 1e-3;
/**
 * Standard deviation of ln(actual shift / predicted shift), the flow model's own error (our choice: a factor of 1.6 —
 * the linearised split stands for a network with quadratic pipe losses, pump curves and control loops, which move the
 * share each end supplies; the sign, upstream or downstream of the hole, it does not move).
 */
export const FLOW_MODEL_LN_SD = 0.5;
/**
 * Share of transmitters whose shift is an outlier (a stuck or drifting transmitter, an operator's set-point change;
 * our choice), mixed with a flat density over the shifts a one-way meter can show, −Q … 2Q (the mixture of
 * error-model.ts: Hogg, Bovy & Lang 2010, §5), so one bad transmitter cannot veto a candidate.
 */
export const FLOW_OUTLIER_FRACTION = 0.01;

/** One transmitter's shift: the baseline flow, the shift of the last minute's mean from it, and its standard deviation, kg/s. */
export interface FlowShift {
  baseKgS: number;
  shiftKgS: number;
  sdKgS: number;
}

/**
 * Each transmitter's shift (see the constants) for a leak whose first gas hit came at `firstHitMs`, its last minute
 * ending at `nowMs` or the transmitter's own `untilMs` if earlier; transmitters without readings in both the baseline
 * and the last minute are left out.
 */
export function flowShifts(meters: readonly SourceFlowMeter[], firstHitMs: number, nowMs: number): Map<string, FlowShift> {
  const out = new Map<string, FlowShift>();
  const baseTo = firstHitMs - FLOW_BASELINE_GAP_MS, baseFrom = baseTo - FLOW_BASELINE_MS;
  for (const m of meters) {
    const untilMs = Math.min(nowMs, m.untilMs ?? Infinity);
    const recentFrom = Math.max(firstHitMs, untilMs - FLOW_RECENT_MS);
    const base = m.readings.filter(([t, v]) => t >= baseFrom && t < baseTo && Number.isFinite(v));
    const recent = m.readings.filter(([t, v]) => t >= recentFrom && t <= untilMs && Number.isFinite(v));
    if (base.length === 0 || recent.length === 0) continue;
    const baseKgS = mean(base.map(([, v]) => v));
    // The baseline's scatter of one-minute means: what a minute's mean swings by with no leak.
    const minuteMeans: number[] = [];
    for (let t = baseFrom; t + FLOW_RECENT_MS <= baseTo; t += FLOW_RECENT_MS) {
      const inMinute = base.filter(([tr]) => tr >= t && tr < t + FLOW_RECENT_MS).map(([, v]) => v);
      if (inMinute.length > 0) minuteMeans.push(mean(inMinute));
    }
    const minuteMean = minuteMeans.length > 1 ? mean(minuteMeans) : 0;
    const scatter = minuteMeans.length > 1 ? Math.sqrt(minuteMeans.reduce((s, x) => s + (x - minuteMean) ** 2, 0) / (minuteMeans.length - 1)) : 0;
    const sdKgS = Math.max(scatter * Math.sqrt(1 + FLOW_RECENT_MS / FLOW_BASELINE_MS), FLOW_SHIFT_SD_SHARE * Math.abs(baseKgS), FLOW_SHIFT_SD_MIN_KGS);
    out.set(m.id, { baseKgS, shiftKgS: mean(recent.map(([, v]) => v)) - baseKgS, sdKgS });
  }
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** A hypothesis's flow evidence: per transmitter of its line with a shift, its gain, the shift and the null's log-likelihood. */
export interface FlowTerm {
  meters: { gain: number; shift: FlowShift; nullLl: number }[];
}

/**
 * The flow evidence of a hole `alongM` along candidate `c`'s run (plan metres from `line.from`), or null when its line
 * has no transmitter with a shift (the evidence then is the same for every such candidate, and cancels).
 */
export function flowTermAt(c: Pick<SourceCandidate, 'line' | 'flowLine'>, alongM: number, shifts: ReadonlyMap<string, FlowShift>): FlowTerm | null {
  const fl = c.flowLine;
  if (!fl) return null;
  const planM = c.line ? Math.hypot(c.line.to.eastM - c.line.from.eastM, c.line.to.northM - c.line.from.northM) : 0;
  const holeAtM = fl.fromAtM + (planM > 0 ? alongM / planM : 0.5) * (fl.toAtM - fl.fromAtM);
  const meters = fl.meters.flatMap((m) => {
    const shift = shifts.get(m.id);
    return shift ? [{ gain: leakFlowGain(fl.lengthM, holeAtM, m.atM), shift, nullLl: shiftLogLikelihood(shift, 0) }] : [];
  });
  return meters.length > 0 ? { meters } : null;
}

/** Log-likelihood of the flow evidence at ln q, relative to no leak on the line (0 when the shifts are what no leak gives). */
export function flowLogLikelihood(term: FlowTerm | null, lnQ: number): number {
  if (!term) return 0;
  const q = Math.exp(lnQ);
  let s = 0;
  for (const m of term.meters) s += shiftLogLikelihood(m.shift, Math.max(-m.shift.baseKgS, m.gain * q)) - m.nullLl;
  return s;
}

/** Nodes of the midpoint rule for a standard normal variable: every QUAD_STEP over ±QUAD_HALF_WIDTH (within 10⁻⁶ of 1 in all). */
const QUAD_STEP = 0.25;
const QUAD_HALF_WIDTH = 5;
const QUAD: readonly { x: number; w: number }[] = Array.from({ length: Math.round((2 * QUAD_HALF_WIDTH) / QUAD_STEP) + 1 }, (_, i) => {
  const x = -QUAD_HALF_WIDTH + i * QUAD_STEP;
  return { x, w: normalPdf(x) * QUAD_STEP };
});

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * ln p(observed shift | predicted shift p): the shift the line gives is p·e^η, η ~ N(0, FLOW_MODEL_LN_SD²) (the model's
 * error), a one-way meter reading no less than 0 (a shift no lower than −base), observed with the transmitter's normal
 * noise; mixed with the outlier share (FLOW_OUTLIER_FRACTION). The convolution of the log-normal with the noise is
 * integrated over the narrower of the two (midpoint rule on ±5 σ), so neither a precise transmitter nor a small
 * predicted shift makes a spike the rule steps over.
 */
function shiftLogLikelihood(s: FlowShift, predictedKgS: number): number {
  const outlier = FLOW_OUTLIER_FRACTION / (3 * Math.max(Math.abs(s.baseKgS), s.sdKgS));
  /** Density of the observed shift given the line's true shift (the transmitter's noise). */
  const noise = (shiftKgS: number) => normalPdf((s.shiftKgS - shiftKgS) / s.sdKgS) / s.sdKgS;
  let good: number;
  if (predictedKgS === 0) good = noise(0);
  else {
    // In the predicted shift's direction: magnitude a, observed d, capped at `cap` (−base for a fall).
    const sign = Math.sign(predictedKgS), a = Math.abs(predictedKgS), d = sign * s.shiftKgS;
    const cap = sign < 0 ? Math.max(0, s.baseKgS) : Infinity;
    const sd = FLOW_MODEL_LN_SD;
    good = 0;
    if (sd * a <= s.sdKgS) {
      for (const { x, w } of QUAD) good += w * noise(sign * Math.min(a * Math.exp(sd * x), cap));
    } else {
      for (const { x, w } of QUAD) {
        const y = d + s.sdKgS * x;
        if (y > 0 && y < cap) good += w * normalPdf(Math.log(y / a) / sd) / (sd * y);
      }
      if (cap < Infinity) good += normalCdf(-Math.log(cap / a) / sd) * noise(sign * cap);
    }
  }
  return Math.log((1 - FLOW_OUTLIER_FRACTION) * good + outlier);
}

/** The ln q the flow evidence alone points to (the transmitter with the largest |gain|/sd), or null when none does. */
export function flowLnRate(term: FlowTerm | null): number | null {
  if (!term) return null;
  let best: FlowTerm['meters'][number] | null = null;
  for (const m of term.meters) if (m.gain !== 0 && (!best || Math.abs(m.gain) / m.shift.sdKgS > Math.abs(best.gain) / best.shift.sdKgS)) best = m;
  if (!best) return null;
  const q = best.shift.shiftKgS / best.gain;
  return q > 0 ? Math.log(q) : null;
}
