import type { PseudoDataRule } from './rule-set.ts';
import { report, rulePoint, type RuleSensor, type RuleSink } from './rule-sensors.ts';

// Two polynomial rolling hashes over the last N values (mod two primes below 2^31), packed
// into one 52-bit key: a chance collision among the ~10^6 windows remembered is ~10^-10.
const P1 = 2_147_483_647;
const B1 = 1_000_003;
const P2 = 1_000_000_009;
const B2 = 999_983;
const KEY_LOW_BITS = 2 ** 21;
/** Values are compared at 10^-4 of their unit (instrument resolutions are 10^-3 or coarser). */
const CODE_SCALE = 1e4;
/** Sequence numbers packed below the device index in the window map. */
const SEQ_SPAN = 2 ** 32;
/** Run lengths are coded up to this (a longer run of one value counts as this long). */
const RUN_LENGTH_SPAN = 2 ** 16;
/** Run-length keys are shifted off the value windows' (both below 2^52): a run window never matches a value window. */
const RUN_KEY_OFFSET = 2 ** 52;

/** a·b mod p for a, b < 2^31 without leaving exact double arithmetic. */
function mulMod(a: number, b: number, p: number): number {
  return ((((a * (b >>> 16)) % p) * 65_536) % p + a * (b & 0xffff)) % p;
}

function powMod(base: number, exp: number, p: number): number {
  let out = 1;
  for (let i = 0; i < exp; i++) out = mulMod(out, base, p);
  return out;
}

/**
 * The last `size` codes with their two rolling hashes (O(1) per push: the oldest code's
 * residues are kept, so it leaves without recomputing them) and how often each code occurs
 * (the map's size: the distinct codes in the window).
 */
class RollingWindow {
  private readonly codes: number[];
  private readonly c1s: number[];
  private readonly c2s: number[];
  private head = 0;
  filled = 0;
  h1 = 0;
  h2 = 0;
  readonly counts = new Map<number, number>();

  constructor(
    private readonly size: number,
    private readonly pow1: number,
    private readonly pow2: number,
  ) {
    this.codes = new Array<number>(size).fill(0);
    this.c1s = new Array<number>(size).fill(0);
    this.c2s = new Array<number>(size).fill(0);
  }

  get full(): boolean {
    return this.filled === this.size;
  }

  /** The window's key: both hashes packed into 52 bits. */
  get key(): number {
    return this.h1 * KEY_LOW_BITS + (this.h2 % KEY_LOW_BITS);
  }

  /** Rolls the window on by one code: H ← (H − out·B^(N−1))·B + in. */
  push(code: number): void {
    const c1 = ((code % P1) + P1) % P1;
    const c2 = ((code % P2) + P2) % P2;
    if (this.filled === this.size) {
      const out = this.codes[this.head]!;
      this.h1 = (this.h1 - mulMod(this.c1s[this.head]!, this.pow1, P1) + P1) % P1;
      this.h2 = (this.h2 - mulMod(this.c2s[this.head]!, this.pow2, P2) + P2) % P2;
      const left = this.counts.get(out)! - 1;
      if (left === 0) this.counts.delete(out);
      else this.counts.set(out, left);
    } else this.filled++;
    this.h1 = (mulMod(this.h1, B1, P1) + c1) % P1;
    this.h2 = (mulMod(this.h2, B2, P2) + c2) % P2;
    this.codes[this.head] = code;
    this.c1s[this.head] = c1;
    this.c2s[this.head] = c2;
    this.head = (this.head + 1) % this.size;
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }
}

interface Track {
  deviceIndex: number;
  /** The last `windowReadings` value codes. */
  values: RollingWindow;
  /** The last `windowReadings` completed runs of equal values, each coded as (value, length). */
  runs: RollingWindow;
  runCode: number;
  runLength: number;
  seq: number;
  runSeq: number;
  lastTsMs: number;
  /** Keys this device stored, oldest first (a ring), and their sequence numbers. */
  keys: number[];
  keySeqs: number[];
  keyHead: number;
  lastMatchTsMs: number | null;
}

/**
 * Replayed or copied data (AQ 1029 伪数据). Each sensor's last `windowReadings` values are
 * hashed with a rolling hash (O(1) per reading); every `strideReadings`-th window goes into
 * one map of remembered windows (bounded per device: the oldest leave as new ones come). A
 * window seen before — from the same device (a replay of its own history) or from another
 * device (a copied series) — raises `pseudo-data` on the sender, and for a copy on the
 * other device as well: which of the two is forged cannot be told, and neither may pass for
 * safe. A replay of at least window + stride readings always lines up with a stored window.
 * Windows with fewer than `minDistinct` values carry too little information on their own
 * (clean air reading 0/1/2 ppm): for them the series is judged over a longer span, as its
 * run-length code — the last `windowReadings` runs of equal values, each (value, length) —
 * hashed the same way when a run ends, and judged once the runs hold `minDistinct` distinct
 * (value, length) pairs; so a replayed quiet clean-air series is caught, while a flat line
 * (one run: the stuck rule's business) or a periodic two-valued trickle (two pairs) is not.
 * The alarm clears after `clearAfterMs` without a repeated window.
 */
