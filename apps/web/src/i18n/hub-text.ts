// The hub's words in the user's language: the site's names (both languages come with the data) and
// the hub's sentences, sent as a key and values (protocol hub-text.ts), worded here. A view stored
// before the hub sent them has only its English, which is shown as it is.
import type { HubText, HubTextValue, SiteName } from '@safetwin/protocol';
import type { Locale } from './locale.ts';
import { wordEngineNote } from './engine-notes.ts';
import { translator } from './messages-core.ts';
import { hubTextMessages } from './messages/hub-text.ts';

/** A site name in the UI language. */
export function nameIn(name: SiteName, locale: Locale): string {
  return locale === 'zh-CN' ? name.zh : name.en;
}

const isName = (v: HubTextValue): v is SiteName => typeof v === 'object' && 'zh' in v && 'en' in v;

/**
 * A hub sentence in the UI language; names and nested sentences are worded in it too, numbers to six significant digits
 * (the hub rounds them; the default three decimals would show a 0.0042 kg/s bound as 0.004 and 0.0004 ppm as 0).
 */
export function wordHubText(text: HubText, locale: Locale): string {
  if (text.key === 'engine.note') return wordEngineNoteText(text, locale);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(text.values)) {
    if (typeof v === 'number') values[k] = v.toLocaleString(locale, { maximumSignificantDigits: 6 });
    else values[k] = typeof v === 'object' ? (isName(v) ? nameIn(v, locale) : wordHubText(v, locale)) : v;
  }
  return translator(hubTextMessages, locale)(text.key, values);
}

/** A note of the plume engine the hub passed on (protocol `engineNoteText`), worded as the engine's own notes are. */
function wordEngineNoteText(text: HubText, locale: Locale): string {
  const { note, text: english, ...rest } = text.values;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') values[k] = v;
  return wordEngineNote({ key: String(note), values, text: String(english) }, locale);
}

/** What the wall shows for something the hub labelled: its name in the UI language, else the hub's English label. */
export function labelIn(view: { label: string; name?: SiteName }, locale: Locale): string {
  return view.name ? nameIn(view.name, locale) : view.label;
}

/** What the wall shows for a hub sentence: worded in the UI language, else the hub's English (null when there is none). */
export function reasonIn(text: HubText | null | undefined, english: string | null, locale: Locale): string | null {
  return text ? wordHubText(text, locale) : english;
}
