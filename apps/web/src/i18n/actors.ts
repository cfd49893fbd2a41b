// Who did something, in the UI language: the hub's own logic (`system`, `system:interlock`, …) by name;
// a person by their user name, as the hub recorded it.
import type { Locale } from './locale.ts';
import { isMessageKey, translator } from './messages-core.ts';
import { actorMessages } from './messages/actors.ts';

/** `actor` as the wall shows it: the hub's logic named in `locale`, anyone else as recorded. */
export function actorIn(actor: string, locale: Locale): string {
  return isMessageKey(actorMessages, actor) ? translator(actorMessages, locale)(actor) : actor;
}
