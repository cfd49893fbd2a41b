// The plume engine's warnings in the user's language: the engine sends each as a key and values with its
// English (@safetwin/sim notes.ts); a key this wall does not know (a newer engine) and a run stored before
// the notes were sent show their English as it is.
import type { EngineNote } from '@safetwin/protocol';
import type { SimNoteKey } from '@safetwin/sim';
import type { Locale } from './locale.ts';
import { translator } from './messages-core.ts';
import { engineNoteMessages } from './messages/engine-notes.ts';

const isKnown = (key: string): key is SimNoteKey => Object.hasOwn(engineNoteMessages.en, key);

/** One engine note in the UI language (its English where the key is unknown). */
export function wordEngineNote(note: EngineNote, locale: Locale): string {
  return isKnown(note.key) ? translator(engineNoteMessages, locale)(note.key, note.values) : note.text;
}

/** The warnings to show: the notes worded in the UI language where the run sent them, else the English lines. */
export function engineWarnings(lines: readonly string[], notes: readonly EngineNote[] | undefined, locale: Locale): string[] {
  return notes && notes.length === lines.length ? notes.map((n) => wordEngineNote(n, locale)) : [...lines];
}
