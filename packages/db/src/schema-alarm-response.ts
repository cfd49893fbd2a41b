import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Photos attached to a graded-response confirmation (the level-2 "emergency plan started"
 * evidence), as data URLs of at most 1 MB. Kept off the alarm row, which every wall receives:
 * the response note carries only the photo's id.
 */
export const alarmResponsePhotos = pgTable(
  'alarm_response_photos',
  {
    id: text('id').primaryKey(),
    alarmId: text('alarm_id').notNull(),
    /** `data:image/jpeg;base64,…` (png, jpeg or webp). */
    dataUrl: text('data_url').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('alarm_response_photos_alarm_idx').on(t.alarmId)],
);
