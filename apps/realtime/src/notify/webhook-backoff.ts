/** When webhook deliveries are tried again. */
export interface WebhookRetryPolicy {
  /** Wait after the first failed try, doubling after each further one, ms. @defaultValue 1000 */
  backoffMs: number;
  /** Longest wait between two tries, ms. @defaultValue 10 min */
  backoffCapMs: number;
  /** No try starts later than this after the first, ms: then the delivery is given up. @defaultValue 2 h */
  giveUpAfterMs: number;
  /** Each wait is scaled by a random factor in 1 ± jitter, so receivers coming back are not hit by every hub at once. @defaultValue 0.2 */
  jitter: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = { backoffMs: 1000, backoffCapMs: 10 * 60_000, giveUpAfterMs: 2 * 3_600_000, jitter: 0.2 };

/**
 * The wait before the try after failed try `attempt` (1-based), ms, or null to give up:
 * capped exponential backoff with jitter (1, 2, 4 … 512 s, then every 10 min), until the
 * next try would start more than `giveUpAfterMs` after the first (21 tries over 2 h
 * by default). `sinceFirstMs` is the time from the first try to now; `random` in [0, 1).
 */
export function nextRetryDelayMs(policy: WebhookRetryPolicy, attempt: number, sinceFirstMs: number, random: number = Math.random()): number | null {
  const base = Math.min(policy.backoffCapMs, policy.backoffMs * 2 ** Math.min(attempt - 1, 52));
  const delay = Math.round(base * (1 + policy.jitter * (2 * random - 1)));
  return sinceFirstMs + delay > policy.giveUpAfterMs ? null : delay;
}
