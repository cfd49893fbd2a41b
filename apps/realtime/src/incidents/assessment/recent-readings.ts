// The last minutes of what an incident assessment reads, per chemical park, in memory: every
// gas detector's gas metrics (zeros included — a detector that sees nothing is evidence too),
// the weather stations' wind, temperature and solar radiation (the Pasquill class's inputs),
// flow transmitters' flow (a leak on a metered line shifts it: @safetwin/sim flow-evidence.ts) and
// tagged people's positions. Fed from `ingest.onValidated`, so it sees each reading before it is
// committed. At hub start, before incidents are restored, preload-recent.ts refills it from the
// stored readings of the last window through the same `observe`, so an incident restored after a
// restart is assessed on the minutes before it too, not only on those since.
import type { LiveReading } from '@safetwin/protocol';
import type { DeviceInfo } from '@safetwin/twin-models';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { gasMeasure } from './gas-metrics.ts';
import { SampleRing, type RingRows } from './sample-ring.ts';

/** How long readings are kept, ms: the estimator's 5-min window plus its 15-min wind look-back (source-estimation/estimate-source.ts). */
export const RECENT_WINDOW_MS = 20 * 60_000;

/** Weather-station metrics kept: wind for the plume and the estimator, temperature and radiation for the stability class. */
export const WEATHER_COLUMNS = ['wind_speed_ms', 'wind_dir_deg', 'air_temp_c', 'solar_rad_w_m2'] as const;
/** Flow-transmitter metric kept. */
export const FLOW_COLUMN = 'flow_kg_s';
/** Tag metrics kept: plan position. */
export const TAG_COLUMNS = ['east_m', 'north_m'] as const;

/** Room for readings arriving faster than the device's interval (jitter, catch-up after a link gap). */
const CAPACITY_SLACK = 1.25;

/** What a tracked device is to an assessment. */
export type TrackedRole = 'gas' | 'weather' | 'flow' | 'tag';

/** One tracked device: its catalogue entry, role, the metrics kept (ring columns) and the ring. */
export interface TrackedDevice {
  info: DeviceInfo;
  role: TrackedRole;
  columns: readonly string[];
  ring: SampleRing;
}

/**
 * Ring buffers of the chemical parks' gas detectors, weather stations and tags over the last
 * {@link RECENT_WINDOW_MS}. Memory is bounded: one ring per device, sized for the window at the
 * device's reporting interval (× 1.25 slack), 8 bytes per time + 4 per value — the demo park's
 * 235 gas detectors at 1 s: 235 × 1 500 samples × 12 B ≈ 4.2 MB, its 2 stations ≈ 0.1 MB, its 25 flow
 * transmitters at 0.5 s ≈ 0.9 MB. A device
 * sending faster than its interval loses its oldest samples first. Mines are not kept (park
 * incidents only).
 */
export class RecentReadings {
  /** Per device id seen: the catalogue entry it was judged on, and its slot (null: not kept). */
  private readonly slots = new Map<string, { info: DeviceInfo | undefined; tracked: TrackedDevice | null }>();

  constructor(
    private readonly registry: Pick<SiteRegistry, 'device' | 'site'>,
    private readonly windowMs = RECENT_WINDOW_MS,
  ) {}

  /** Stores the readings of tracked devices (O(1) per reading; others are skipped after one look-up). */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      const t = this.slot(r.deviceId);
      if (!t) continue;
      const row = t.columns.map((c) => r.values[c] ?? NaN);
      if (row.every(Number.isNaN)) continue;
      t.ring.push(r.ts, row);
    }
  }

  /** The tracked devices of a site. */
  devicesOf(siteId: string): TrackedDevice[] {
    const out: TrackedDevice[] = [];
    for (const [id, { tracked: t }] of this.slots) if (t && t.info.siteId === siteId && this.registry.device(id) === t.info) out.push(t);
    return out;
  }

  /** A device's samples at or after `fromMs` (null: not tracked). */
  series(deviceId: string, fromMs: number): RingRows | null {
    const t = this.slots.get(deviceId)?.tracked;
    return t ? t.ring.since(fromMs) : null;
  }

  /** A device's slot, created if it is one to keep (null: not kept) — what a preload asks before reading storage. */
  tracked(deviceId: string): TrackedDevice | null {
    return this.slot(deviceId);
  }

  /** The device's slot; rebuilt when the registry's entry changed (site reloaded), null for devices not kept. */
  private slot(deviceId: string): TrackedDevice | null {
    const info = this.registry.device(deviceId);
    const known = this.slots.get(deviceId);
    if (known && known.info === info) return known.tracked;
    const tracked = info ? this.track(info) : null;
    this.slots.set(deviceId, { info, tracked });
    return tracked;
  }

  private track(info: DeviceInfo): TrackedDevice | null {
    if (this.registry.site(info.siteId)?.kind !== 'chemical-park') return null;
    const has = (m: string) => info.metrics[m] !== undefined;
    let role: TrackedRole;
    let columns: string[];
    if (info.kind === 'weather') [role, columns] = ['weather', WEATHER_COLUMNS.filter(has)];
    else if (info.kind === 'flow') [role, columns] = ['flow', has(FLOW_COLUMN) ? [FLOW_COLUMN] : []];
    else if (TAG_COLUMNS.every(has)) [role, columns] = ['tag', [...TAG_COLUMNS]];
    else [role, columns] = ['gas', Object.entries(info.metrics).filter(([m, spec]) => gasMeasure(m, spec.unit) !== null).map(([m]) => m)];
    if (columns.length === 0) return null;
    const capacity = Math.ceil((this.windowMs / Math.max(1, info.intervalMs)) * CAPACITY_SLACK) + 1;
    return { info, role, columns, ring: new SampleRing(capacity, columns.length) };
  }
}
