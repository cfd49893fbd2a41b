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

/** Sentences joined with "; " (each worded in the reader's language); at least one. */
export function joinSaid(parts: readonly Said[]): Said {
  const [first, ...rest] = parts;
  if (!first) throw new Error('joinSaid: no sentence to join');
  if (rest.length === 0) return first;
  const tail = joinSaid(rest);
  return { en: `${first.en}; ${tail.en}`, text: hubText('join.semicolon', { first: first.text, rest: tail.text }) };
}
