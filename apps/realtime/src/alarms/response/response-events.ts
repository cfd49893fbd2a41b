import type { AlarmView, ResponseTier } from '@safetwin/protocol';

/**
 * What the graded response tells the outside world (webhooks to enterprise systems, SMS…),
 * besides publishing the alarm to the walls. Every event carries the alarm as it is after it.
 * - `response-due`: a level-2/3 activation opened a deadline for the enterprise;
 * - `response-escalated`: a deadline was missed, `alarm.response.tier` is now answerable (fresh deadline);
 * - `response-confirmed`: the emergency plan / rectification plan was confirmed, the clock stopped;
 * - `shutdown-commanded`: a level-1 alarm commanded its unit's ESD valves closed (`neighbours`: those of them owned by
 *   another enterprise or the park — the ring reached neighbouring units); once per unit latch;
 * - `shutdown-completed`: every commanded valve reported closed;
 * - `shutdown-failed`: some valve was not acknowledged or did not report closed in time (`failed`).
 */
export type ResponseEvent =
  | { type: 'response-due'; alarm: AlarmView; at: number }
  | { type: 'response-escalated'; alarm: AlarmView; fromTier: ResponseTier; at: number }
  | { type: 'response-confirmed'; alarm: AlarmView; by: string; at: number }
  | { type: 'shutdown-commanded'; alarm: AlarmView; valveIds: string[]; neighbours: { valveId: string; enterpriseId: string | null }[]; at: number }
  | { type: 'shutdown-completed'; alarm: AlarmView; valveIds: string[]; at: number }
  | { type: 'shutdown-failed'; alarm: AlarmView; failed: { valveId: string; reason: string }[]; at: number };

/** The hook a consumer (the webhook module) gives: called once per event, must not throw (errors are logged and dropped). */
export type ResponseNotifier = (event: ResponseEvent) => void;

/** Where to subscribe to response events. */
export interface ResponseEvents {
  onEvent(notify: ResponseNotifier): void;
}

/** A fan-out of response events to every subscribed notifier; a notifier that throws does not stop the others. */
export class ResponseEventHub implements ResponseEvents {
  private readonly notifiers: ResponseNotifier[] = [];

  constructor(private readonly onError: (err: unknown) => void) {}

  onEvent(notify: ResponseNotifier): void {
    this.notifiers.push(notify);
  }

  emit(event: ResponseEvent): void {
    for (const notify of this.notifiers) {
      try {
        notify(event);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
