// Wall-clock times as the wall writes them: 24-hour local "HH:MM:SS".

/** A local time of day, "HH:MM:SS" (24 h); "—" for a time that is not a finite number. */
export function clockTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '—';
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
