import { z } from 'zod';
import type { AlarmView, Principal } from '@safetwin/protocol';
import { canSeeAlarm } from '../auth/access.ts';
import { HubError, badBody, forbidden } from '../errors.ts';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import { NothingDueError, type ResponseDeadlines } from '../alarms/response/response-deadlines.ts';
import { isRunning, type DeadlineKind } from '../alarms/response/response-policy.ts';
import { PHOTO_MAX_CHARS, parsePhoto, type ResponsePhotoStore } from '../alarms/response/response-photos.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

/** Longest plan note. */
const NOTE_MAX_CHARS = 2000;
/** Furthest a rectification may be promised, ms. */
const DUE_BY_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

const AlarmParams = z.object({ id: z.string().min(1).max(300) });
const PhotoParams = AlarmParams.extend({ photoId: z.string().uuid() });
const Note = z.string().trim().min(3).max(NOTE_MAX_CHARS).describe('what was done (at least 3 characters)');
const ConfirmPlanBody = z.strictObject({
  note: Note,
  photo: z.string().min(1).max(PHOTO_MAX_CHARS).optional().describe('data:image/png|jpeg|webp;base64,… (≤ 1 MB) or an http(s) reference'),
});
const RectificationBody = z.strictObject({
  note: Note,
  dueBy: z.number().int().positive().optional().describe('epoch ms by which the rectification will be complete (in the future)'),
});

/**
 * Who may confirm a graded response: the enterprise's safety officer for their own
 * enterprise's alarms (whatever tier it has escalated to — the enterprise acting late still
 * stops the clock, the escalations stay on record), the park manager and the commander for
 * every alarm they see. Drill planners only watch.
 */
const RESPONDERS: readonly Principal['role'][] = ['commander', 'park-manager', 'safety-officer'];

/** POST /alarms/:id/confirm-plan (level 2), POST /alarms/:id/rectification-plan (level 3), GET /alarms/:id/photos/:photoId. */
export function alarmResponseRoutes(app: ZodApp, deps: RouteDeps, engine: AlarmEngine, deadlines: ResponseDeadlines, photos: ResponsePhotoStore, now: () => number): void {
  const visible = async (request: { params: { id: string } }, user: Principal): Promise<AlarmView> => {
    const alarm = engine.get(request.params.id);
    if (!alarm || !canSeeAlarm(user, alarm, deps.registry.device(alarm.deviceId))) throw new HubError('alarm:not-found', `no alarm '${request.params.id}'`, 404);
    return alarm;
  };
  /** The alarm a user may confirm a response of `kind` on: 404 unseen, 403 not theirs, 409 nothing of that kind running. */
  const answerable = async (request: Parameters<typeof visible>[0] & { headers: Record<string, unknown> }, kind: DeadlineKind) => {
    const user = await requireUser(deps, request as never);
    const alarm = await visible(request, user);
    if (!RESPONDERS.includes(user.role)) throw forbidden(`role ${user.role} may not confirm responses`);
    if (user.role === 'safety-officer' && alarm.enterpriseId !== user.enterpriseId) throw forbidden(`${user.username} may confirm responses only for their own enterprise's alarms`);
    if (alarm.response?.kind !== kind || !isRunning(alarm.response)) throw nothingDue(alarm, kind);
    return { user, alarm };
  };
  const confirm = (alarm: AlarmView, kind: DeadlineKind, user: Principal, note: string) => {
    try {
      return { alarm: deadlines.confirm(alarm.id, kind, user.username, note) };
    } catch (err) {
      if (err instanceof NothingDueError) throw new HubError('alarm:nothing-due', err.message, 409);
      throw err;
    }
  };

  app.post(
    '/alarms/:id/confirm-plan',
    { schema: { tags: ['alarms'], summary: 'Level 2: confirm the emergency plan started (note, optional photo), stopping the 30-min clock', params: AlarmParams, body: ConfirmPlanBody } },
    async (request) => {
      const photo = request.body.photo === undefined ? null : parsePhoto(request.body.photo);
      if (typeof photo === 'string') throw badBody(`body.${photo}`);
      const { user, alarm } = await answerable(request, 'emergency-plan');
      let note = request.body.note;
      let photoId: string | null = null;
      if (photo?.kind === 'data-url') {
        photoId = await photos.add(alarm.id, photo.dataUrl, user.username);
        note += ` (photo: /api/v1/alarms/${encodeURIComponent(alarm.id)}/photos/${photoId})`;
      } else if (photo?.kind === 'reference') note += ` (photo: ${photo.url})`;
      try {
        return confirm(alarm, 'emergency-plan', user, note);
      } catch (err) {
        if (photoId) await photos.remove(photoId); // nothing half-written
        throw err;
      }
    },
  );

  app.post(
    '/alarms/:id/rectification-plan',
    { schema: { tags: ['alarms'], summary: 'Level 3: file the rectification plan (note, optional completion date), stopping the 2-h clock', params: AlarmParams, body: RectificationBody } },
    async (request) => {
      const { dueBy } = request.body;
      const nowMs = now();
      if (dueBy !== undefined && (dueBy <= nowMs || dueBy > nowMs + DUE_BY_MAX_AHEAD_MS)) throw badBody('body.dueBy: must be in the future, at most a year ahead (epoch ms)');
      const { user, alarm } = await answerable(request, 'rectification-plan');
      const note = dueBy === undefined ? request.body.note : `${request.body.note} (rectified by ${new Date(dueBy).toISOString()})`;
      return confirm(alarm, 'rectification-plan', user, note);
    },
  );

  app.get('/alarms/:id/photos/:photoId', { schema: { tags: ['alarms'], summary: 'A photo attached to a response confirmation', params: PhotoParams } }, async (request) => {
    const user = await requireUser(deps, request);
    const alarm = await visible(request, user);
    const photo = await photos.get(alarm.id, request.params.photoId);
    if (!photo) throw new HubError('request:not-found', `no photo '${request.params.photoId}' on alarm '${alarm.id}'`, 404);
    return { photo };
  });
}

function nothingDue(alarm: AlarmView, kind: DeadlineKind): HubError {
  const r = alarm.response;
  const why = r?.kind === kind && r.confirmedAt !== null ? `was already confirmed by ${r.confirmedBy ?? 'someone'}` : `is not due (the alarm is level ${alarm.level}${r ? `, its response is a ${r.kind}` : ''})`;
  return new HubError('alarm:nothing-due', `the ${kind} of alarm '${alarm.id}' ${why}`, 409);
}
