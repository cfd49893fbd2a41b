// A sentence the hub composes, in both forms it sends: the English (timeline, logs, webhooks, the
// plain field) and the key with values a wall words in its user's language (protocol hub-text.ts).
import { hubText, type HubText, type HubTextKey, type HubTextValue } from '@safetwin/protocol';

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
