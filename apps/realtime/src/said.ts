// A sentence the hub composes, in both forms it sends: the English (timeline, logs, webhooks, the
// plain field) and the key with values a wall words in its user's language (protocol hub-text.ts).
import { engineNoteText, hubText, type EngineNote, type HubText, type HubTextKey, type HubTextValue } from '@safetwin/protocol';

/** A hub sentence: `en` and `text`. */
export interface Said {
  en: string;
  text: HubText;
}

/** Builds a {@link Said}. */
export function said(en: string, key: HubTextKey, values: Readonly<Record<string, HubTextValue>> = {}): Said {
  return { en, text: hubText(key, values) };
}

/** Joints between sentences: "; " between whole sentences, ", " between the items of a list. */
const JOINTS = { semicolon: { en: '; ', key: 'join.semicolon' }, comma: { en: ', ', key: 'join.comma' } } as const;

/** Sentences joined with "; " (or ", " for a list's items), each worded in the reader's language; at least one. */
export function joinSaid(parts: readonly Said[], joint: keyof typeof JOINTS = 'semicolon'): Said {
  const [first, ...rest] = parts;
  if (!first) throw new Error('joinSaid: no sentence to join');
  if (rest.length === 0) return first;
  const tail = joinSaid(rest, joint);
  const j = JOINTS[joint];
  return { en: `${first.en}${j.en}${tail.en}`, text: hubText(j.key, { first: first.text, rest: tail.text }) };
}

/** A note of the plume engine (@safetwin/sim: key, values, English) as a hub sentence (protocol `engineNoteText`). */
export function engineSaid(note: EngineNote): Said {
  return { en: note.text, text: engineNoteText(note) };
}

/** Each sentence once (by its English), in the order first said. */
export function uniqueSaid(parts: readonly Said[]): Said[] {
  const byEn = new Map<string, Said>();
  for (const p of parts) if (!byEn.has(p.en)) byEn.set(p.en, p);
  return [...byEn.values()];
}

/** Sentences as a view sends them: the English (`warnings`) and the keyed texts beside them, one each, repeats dropped. */
export function saidLists(parts: readonly Said[]): { warnings: string[]; warningTexts: HubText[] } {
  const unique = uniqueSaid(parts);
  return { warnings: unique.map((p) => p.en), warningTexts: unique.map((p) => p.text) };
}
