// When each device was last heard from, for status summaries. Read from `device_state` (one
// row per device, written with every group commit and shared by every hub, so the answer is
// the cluster's, not one hub's), never from `readings`; cached briefly so many walls polling
// at once cost one small query per refresh.
import { deviceState, type SqlClient } from '@safetwin/db';
import { lastHeardMs } from '@safetwin/protocol';

/** How long one snapshot of `device_state` serves requests, ms. @defaultValue 500 */
export const DEFAULT_FRESHNESS_MAX_AGE_MS = 500;

/** Last-heard times of every device as of one moment. */
export interface FreshnessSnapshot {
  /** deviceId → last heard, epoch ms (hub clock); a device never heard from is absent. */
  lastHeardMs: ReadonlyMap<string, number>;
  /** When `device_state` was read, epoch ms (hub clock): staleness is judged at this time, and status says "as of" it. */
  takenAtMs: number;
}

/** Last-heard times of every device, from `device_state`, refreshed at most every `maxAgeMs`. */
export class DeviceFreshness {
  private current: FreshnessSnapshot = { lastHeardMs: new Map(), takenAtMs: Number.NEGATIVE_INFINITY };
  private loading: Promise<FreshnessSnapshot> | null = null;

  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number,
    private readonly maxAgeMs = DEFAULT_FRESHNESS_MAX_AGE_MS,
  ) {}

  /** The newest snapshot, read again when older than `maxAgeMs`; concurrent callers share one query. */
  async snapshot(): Promise<FreshnessSnapshot> {
    if (this.now() - this.current.takenAtMs < this.maxAgeMs) return this.current;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<FreshnessSnapshot> {
    const takenAtMs = this.now();
    const rows = await this.db.orm.select({ deviceId: deviceState.deviceId, lastTs: deviceState.lastTs, updatedAt: deviceState.updatedAt }).from(deviceState);
    const heard = new Map<string, number>();
    for (const row of rows) heard.set(row.deviceId, lastHeardMs(row.lastTs.getTime(), row.updatedAt.getTime()));
    this.current = { lastHeardMs: heard, takenAtMs };
    return this.current;
  }
}
