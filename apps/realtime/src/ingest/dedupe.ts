/** Sequence numbers remembered per device below the highest one (out-of-order tolerance). */
export const DEDUPE_WINDOW = 4096;

interface DeviceWindow {
  maxSeq: number;
  /** sensor time of the reading with `maxSeq`, epoch ms */
  maxSeqTs: number;
  /** seqs seen in (maxSeq - DEDUPE_WINDOW, maxSeq] */
  seen: Set<number>;
  /** seqs up to this one were stored before a restart (unknown which exactly): all taken as seen */
  storedUpTo: number;
}

/**
 * Idempotent retries: a (deviceId, seq) is stored once. Each device keeps its highest seq
 * and the seqs seen within a window below it.
 * - A lower seq with a NEWER sensor time than the highest seq's means the device restarted
 *   its counter: the window starts again from it.
 * - A lower seq with an older time is an out-of-order reading (new if unseen within the
 *   window) or a retry (duplicate). Below the window it is taken as a replay (duplicate).
 * Seeded from `device_state` (highest stored seq and its time) at start, so a retry across
 * a hub restart is still caught.
 */
export class Deduplicator {
  private readonly devices = new Map<string, DeviceWindow>();

  /** Resumes from the highest stored seq of a device. */
  seed(deviceId: string, lastSeq: number, lastTsMs: number): void {
    this.devices.set(deviceId, { maxSeq: lastSeq, maxSeqTs: lastTsMs, seen: new Set(), storedUpTo: lastSeq });
  }

  /**
   * Claims (deviceId, seq): true if new (and now remembered), false if a duplicate.
   * `nowMs` caps the remembered sensor time, so one reading stamped in the future (allowed up
   * to a day ahead) cannot make the device's next real readings look like old replays.
   */
  claim(deviceId: string, seq: number, sensorTsMs: number, nowMs = Number.POSITIVE_INFINITY): boolean {
    const tsMs = Math.min(sensorTsMs, nowMs);
    const w = this.devices.get(deviceId);
    if (!w) {
      this.devices.set(deviceId, { maxSeq: seq, maxSeqTs: tsMs, seen: new Set([seq]), storedUpTo: -1 });
      return true;
    }
    if (seq > w.maxSeq) {
      w.maxSeq = seq;
      w.maxSeqTs = tsMs;
      w.seen.add(seq);
      if (w.seen.size > DEDUPE_WINDOW * 2) this.trim(w);
      return true;
    }
    if (seq < w.maxSeq && tsMs > w.maxSeqTs) {
      this.devices.set(deviceId, { maxSeq: seq, maxSeqTs: tsMs, seen: new Set([seq]), storedUpTo: -1 });
      return true;
    }
    if (seq <= w.maxSeq - DEDUPE_WINDOW || seq <= w.storedUpTo || w.seen.has(seq)) return false;
    w.seen.add(seq);
    return true;
  }

  /** Forgets a claim whose write failed, so the gateway's retry is accepted. */
  release(deviceId: string, seq: number): void {
    this.devices.get(deviceId)?.seen.delete(seq);
  }

  private trim(w: DeviceWindow): void {
    const floor = w.maxSeq - DEDUPE_WINDOW;
    for (const s of w.seen) if (s <= floor) w.seen.delete(s);
  }
}
