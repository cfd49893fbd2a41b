import { eq } from 'drizzle-orm';
import { deviceKey, numberDevices, numberMetrics, sites as sitesTable, type SqlClient } from '@safetwin/db';
import { deviceCatalogue, parseSite, type DeviceInfo, type Site } from '@safetwin/twin-models';

/** A site's summary for lists. */
export interface SiteSummary {
  id: string;
  name: Site['name'];
  kind: Site['kind'];
  origin: Site['origin'];
  deviceCount: number;
}

/**
 * The sites this hub serves and their device catalogue, loaded from the database
 * (validated again on load) and kept in memory: ingestion looks devices up in O(1).
 */
export class SiteRegistry {
  private sites = new Map<string, Site>();
  private devices = new Map<string, DeviceInfo>();
  private deviceNums = new Map<string, number>();
  private metricNums = new Map<string, number>();

  constructor(private readonly db: SqlClient) {}

  /** Stores (or replaces) a site description after validating it, and reloads. */
  async upsert(site: Site): Promise<void> {
    const valid = parseSite(site);
    const row = { id: valid.id, name: valid.name.en, kind: valid.kind, description: valid, updatedAt: new Date() };
    await this.db.orm.insert(sitesTable).values(row).onConflictDoUpdate({ target: sitesTable.id, set: row });
    this.add(valid);
    await this.number();
  }

  /** Loads every stored site; a description that no longer validates stops the start with its path. */
  async load(): Promise<void> {
    const rows = await this.db.orm.select().from(sitesTable);
    this.sites.clear();
    this.devices.clear();
    for (const row of rows) this.add(parseSite(row.description));
    await this.number();
  }

  /** Numbers every device and metric for compact storage (idempotent, shared by every hub). */
  private async number(): Promise<void> {
    const devices = [...this.devices.values()];
    const byDevice = await numberDevices(this.db, devices.map((d) => ({ deviceId: d.deviceId, siteId: d.siteId, kind: d.kind })));
    this.deviceNums = new Map(devices.map((d) => [d.deviceId, byDevice.get(deviceKey(d.siteId, d.deviceId))!]));
    const metrics = new Map<string, string>();
    for (const d of devices) for (const [name, spec] of Object.entries(d.metrics)) metrics.set(name, spec.unit);
    this.metricNums = await numberMetrics(this.db, [...metrics].map(([name, unit]) => ({ name, unit })));
  }

  /** The storage number of a catalogued device (on its current site). */
  deviceNum(deviceId: string): number {
    const num = this.deviceNums.get(deviceId);
    if (num === undefined) throw new Error(`device ${deviceId} has no number: reload the registry`);
    return num;
  }

  /** The storage number of a catalogued metric. */
  metricNum(name: string): number {
    const num = this.metricNums.get(name);
    if (num === undefined) throw new Error(`metric ${name} has no number: reload the registry`);
    return num;
  }

  /** Whether a site is stored (without loading it). */
  async isStored(id: string): Promise<boolean> {
    return (await this.db.orm.select({ id: sitesTable.id }).from(sitesTable).where(eq(sitesTable.id, id))).length > 0;
  }

  private add(site: Site): void {
    for (const device of this.devices.values()) if (device.siteId === site.id) this.devices.delete(device.deviceId);
    this.sites.set(site.id, site);
    for (const [id, device] of deviceCatalogue(site)) {
      const clash = this.devices.get(id);
      if (clash && clash.siteId !== site.id) throw new Error(`device id ${id} of site ${site.id} is already used by site ${clash.siteId}`);
      this.devices.set(id, device);
    }
  }

  /** A site by id. */
  site(id: string): Site | undefined {
    return this.sites.get(id);
  }

  /** Every site. */
  all(): Site[] {
    return [...this.sites.values()];
  }

  /** A device by id, from any site. */
  device(id: string): DeviceInfo | undefined {
    return this.devices.get(id);
  }

  /** The devices of one site. */
  devicesOf(siteId: string): DeviceInfo[] {
    return [...this.devices.values()].filter((d) => d.siteId === siteId);
  }

  /** Summary of a site for lists. */
  summary(site: Site): SiteSummary {
    return { id: site.id, name: site.name, kind: site.kind, origin: site.origin, deviceCount: this.devicesOf(site.id).length };
  }
}
