import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import type { LiveReading } from '@safetwin/protocol';
import { demoSites, type DeviceInfo } from '@safetwin/twin-models';
import { SiteRegistry } from '../sites/site-registry.ts';
import { Deduplicator } from './dedupe.ts';
import { IngestService } from './ingest-service.ts';
import type { BatchWriter } from './batch-writer.ts';

/** A writer that stores nothing and counts rows. */
const writer = { rows: 0, write(rows: unknown[]) { this.rows += rows.length; return Promise.resolve(); } };

describe('IngestService listeners', () => {
  let db: SqlClient;
  let registry: SiteRegistry;
  let gas: DeviceInfo;
  let metric: string;
  const source = { gatewayId: 'gw', gatewayNum: 1, allowedSiteId: null };
  let seq = 0;
  const reading = (value: number) => ({ deviceId: gas.deviceId, ts: Date.now(), seq: ++seq, values: { [metric]: value } });
  beforeAll(async () => {
    db = await openDatabase({});
    registry = new SiteRegistry(db);
    for (const site of demoSites()) await registry.upsert(site);
    gas = registry.devicesOf(demoSites()[0]!.id).find((x) => x.kind === 'gas-flammable')!;
    metric = Object.keys(gas.metrics)[0]!;
  });
  afterAll(() => db.close());
  const service = () => new IngestService(registry, new Deduplicator(), writer as unknown as BatchWriter, Date.now);

  it('a throwing listener is counted and reported; the listeners after it (ESD, sensor health) still get the batch', async () => {
    const ingest = service();
    const errors: unknown[] = [];
    ingest.onListenerError = (err) => errors.push(err);
    const seen: string[] = [];
    ingest.onValidated(() => seen.push('engine'));
    ingest.onValidated(() => {
      throw new RangeError('Map maximum size exceeded');
    });
    ingest.onValidated(() => seen.push('health'));
    ingest.onValidated(() => seen.push('esd'));
    expect(await ingest.ingest([reading(1)], source)).toMatchObject({ accepted: 1 });
    expect(seen).toEqual(['engine', 'health', 'esd']);
    expect(ingest.stats.listenerErrors).toBe(1);
    expect(errors[0]).toBeInstanceOf(RangeError);
  });

  it('a gas reading above the range is refused and not stored, but the alarm listeners see it saturated at the range top, and out-of-range is raised', async () => {
    const ingest = service();
    const live: LiveReading[] = [];
    const outOfRange: Array<[string, string, number]> = [];
    ingest.onValidated((rs) => live.push(...rs));
    ingest.onOutOfRange((...args) => outOfRange.push(args));
    const before = writer.rows;
    const max = gas.metrics[metric]!.maxValue;
    const result = await ingest.ingest([reading(max + 15)], source);
    expect(result).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'ingest:out-of-range' }] });
    expect(writer.rows).toBe(before);
    expect(live.map((r) => r.values[metric])).toEqual([max]);
    expect(outOfRange).toEqual([[gas.deviceId, metric, max + 15]]);
  });

  it('a negative gas reading stays refused with no saturated copy', async () => {
    const ingest = service();
    const live: LiveReading[] = [];
    ingest.onValidated((rs) => live.push(...rs));
    const result = await ingest.ingest([reading(-5)], source);
    expect(result.rejected).toHaveLength(1);
    expect(live).toEqual([]);
  });
});
