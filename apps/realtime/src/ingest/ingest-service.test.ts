import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { demoSites } from '@safetwin/twin-models';
import { SiteRegistry } from '../sites/site-registry.ts';
import { Deduplicator } from './dedupe.ts';
import { IngestService } from './ingest-service.ts';
import type { BatchWriter } from './batch-writer.ts';
import { HubError } from '../errors.ts';

/** A writer whose batches settle when the test says so (the real one is exercised by the HTTP suites). */
class ControlledWriter {
  readonly calls: { rows: number; settle: (ok: boolean) => void }[] = [];
  write(rows: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.calls.push({ rows: rows.length, settle: (ok) => (ok ? resolve() : reject(new Error('disk full'))) });
    });
  }
}

describe('IngestService', () => {
  let db: SqlClient;
  let registry: SiteRegistry;
  let device: { deviceId: string; metric: string };
  const source = { gatewayId: 'gw', gatewayNum: 1, allowedSiteId: null };
  beforeAll(async () => {
    db = await openDatabase({});
    registry = new SiteRegistry(db);
    for (const site of demoSites()) await registry.upsert(site);
    const d = registry.devicesOf(demoSites()[0]!.id).find((x) => x.kind === 'gas-cl2')!;
    device = { deviceId: d.deviceId, metric: Object.keys(d.metrics)[0]! };
  });
  afterAll(() => db.close());
  const reading = (seq: number, values?: Record<string, number>) => ({ deviceId: device.deviceId, ts: Date.now(), seq, values: values ?? { [device.metric]: 0.01 } });

  it('makes a retry wait for the in-flight original, and stores it when the original failed', async () => {
    const writer = new ControlledWriter();
    const ingest = new IngestService(registry, new Deduplicator(), writer as unknown as BatchWriter, Date.now);
    const first = ingest.ingest([reading(1)], source);
    const retry = ingest.ingest([reading(1)], source);
    await new Promise((r) => setTimeout(r, 10));
    expect(writer.calls).toHaveLength(2); // the retry wrote nothing yet (empty batch) and waits
    writer.calls[0]!.settle(false);
    await expect(first).rejects.toBeInstanceOf(HubError);
    await new Promise((r) => setTimeout(r, 10));
    writer.calls[1]!.settle(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(writer.calls).toHaveLength(3); // the retry's own write of the reading
    writer.calls[2]!.settle(true);
    expect(await retry).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('counts a retry as a duplicate once the original committed', async () => {
    const writer = new ControlledWriter();
    const ingest = new IngestService(registry, new Deduplicator(), writer as unknown as BatchWriter, Date.now);
    const first = ingest.ingest([reading(5)], source);
    const retry = ingest.ingest([reading(5)], source);
    await new Promise((r) => setTimeout(r, 10));
    writer.calls[0]!.settle(true);
    writer.calls[1]!.settle(true);
    expect(await first).toMatchObject({ accepted: 1 });
    expect(await retry).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('refuses a metric named like an Object.prototype member, without claiming anything', async () => {
    const writer = new ControlledWriter();
    const ingest = new IngestService(registry, new Deduplicator(), writer as unknown as BatchWriter, Date.now);
    const result = ingest.ingest([reading(9), reading(10, { constructor: 1 })], source);
    await new Promise((r) => setTimeout(r, 10));
    writer.calls[0]!.settle(true);
    const r = await result;
    expect(r.accepted).toBe(1);
    expect(r.rejected).toEqual([expect.objectContaining({ index: 1, code: 'ingest:bad-reading' })]);
  });
});
