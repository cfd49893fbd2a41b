// How values and ages are written: fixed decimals by magnitude so columns do not jitter,
// ages coarse enough to read from across a control room.

/** A metric value with decimals by magnitude: 1234 · 123.4 · 12.34 · 0.051; "—" when not finite. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  const decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3;
  const text = value.toFixed(decimals);
  // Avoid "-0.00" for tiny negative noise.
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** Unit of flag metrics (0/1, e.g. `powered`, `sos`) in the device catalogue. */
export const FLAG_UNIT = '1';

/** A metric value in its unit: flags read ON/OFF, numbers by magnitude. */
export function formatMetricValue(value: number, unit: string): string {
  if (unit === FLAG_UNIT) return !Number.isFinite(value) ? '—' : value !== 0 ? 'ON' : 'OFF';
  return formatValue(value);
}

/** An age in ms as people read it: "<1 s", "12 s", "4 min 05 s", "3 h 12 min", "2 d 4 h". */
export function formatAge(ageMs: number): string {
  if (!Number.isFinite(ageMs) || ageMs < 1000) return '<1 s';
  const totalS = Math.floor(ageMs / 1000);
  if (totalS < 60) return `${totalS} s`;
  const totalMin = Math.floor(totalS / 60);
  if (totalMin < 60) return `${totalMin} min ${String(totalS % 60).padStart(2, '0')} s`;
  const totalH = Math.floor(totalMin / 60);
  if (totalH < 24) return `${totalH} h ${String(totalMin % 60).padStart(2, '0')} min`;
  return `${Math.floor(totalH / 24)} d ${totalH % 24} h`;
}
