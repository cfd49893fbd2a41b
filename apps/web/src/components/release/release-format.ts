// Words and numbers of the release panel: equipment that can be a source, the nearest one to a
// click on the plan, distances and times as a commander reads them.
import type { Site } from '@safetwin/twin-models';
import { isEngineChemical } from '../../live/sim-run.ts';

/** A piece of equipment that holds a chemical: a possible release source. */
export interface SourceEquipment {
  id: string;
  name: { zh: string; en: string };
  chemical: string;
  inventoryKg: number;
  eastM: number;
  northM: number;
  /** The engine can model its chemical. */
  modellable: boolean;
}

/** The site's equipment holding a chemical, modellable first, then by chemical and name. */
export function sourceEquipment(site: Site): SourceEquipment[] {
  if (site.kind !== 'chemical-park') return [];
  return site.equipment
    .filter((e) => e.chemical !== null)
    .map((e) => ({
      id: e.id,
      name: e.name,
      chemical: e.chemical!,
      inventoryKg: e.inventoryKg,
      eastM: e.position.eastM,
      northM: e.position.northM,
      modellable: isEngineChemical(e.chemical),
    }))
    .sort((a, b) => Number(b.modellable) - Number(a.modellable) || a.chemical.localeCompare(b.chemical) || a.id.localeCompare(b.id));
}

/** How far from a click a piece of equipment may be and still be the one meant, m. */
export const PICK_RADIUS_M = 60;

/** The equipment nearest to a plan point within {@link PICK_RADIUS_M}, or null. */
export function nearestEquipment(list: readonly SourceEquipment[], eastM: number, northM: number, radiusM = PICK_RADIUS_M): SourceEquipment | null {
  let best: SourceEquipment | null = null;
  let bestD = radiusM;
  for (const e of list) {
    const d = Math.hypot(e.eastM - eastM, e.northM - northM);
    if (d <= bestD) {
      best = e;
      bestD = d;
    }
  }
  return best;
}

/** An inventory as people say it: "150 t", "800 kg". */
export function formatInventory(kg: number): string {
  return kg >= 1000 ? `${Number((kg / 1000).toPrecision(3))} t` : `${Math.round(kg)} kg`;
}

/** A distance in km with 2 decimals below 10 km, 1 above. */
export function formatKm(distanceM: number): string {
  const km = distanceM / 1000;
  return km < 10 ? km.toFixed(2) : km.toFixed(1);
}

/** A concentration with 2–3 significant figures: 0.52, 12.3, 1 230. */
export function formatPpm(ppm: number): string {
  if (!(ppm > 0)) return '0';
  if (ppm >= 1000) return Math.round(ppm).toLocaleString('en');
  return String(Number(ppm.toPrecision(3)));
}

/** A time after the release as "2 min 30 s" / "45 s". */
export function formatAfter(tS: number): string {
  const total = Math.max(0, Math.round(tS));
  const min = Math.floor(total / 60);
  const s = total % 60;
  return min === 0 ? `${s} s` : s === 0 ? `${min} min` : `${min} min ${s} s`;
}

/** An age as "40 s", "3 min". */
export function formatAgeS(ageS: number): string {
  return ageS < 90 ? `${Math.max(0, Math.round(ageS))} s` : `${Math.round(ageS / 60)} min`;
}
