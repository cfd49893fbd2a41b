import { randomUUID } from 'node:crypto';
import { alarmResponsePhotos, type SqlClient } from '@safetwin/db';
import { and, eq } from 'drizzle-orm';

/** Largest photo a confirmation may carry, bytes (decoded). */
export const PHOTO_MAX_BYTES = 1024 * 1024;
/** Longest photo field: a 1 MB image as base64 plus its data-URL header. */
export const PHOTO_MAX_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 64;
/** Longest photo reference (a link into the enterprise's own document system). */
const REFERENCE_MAX_CHARS = 2048;

const DATA_URL = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/;

/** A confirmation's photo: an image to store here, or a reference to one kept elsewhere. */
export type PhotoInput = { kind: 'data-url'; dataUrl: string; bytes: number } | { kind: 'reference'; url: string };

/**
 * Reads the `photo` field: a `data:image/{png,jpeg,webp};base64,…` URL of at most 1 MB, or an
 * http(s) reference; anything else is a message naming what is wrong.
 */
export function parsePhoto(photo: string): PhotoInput | string {
  const m = DATA_URL.exec(photo);
  if (m) {
    const b64 = m[2]!;
    const bytes = (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    if (b64.length % 4 !== 0) return 'photo: the base64 data is malformed';
    if (bytes > PHOTO_MAX_BYTES) return `photo: ${bytes} bytes is more than ${PHOTO_MAX_BYTES} (1 MB)`;
    return { kind: 'data-url', dataUrl: photo, bytes };
  }
  if (photo.startsWith('data:')) return 'photo: a data URL must be data:image/png, image/jpeg or image/webp, base64-encoded';
  if (photo.length > REFERENCE_MAX_CHARS) return `photo: a reference is at most ${REFERENCE_MAX_CHARS} characters`;
  try {
    const url = new URL(photo);
    if (url.protocol === 'https:' || url.protocol === 'http:') return { kind: 'reference', url: photo };
  } catch {
    // falls through to the message
  }
  return 'photo: expected a data:image/… URL (≤ 1 MB) or an http(s) reference';
}

/** Stored confirmation photos (off the alarm row, which every wall receives). */
export class ResponsePhotoStore {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number,
  ) {}

  /** Stores a photo; resolves with its id. */
  async add(alarmId: string, dataUrl: string, createdBy: string): Promise<string> {
    const id = randomUUID();
    await this.db.orm.insert(alarmResponsePhotos).values({ id, alarmId, dataUrl, createdBy, createdAt: new Date(this.now()) });
    return id;
  }

  /** Removes a photo whose confirmation did not go through. */
  async remove(id: string): Promise<void> {
    await this.db.orm.delete(alarmResponsePhotos).where(eq(alarmResponsePhotos.id, id));
  }

  /** A photo of an alarm, or null. */
  async get(alarmId: string, id: string): Promise<{ id: string; alarmId: string; dataUrl: string; createdBy: string; createdAt: number } | null> {
    const [row] = await this.db.orm.select().from(alarmResponsePhotos).where(and(eq(alarmResponsePhotos.id, id), eq(alarmResponsePhotos.alarmId, alarmId)));
    return row ? { id: row.id, alarmId: row.alarmId, dataUrl: row.dataUrl, createdBy: row.createdBy, createdAt: row.createdAt.getTime() } : null;
  }
}
