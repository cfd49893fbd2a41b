'use server';

import { cookies } from 'next/headers';
import { hubAlarmAction } from '../../lib/hub-client.ts';
import { HubError } from '../../lib/hub-error.ts';
import { alarmActionErrorMessage, type AlarmActionResult } from '../../lib/alarm-action-result.ts';
import { SESSION_COOKIE } from '../../lib/session-cookie.ts';
import { checkResponseInput } from './response-input.ts';

/**
 * Confirms an alarm's graded response as the signed-in user: the level-2 emergency plan
 * (`confirm-plan`, note and optional photo) or the level-3 rectification plan (note). The hub
 * checks role, tenant and deadline and records who confirmed.
 */
export async function confirmResponseAction(alarmId: string, action: 'confirm-plan' | 'rectification-plan', note: string, photo: string | null): Promise<AlarmActionResult> {
  if (typeof alarmId !== 'string' || alarmId.length === 0 || alarmId.length > 300) return { ok: false, code: 'alarm:bad-id', error: 'No such alarm.' };
  if (action !== 'confirm-plan' && action !== 'rectification-plan') return { ok: false, code: 'alarm:bad-action', error: 'Unknown confirmation.' };
  const checked = checkResponseInput(note, action === 'confirm-plan' ? photo : null);
  if (!checked.ok) return { ok: false, code: 'alarm:bad-response', error: checked.error };
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { ok: false, code: 'auth:missing', error: 'Your session has ended. Log in again.' };
  const body = checked.photo ? { note: checked.note, photo: checked.photo } : { note: checked.note };
  try {
    return { ok: true, alarm: await hubAlarmAction(token, alarmId, action, body) };
  } catch (error) {
    if (error instanceof HubError) return { ok: false, code: error.code, error: alarmActionErrorMessage(error) };
    throw error;
  }
}
