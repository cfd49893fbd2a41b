import type { ReadingRow } from '@safetwin/db';
import type { IngestResult, LiveReading, RejectedReading } from '@safetwin/protocol';
import { HubError } from '../errors.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { BackpressureError, type BatchWriter } from './batch-writer.ts';
import type { Deduplicator } from './dedupe.ts';
import { isProblem, validateReading, type IngestSource, type ReadingTransform } from './validate-reading.ts';

/** Gets committed readings, grouped by site (fan-out, rule engine). */
export type CommittedListener = (siteId: string, readings: LiveReading[]) => void;

/**
 * The one ingestion path for HTTP, socket.io and MQTT: validate each reading, drop
 * duplicates, store the rest in a group commit, then hand them to the listeners.
 */
export class IngestService {
  private readonly listeners: CommittedListener[] = [];
  private readonly validatedListeners: ((readings: LiveReading[]) => void)[] = [];
  private readonly outOfRangeListeners: ((deviceId: string, metric: string, value: number) => void)[] = [];
  /** Writes not yet settled, by device and seq: a retry arriving meanwhile waits for the outcome. */
  private readonly inflight = new Map<string, Map<number, Promise<void>>>();
  /** Counters for /health and KPIs. */
  readonly stats = { accepted: 0, duplicates: 0, rejected: 0, listenerErrors: 0 };
  /** Rewrites readings between the device checks and the metric checks (useTransform). */
  private transform: ReadingTransform | undefined;
  /** Told of a listener's error (logged by the hub); the other listeners still run. */
  onListenerError: (err: unknown) => void = () => {};

  constructor(
    private readonly registry: SiteRegistry,
    private readonly dedupe: Deduplicator,
    private readonly writer: BatchWriter,
    private readonly now: () => number,
  ) {}

  /**
   * Subscribes to readings as soon as they are validated and deduplicated, before the group
   * commit: the alarm engine, whose events must not wait for the database. Gas readings above
   * their range come too, saturated at the range top (they are refused and not stored). Each
   * listener runs isolated: one that throws is counted (`stats.listenerErrors`), not fatal.
   */
  onValidated(listener: (readings: LiveReading[]) => void): void {
    this.validatedListeners.push(listener);
  }

  /**
   * Rewrites each reading once its device, site and time are checked, before its metrics are
   * (e.g. UWB ranges → a position): what it returns is checked, stored and heard by every
   * listener; a problem it returns refuses the reading. One transform; a second replaces it.
   */
  useTransform(transform: ReadingTransform): void {
    this.transform = transform;
  }

  /** Subscribes to readings refused as physically impossible (a sensor fault, not just bad input). */
  onOutOfRange(listener: (deviceId: string, metric: string, value: number) => void): void {
    this.outOfRangeListeners.push(listener);
  }

  /** Subscribes to committed readings. */
  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  /**
   * Ingests a batch. Rejected readings are reported by index and never stored; the rest
   * are committed before this resolves. Throws HubError 503 when the store is unavailable
   * (nothing of the batch is stored then, and a retry is accepted).
   */
  async ingest(raw: readonly unknown[], source: IngestSource): Promise<IngestResult> {
    const nowMs = this.now();
    const rejected: RejectedReading[] = [];
    // Validate and build every row first: nothing may throw between a dedupe claim and its release.
    const valid: { index: number; reading: LiveReading; siteId: string; rows: ReadingRow[] }[] = [];
    /** Gas readings above range: refused, but their saturated copies go to the alarm listeners. */
    const saturated: LiveReading[] = [];
    for (let index = 0; index < raw.length; index++) {
      const result = validateReading(raw[index], source, (id) => this.registry.device(id), nowMs, this.transform);
      if (isProblem(result)) {
        rejected.push({ index, code: result.code, error: result.message });
        const bad = result.outOfRange;
        if (bad) for (const listener of this.outOfRangeListeners) this.isolated(() => listener(bad.deviceId, bad.metric, bad.value));
        if (result.saturated) saturated.push(result.saturated);
        continue;
      }
      const { reading, device } = result;
      valid.push({ index, reading, siteId: device.siteId, rows: this.rowsOf(reading, device.siteId, source.gatewayNum, nowMs) });
    }

    const rows: ReadingRow[] = [];
    const claimed: LiveReading[] = [];
    const siteOf = new Map<LiveReading, string>();
    const waiting: { index: number; pending: Promise<void> }[] = [];
    let duplicates = 0;
    for (const v of valid) {
      if (!this.dedupe.claim(v.reading.deviceId, v.reading.seq, v.reading.ts, nowMs)) {
        const pending = this.inflight.get(v.reading.deviceId)?.get(v.reading.seq);
        if (pending) waiting.push({ index: v.index, pending });
        else duplicates++;
        continue;
      }
      claimed.push(v.reading);
      siteOf.set(v.reading, v.siteId);
      for (const row of v.rows) rows.push(row);
    }

    const write = this.writer.write(rows);
    for (const r of claimed) {
      let bySeq = this.inflight.get(r.deviceId);
      if (!bySeq) this.inflight.set(r.deviceId, (bySeq = new Map()));
      bySeq.set(r.seq, write);
    }
    const live = saturated.length > 0 ? claimed.concat(saturated) : claimed;
    if (live.length > 0) for (const listener of this.validatedListeners) this.isolated(() => listener(live));
    try {
      await write;
    } catch (err) {
      for (const r of claimed) this.dedupe.release(r.deviceId, r.seq);
      if (err instanceof BackpressureError) throw new HubError('ingest:unavailable', err.message, 503);
      throw new HubError('ingest:unavailable', `the reading store refused the batch, nothing was stored: ${(err as Error).message}`, 503);
    } finally {
      for (const r of claimed) {
        const bySeq = this.inflight.get(r.deviceId);
        if (bySeq?.get(r.seq) === write) bySeq.delete(r.seq);
      }
    }
    this.stats.accepted += claimed.length;
    this.stats.duplicates += duplicates;
    this.stats.rejected += rejected.length;
    if (claimed.length > 0) this.publish(claimed, siteOf);
    const result: IngestResult = { accepted: claimed.length, duplicates, rejected };
    if (waiting.length > 0) await this.settleRetries(raw, waiting, source, result);
    return result;
  }

