// Which of a description's occupancy figures (day or night persons) applies at a moment.

/** The day shift's hours, local mean solar time at the site. */
export const DAY_SHIFT_HOURS = { startH: 8, endH: 20 } as const;

/** Which of the description's figures applies. */
export type Shift = 'day' | 'night';

const HOUR_MS = 3_600_000;

/**
 * The shift at `tMs` at longitude `lonDeg`: day from 08:00 to 20:00 local mean solar time
 * (UTC + longitude / 15 h). Site descriptions carry no time zone; solar time is within an hour
 * of civil time for most of China and needs no tz database.
 */
export function shiftAt(tMs: number, lonDeg: number): Shift {
  const h = (((tMs / HOUR_MS + lonDeg / 15) % 24) + 24) % 24;
  return h >= DAY_SHIFT_HOURS.startH && h < DAY_SHIFT_HOURS.endH ? 'day' : 'night';
}
