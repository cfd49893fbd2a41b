// What an alarm action answers the browser, and the checks and messages around it; shared by the
// server actions and the panel's inline shelve form (pure, so it is tested without a server).
import type { AlarmView } from '@safetwin/protocol';
import type { HubError } from './hub-error.ts';

/** The answer of an alarm server action: the alarm after it, or the message to show. */
export type AlarmActionResult = { ok: true; alarm: AlarmView } | { ok: false; code: string; error: string };

/** Shelving limits of the hub (ShelveRequestSchema): whole minutes up to a week, a reason of 3–500 characters. */
export const SHELVE_MAX_MINUTES = 7 * 24 * 60;
export const SHELVE_REASON_MIN = 3;
export const SHELVE_REASON_MAX = 500;

/** Checks a shelve request before it goes to the hub; the trimmed reason and minutes when fine. */
export function checkShelveInput(
  minutes: unknown,
  reason: unknown,
): { ok: true; minutes: number; reason: string } | { ok: false; code: string; error: string } {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > SHELVE_MAX_MINUTES) {
    return { ok: false, code: 'alarm:bad-shelve', error: `Shelve for 1 to ${SHELVE_MAX_MINUTES} whole minutes.` };
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length < SHELVE_REASON_MIN) return { ok: false, code: 'alarm:bad-shelve', error: `Give a reason (at least ${SHELVE_REASON_MIN} characters).` };
  if (text.length > SHELVE_REASON_MAX) return { ok: false, code: 'alarm:bad-shelve', error: `Keep the reason under ${SHELVE_REASON_MAX} characters.` };
  return { ok: true, minutes, reason: text };
}

/** The sentence a user sees when the hub refused an alarm action: the hub's own message, with its code. */
export function alarmActionErrorMessage(error: Pick<HubError, 'code' | 'message' | 'status'>): string {
  if (error.status === 401) return 'Your session has ended. Log in again.';
  if (error.code === 'hub:unreachable' || error.code === 'hub:timeout') return `The hub did not answer (${error.message}). Try again.`;
  return `${error.message} (${error.code})`;
}
