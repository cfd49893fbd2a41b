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

/** a·b mod p for a, b < 2^31 without leaving exact double arithmetic. */
function mulMod(a: number, b: number, p: number): number {
  return ((((a * (b >>> 16)) % p) * 65_536) % p + a * (b & 0xffff)) % p;
}

function powMod(base: number, exp: number, p: number): number {
  let out = 1;
  for (let i = 0; i < exp; i++) out = mulMod(out, base, p);
  return out;
}

interface Track {
  deviceIndex: number;
  /** The window's value codes and their residues mod P1 and P2 (a ring). */
  codes: number[];
  c1s: number[];
  c2s: number[];
  head: number;
  filled: number;
  h1: number;
  h2: number;
  /** Occurrences of each value code in the window (its size: the distinct values). */
  counts: Map<number, number>;
  seq: number;
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
 * Windows with fewer than `minDistinct` values carry too little information (clean air
 * reading 0.0/0.1, a flat line — which the stuck rule watches) and are neither stored nor
 * judged. The alarm clears after `clearAfterMs` without a repeated window.
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
    this.push(track, value);
    if (track.filled === this.rule.windowReadings && track.counts.size >= this.rule.minDistinct) {
      const key = track.h1 * KEY_LOW_BITS + (track.h2 % KEY_LOW_BITS);
      const seen = this.windows.get(key);
      this.stats.judged++;
      if (seen !== undefined) {
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
      if (track.seq % this.rule.strideReadings === 0) this.remember(track, key);
    }
    if (track.lastMatchTsMs !== null && tsMs - track.lastMatchTsMs >= this.rule.clearAfterMs) {
      track.lastMatchTsMs = null;
      report(this.sink, rulePoint(s, 'pseudo-data', null), false, value);
    }
  }

  private fresh(s: RuleSensor, tsMs: number, deviceIndex: number): Track {
    const n = this.rule.windowReadings;
    const active = this.sink.isActive(rulePoint(s, 'pseudo-data', null));
    return {
      deviceIndex, codes: new Array<number>(n).fill(0), c1s: new Array<number>(n).fill(0), c2s: new Array<number>(n).fill(0), head: 0, filled: 0, h1: 0, h2: 0, counts: new Map(), seq: 0, lastTsMs: tsMs,
      keys: [], keySeqs: [], keyHead: 0,
      // Raised before a restart: it clears after a clean spell, like any other.
      lastMatchTsMs: active ? tsMs : null,
    };
  }

  /** Rolls the window on by one value: H ← (H − out·B^(N−1))·B + in. */
  private push(t: Track, value: number): void {
    const code = Math.round(value * CODE_SCALE);
    const c1 = ((code % P1) + P1) % P1;
    const c2 = ((code % P2) + P2) % P2;
    const n = this.rule.windowReadings;
    if (t.filled === n) {
      const out = t.codes[t.head]!;
      t.h1 = (t.h1 - mulMod(t.c1s[t.head]!, this.pow1, P1) + P1) % P1;
      t.h2 = (t.h2 - mulMod(t.c2s[t.head]!, this.pow2, P2) + P2) % P2;
      const left = t.counts.get(out)! - 1;
      if (left === 0) t.counts.delete(out);
      else t.counts.set(out, left);
    } else t.filled++;
    t.h1 = (mulMod(t.h1, B1, P1) + c1) % P1;
    t.h2 = (mulMod(t.h2, B2, P2) + c2) % P2;
    t.codes[t.head] = code;
    t.c1s[t.head] = c1;
    t.c2s[t.head] = c2;
    t.head = (t.head + 1) % n;
    t.counts.set(code, (t.counts.get(code) ?? 0) + 1);
    t.seq++;
  }

  /** Stores a window, dropping this device's oldest once it holds its share of history. */
  private remember(t: Track, key: number): void {
    const capacity = Math.ceil(this.rule.historyReadings / this.rule.strideReadings);
    const packed = t.deviceIndex * SEQ_SPAN + (t.seq % SEQ_SPAN);
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