  /** Runs one listener: a throw is counted and reported, and never keeps the others (ESD, sensor health) from the batch. */
  private isolated(call: () => void): void {
    try {
      call();
    } catch (err) {
      this.stats.listenerErrors++;
      this.onListenerError(err);
    }
  }

  /**
   * Retries of readings whose first write was still in flight: a duplicate only if that write
   * committed; if it failed, this copy is stored now — so a 202 always means "stored".
   */
  private async settleRetries(raw: readonly unknown[], waiting: { index: number; pending: Promise<void> }[], source: IngestSource, result: IngestResult): Promise<void> {
    const outcomes = await Promise.allSettled(waiting.map((w) => w.pending));
    const again = waiting.filter((_, i) => outcomes[i]!.status === 'rejected');
    result.duplicates += waiting.length - again.length;
    this.stats.duplicates += waiting.length - again.length;
    if (again.length === 0) return;
    const retry = await this.ingest(again.map((w) => raw[w.index]), source);
    result.accepted += retry.accepted;
    result.duplicates += retry.duplicates;
    for (const r of retry.rejected) result.rejected.push({ ...r, index: again[r.index]!.index });
  }

  /** The stored rows of one reading: one per metric. */
  private rowsOf(reading: LiveReading, siteId: string, gatewayNum: number, nowMs: number): ReadingRow[] {
    const deviceNum = this.registry.deviceNum(reading.deviceId);
    const rows: ReadingRow[] = [];
    for (const metric in reading.values) {
      rows.push({
        tsMs: reading.ts,
        deviceNum,
        metricNum: this.registry.metricNum(metric),
        value: reading.values[metric]!,
        seq: reading.seq,
        gatewayNum,
        ingestTsMs: nowMs,
        deviceId: reading.deviceId,
        siteId,
        metric,
      });
    }
    return rows;
  }

  private publish(readings: LiveReading[], siteOf: Map<LiveReading, string>): void {
    const bySite = new Map<string, LiveReading[]>();
    for (const r of readings) {
      const siteId = siteOf.get(r)!;
      let list = bySite.get(siteId);
      if (!list) bySite.set(siteId, (list = []));
      list.push(r);
    }
    for (const [siteId, list] of bySite) for (const listener of this.listeners) listener(siteId, list);
  }
}

/**
 * The HTTP/socket answer for a batch: when every reading was refused, the request as a whole
 * is refused (422, naming the first problem); otherwise 202 with the per-reading report.
 */
export function batchOutcome(result: IngestResult): { status: 202 } | { status: 422; error: HubError } {
  if (result.accepted === 0 && result.duplicates === 0 && result.rejected.length > 0) {
    const first = result.rejected[0]!;
    const more = result.rejected.length > 1 ? ` (and ${result.rejected.length - 1} more refused)` : '';
    return { status: 422, error: new HubError(first.code as HubError['code'], `readings[${first.index}]: ${first.error}${more}`, 422) };
  }
  return { status: 202 };
}
