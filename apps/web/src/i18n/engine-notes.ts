// The plume engine's warnings and explanations in the user's language: the engine sends each as a key and values with its
// English (@safetwin/sim notes.ts); a key this wall does not know (a newer engine) and a run stored before
// the notes were sent show their English as it is.
import type { EngineNote } from '@safetwin/protocol';
import type { Locale } from './locale.ts';
import { isMessageKey, translator } from './messages-core.ts';
import { engineNoteMessages } from './messages/engine-notes.ts';


/** Values the engine gives as ids, worded in Chinese (a model named in a sentence; a list of levels). */
const ZH_VALUE_WORDS: Readonly<Record<string, string>> = {
  'gaussian-plume': '高斯烟羽模型', 'gaussian-puff': '高斯烟团模型', dense: '重气模型', rural: '乡村', urban: '城市', library: '库值',
};

function valuesIn(values: Readonly<Record<string, string>>, locale: Locale): Record<string, string> {
  if (locale !== 'zh-CN') return { ...values };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = k === 'ppm' ? v.split(', ').join('、') : (ZH_VALUE_WORDS[v] ?? v);
  return out;
}

/**
 * One engine note in the UI language: its English where the key is unknown, or where the note's values do not fill the
 * wall's wording (a note from an engine whose sentence has gained a value this wall does not know).
 */
export function wordEngineNote(note: EngineNote, locale: Locale): string {
  if (!isMessageKey(engineNoteMessages, note.key)) return note.text;
  const worded = translator(engineNoteMessages, locale)(note.key, valuesIn(note.values, locale));
  return /\{\w+\}/.test(worded) ? note.text : worded;
}

/** The lines to show (warnings, explanations): the notes worded in the UI language where the run sent them, else the English lines. */
export function engineLines(lines: readonly string[], notes: readonly EngineNote[] | undefined, locale: Locale): string[] {
  return notes && notes.length === lines.length ? notes.map((n) => wordEngineNote(n, locale)) : [...lines];
}
