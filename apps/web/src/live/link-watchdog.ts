import { LINK_SILENCE_MS } from '@safetwin/protocol';

/**
 * Tells a silent hub link from a live one by what arrives, not by what the transport believes:
 * the hub sends a heartbeat every 500 ms besides readings and alarms, so silence longer than
 * `silenceMs` means the data on screen is no longer live (a half-open network, a frozen hub).
 *
 * A silence must be seen by two checks in a row: after the browser's main thread stalls (a long
 * render), a timer may run before the messages that queued meanwhile, and one late look must
 * not flash "link lost".
 */
export class LinkWatchdog {
  private lastHeardMs: number | null = null;
  private overOnLastCheck = false;
  private silentFlag = false;

  constructor(private readonly silenceMs: number = LINK_SILENCE_MS) {}

  /** Something arrived at `nowMs`; true when this ends a silence (the link is live again). */
  heard(nowMs: number): boolean {
    this.lastHeardMs = nowMs;
    this.overOnLastCheck = false;
    const wasSilent = this.silentFlag;
    this.silentFlag = false;
    return wasSilent;
  }

  /** Periodic look at `nowMs`; true exactly when the link has just gone silent. */
  check(nowMs: number): boolean {
    if (this.lastHeardMs === null || this.silentFlag) return false;
    const over = nowMs - this.lastHeardMs > this.silenceMs;
    if (over && this.overOnLastCheck) {
      this.silentFlag = true;
      return true;
    }
    this.overOnLastCheck = over;
    return false;
  }

  /** Forgets everything (after a disconnect: the next subscribe starts afresh). */
  reset(): void {
    this.lastHeardMs = null;
    this.overOnLastCheck = false;
    this.silentFlag = false;
  }

  /** Whether the link is silent now. */
  get silent(): boolean {
    return this.silentFlag;
  }
}
