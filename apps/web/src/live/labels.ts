// Names for catalogue keys as people read them on the wall.
import { kindMessages } from '../i18n/messages/detail.ts';

/** Unit suffixes of more than one word (DESIGN.md §4: the unit is the name's suffix). */
const COMPOUND_SUFFIXES = ['_w_m2', '_kg_s', '_m3_s'];

/** A catalogue key as words: `roof-displacement` → `Roof displacement`. */
export function humanize(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** A device kind as shown in the table and the kind filter (English; the wall's panels use `kindMessages` per language). */
export function kindLabel(kind: string): string {
  return Object.hasOwn(kindMessages.en, kind) ? kindMessages.en[kind as keyof typeof kindMessages.en] : humanize(kind);
}

/** A metric's display name: its key without the unit suffix (`h2s_ppm` → `h2s`); flags (unit '1') keep their name. */
export function metricLabel(metric: string, unit: string): string {
  if (unit === '1') return metric;
  const compound = COMPOUND_SUFFIXES.find((suffix) => metric.endsWith(suffix) && metric.length > suffix.length);
  if (compound) return metric.slice(0, -compound.length);
  const cut = metric.lastIndexOf('_');
  return cut > 0 ? metric.slice(0, cut) : metric;
}