export class PseudoDataMonitor {
  private readonly tracks = new Map<string, Track>();
  /** Window key → device index × 2^32 + sequence number of the window's last reading. */
  private readonly windows = new Map<number, number>();
  private readonly index = new Map<string, number>();
  private pow1 = 1;
  private pow2 = 1;
  /** Windows judged (enough information) and found repeated. */
  readonly stats = { judged: 0, repeated: 0 };

  constructor(
    private readonly sensors: readonly RuleSensor[],
    private readonly sink: RuleSink,
    private rule: PseudoDataRule,
  ) {
    sensors.forEach((s, i) => this.index.set(s.deviceId, i));
    this.setRule(rule);
  }

  /** A new rule: every window is forgotten and hashing starts afresh. */
  setRule(rule: PseudoDataRule): void {
    this.rule = rule;
    this.tracks.clear();
    this.windows.clear();
    this.pow1 = powMod(B1, rule.windowReadings - 1, P1);
    this.pow2 = powMod(B2, rule.windowReadings - 1, P2);
  }

  /** One value of a sensor's watched metric at sensor time `tsMs`. */
  observe(s: RuleSensor, value: number, tsMs: number): void {
    let track = this.tracks.get(s.deviceId);
    if (!track) {
      const deviceIndex = this.index.get(s.deviceId);
      if (deviceIndex === undefined) return;
      track = this.fresh(s, tsMs, deviceIndex);
      this.tracks.set(s.deviceId, track);
    } else if (tsMs <= track.lastTsMs) return; // late or repeated delivery: not part of the series
    track.lastTsMs = tsMs;
    const code = Math.round(value * CODE_SCALE);
    track.values.push(code);
    track.seq++;
    if (track.values.full && track.values.counts.size >= this.rule.minDistinct) {
      this.judge(s, track, track.values.key, value, tsMs);
      if (track.seq % this.rule.strideReadings === 0) this.remember(track, track.values.key, track.seq);
    } else if (track.seq > 1 && code !== track.runCode) {
      // A low-information window: judge the run-length code when a run ends.
      track.runs.push(track.runCode * RUN_LENGTH_SPAN + Math.min(track.runLength, RUN_LENGTH_SPAN - 1));
      track.runSeq++;
      if (track.runs.full && track.runs.counts.size >= this.rule.minDistinct) {
        const key = track.runs.key + RUN_KEY_OFFSET;
        this.judge(s, track, key, value, tsMs);
        if (track.runSeq % this.rule.strideReadings === 0) this.remember(track, key, track.runSeq);
      }
    }
    if (code === track.runCode) track.runLength++;
    else {
      track.runCode = code;
      track.runLength = 1;
    }
    if (track.lastMatchTsMs !== null && tsMs - track.lastMatchTsMs >= this.rule.clearAfterMs) {
      track.lastMatchTsMs = null;
      report(this.sink, rulePoint(s, 'pseudo-data', null), false, value);
    }
  }

  /** A window seen before raises pseudo-data on this sensor, and on the other one for a copy. */
  private judge(s: RuleSensor, track: Track, key: number, value: number, tsMs: number): void {
    const seen = this.windows.get(key);
    this.stats.judged++;
    if (seen === undefined) return;
    this.stats.repeated++;
    track.lastMatchTsMs = tsMs;
    report(this.sink, rulePoint(s, 'pseudo-data', null), true, value);
    const other = this.sensors[Math.floor(seen / SEQ_SPAN)]!;
    if (other.deviceId !== s.deviceId) {
      const otherTrack = this.tracks.get(other.deviceId);
      if (otherTrack) otherTrack.lastMatchTsMs = tsMs;
      report(this.sink, rulePoint(other, 'pseudo-data', null), true, null);
    }
  }

  private fresh(s: RuleSensor, tsMs: number, deviceIndex: number): Track {
    const n = this.rule.windowReadings;
    const active = this.sink.isActive(rulePoint(s, 'pseudo-data', null));
    return {
      deviceIndex, values: new RollingWindow(n, this.pow1, this.pow2), runs: new RollingWindow(n, this.pow1, this.pow2), runCode: Number.NaN, runLength: 0,
      seq: 0, runSeq: 0, lastTsMs: tsMs, keys: [], keySeqs: [], keyHead: 0,
      // Raised before a restart: it clears after a clean spell, like any other.
      lastMatchTsMs: active ? tsMs : null,
    };
  }

  /** Stores a window, dropping this device's oldest once it holds its share of history. */
  private remember(t: Track, key: number, seq: number): void {
    const capacity = Math.ceil(this.rule.historyReadings / this.rule.strideReadings);
    const packed = t.deviceIndex * SEQ_SPAN + (seq % SEQ_SPAN);
    if (t.keys.length < capacity) {
      t.keys.push(key);
      t.keySeqs.push(packed);
    } else {
      const oldKey = t.keys[t.keyHead]!;
      if (this.windows.get(oldKey) === t.keySeqs[t.keyHead]) this.windows.delete(oldKey);
      t.keys[t.keyHead] = key;
      t.keySeqs[t.keyHead] = packed;
      t.keyHead = (t.keyHead + 1) % capacity;
    }
    this.windows.set(key, packed);
  }
}
