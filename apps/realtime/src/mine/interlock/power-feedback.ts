import type { LiveReading } from '@safetwin/protocol';
import { REPORT_CLOCK_SKEW_MS } from '../../alarms/response/esd-shutdown.ts';

/** How long a machine may take to report the commanded power state, ms (issue 7: "within a few seconds"). */
export const POWER_CONFIRM_TIMEOUT_MS = 5_000;

/** The latest `powered` report of a machine. */
export interface PowerReport {
  powered: 0 | 1;
  /** Sensor time of the report, ms. */
  ts: number;
}

interface Watch {
  goal: 0 | 1;
  issuedAtMs: number;
  timer: NodeJS.Timeout;
  settle: (ok: boolean) => void;
}

/**
 * The machines' `powered` feedback: keeps each machine's latest report and waits for a commanded
 * state to be reported. A report counts for a command when it is dated no earlier than the
 * command minus {@link REPORT_CLOCK_SKEW_MS} (a report replayed from before the command must not
 * confirm it, as for ESD valves). O(1) per reading.
 */
export class PowerFeedback {
  private readonly latest = new Map<string, PowerReport>();
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly timeoutMs: number = POWER_CONFIRM_TIMEOUT_MS) {}

  /** The latest report of a power device, if any. */
  report(deviceId: string): PowerReport | undefined {
    return this.latest.get(deviceId);
  }

  /** Feeds readings; only `powered` values of the given devices are kept. */
  observe(readings: readonly LiveReading[], isPowerDevice: (deviceId: string) => boolean): void {
    for (const r of readings) {
      const v = r.values.powered;
      if (v === undefined || !isPowerDevice(r.deviceId)) continue;
      const powered: 0 | 1 = v >= 0.5 ? 1 : 0;
      const before = this.latest.get(r.deviceId);
      if (!before || r.ts >= before.ts) this.latest.set(r.deviceId, { powered, ts: r.ts });
      const w = this.watches.get(r.deviceId);
      if (w && powered === w.goal && r.ts >= w.issuedAtMs - REPORT_CLOCK_SKEW_MS) w.settle(true);
    }
  }

  /**
   * Waits until the device reports `goal`, at most the timeout from now: resolves true when it
   * does, false on timeout or when a newer expectation replaces this one.
   */
  expect(deviceId: string, goal: 0 | 1, issuedAtMs: number): Promise<boolean> {
    this.watches.get(deviceId)?.settle(false);
    return new Promise<boolean>((resolve) => {
      const w: Watch = {
        goal,
        issuedAtMs,
        timer: setTimeout(() => w.settle(false), this.timeoutMs),
        settle: (ok) => {
          clearTimeout(w.timer);
          if (this.watches.get(deviceId) === w) this.watches.delete(deviceId);
          resolve(ok);
        },
      };
      this.watches.set(deviceId, w);
      const now = this.latest.get(deviceId);
      if (now && now.powered === goal && now.ts >= issuedAtMs - REPORT_CLOCK_SKEW_MS) w.settle(true);
    });
  }

  /** Drops a device's expectation (resolving it false), e.g. when the command failed outright. */
  cancel(deviceId: string): void {
    this.watches.get(deviceId)?.settle(false);
  }

  /** Ends every wait (false). */
  close(): void {
    for (const w of [...this.watches.values()]) w.settle(false);
  }
}
