// Checks of a graded-response confirmation before it goes to the hub (shared by the form and the
// server action, pure so it is tested without a server).

/** A note of 3–2000 characters, as the hub's other reasons. */
export const RESPONSE_NOTE_MIN = 3;
export const RESPONSE_NOTE_MAX = 2_000;
/** Largest photo the wall sends, as a data URL, in KB (the hub's body limit is 1 MiB). */
export const RESPONSE_PHOTO_MAX_KB = 600;

/** The trimmed note and the photo (a `data:image/…` URL or null) when fine; the reason otherwise. */
export function checkResponseInput(note: unknown, photo: unknown): { ok: true; note: string; photo: string | null } | { ok: false; error: string } {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length < RESPONSE_NOTE_MIN) return { ok: false, error: `Write a note (at least ${RESPONSE_NOTE_MIN} characters).` };
  if (text.length > RESPONSE_NOTE_MAX) return { ok: false, error: `Keep the note under ${RESPONSE_NOTE_MAX} characters.` };
  if (photo === null || photo === undefined || photo === '') return { ok: true, note: text, photo: null };
  if (typeof photo !== 'string' || !/^data:image\/(png|jpeg|webp);base64,/.test(photo)) return { ok: false, error: 'The photo must be a PNG, JPEG or WebP image.' };
  if (photo.length > RESPONSE_PHOTO_MAX_KB * 1_024) return { ok: false, error: `The photo is larger than ${RESPONSE_PHOTO_MAX_KB} KB; choose a smaller one.` };
  return { ok: true, note: text, photo };
}
