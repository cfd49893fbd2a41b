// Reads what the sensor list shows beside ids from a site's twin description (`GET /sites/:id`):
// enterprise names and a human label per device (its equipment, valve, placement or miner), in the
// UI language where the description names it in both.
// The description is typed in @safetwin/twin-models; here it is read defensively as plain JSON so
// a richer or older description never breaks the list.

import { METHANE_PLACEMENTS, type MethanePlacement } from '@safetwin/twin-models';
import type { Locale } from '../i18n/locale.ts';
import { translator, type Translate } from '../i18n/messages-core.ts';
import { placementMessages } from '../i18n/messages/placement.ts';

type Json = Record<string, unknown>;

/** A `{zh, en}` name (or a plain string) as text in `locale` (English where the other is missing); null when absent. */
function nameText(name: unknown, locale: Locale): string | null {
  if (typeof name === 'string') return name;
  if (!name || typeof name !== 'object') return null;
  const { zh, en } = name as Json;
  if (locale === 'zh-CN' && typeof zh === 'string') return zh;
  return typeof en === 'string' ? en : null;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => !!v && typeof v === 'object') : [];
}

/** Enterprise id → name in `locale`, from `site.enterprises`. */
export function enterpriseNames(site: unknown, locale: Locale = 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of list((site as Json | null)?.enterprises)) {
    const name = nameText(e.name, locale);
    if (typeof e.id === 'string' && name) out[e.id] = name;
  }
  return out;
}

/** Device id → label: the equipment a sensor sits on, the valve an actuator drives, a mine sensor's placement, a tag's wearer. */
export function deviceLabels(site: unknown, locale: Locale = 'en'): Record<string, string> {
  const s = (site ?? {}) as Json;
  const out: Record<string, string> = {};
  const equipmentNames = new Map<string, string>();
  const placementIn = translator(placementMessages, locale);
  for (const e of list(s.equipment)) {
    const name = nameText(e.name, locale);
    if (typeof e.id === 'string' && name) equipmentNames.set(e.id, name);
    if (typeof e.deviceId === 'string' && name) out[e.deviceId] = name;
  }
  for (const sensor of list(s.sensors)) {
    if (typeof sensor.id !== 'string') continue;
    const onEquipment = typeof sensor.equipmentId === 'string' ? equipmentNames.get(sensor.equipmentId) : undefined;
    const placement = typeof sensor.placement === 'string' ? placementLabel(sensor.placement, placementIn) : undefined;
    const label = onEquipment ?? placement;
    if (label) out[sensor.id] = label;
  }
  for (const valve of list((s.pipes as Json | undefined)?.valves)) {
    const name = nameText(valve.name, locale);
    if (typeof valve.deviceId === 'string' && name) out[valve.deviceId] = name;
  }
  for (const miner of list(s.miners)) {
    const name = nameText(miner.name, locale);
    if (typeof miner.tagDeviceId === 'string' && name) out[miner.tagDeviceId] = typeof miner.team === 'string' ? `${name} · ${miner.team}` : name;
  }
  return out;
}

/** A methane sensor's placement in the UI language; one the wall does not know yet, as its words. */
function placementLabel(placement: string, placementIn: Translate<MethanePlacement>): string {
  return isPlacement(placement) ? placementIn(placement) : placement.replace(/-/g, ' ');
}

const isPlacement = (p: string): p is MethanePlacement => (METHANE_PLACEMENTS as readonly string[]).includes(p);
