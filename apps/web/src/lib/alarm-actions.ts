'use server';

import { cookies } from 'next/headers';
import type { AlarmView } from '@safetwin/protocol';
import { hubAlarmAction, type HubAlarmAction } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import { alarmActionErrorMessage, checkShelveInput, type AlarmActionResult } from './alarm-action-result.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** Runs an alarm action with the session cookie's token; the browser never holds the token for REST. */
async function run(alarmId: unknown, action: HubAlarmAction, body?: unknown): Promise<AlarmActionResult> {
  if (typeof alarmId !== 'string' || alarmId.length === 0 || alarmId.length > 300) {
    return { ok: false, code: 'alarm:bad-id', error: 'No such alarm.' };
  }
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { ok: false, code: 'auth:missing', error: 'Your session has ended. Log in again.' };
  try {
    const alarm: AlarmView = await hubAlarmAction(token, alarmId, action, body);
    return { ok: true, alarm };
  } catch (error) {
    if (error instanceof HubError) return { ok: false, code: error.code, error: alarmActionErrorMessage(error) };
    throw error;
  }
}

/** Acknowledges an alarm as the signed-in user. */
export async function acknowledgeAlarmAction(alarmId: string): Promise<AlarmActionResult> {
  return run(alarmId, 'ack');
}

/** Shelves an alarm for `minutes` with a reason (the hub records both with the user). */
export async function shelveAlarmAction(alarmId: string, minutes: number, reason: string): Promise<AlarmActionResult> {
  const checked = checkShelveInput(minutes, reason);
  if (!checked.ok) return checked;
  return run(alarmId, 'shelve', { minutes: checked.minutes, reason: checked.reason });
}

/** Unshelves an alarm: it comes back in the state its process is in now. */
export async function unshelveAlarmAction(alarmId: string): Promise<AlarmActionResult> {
  return run(alarmId, 'unshelve');
}
