// A device kind in the UI language; kinds the bundle does not know are humanized.
import type { Translate } from '../../i18n/messages-core.ts';
import { kindMessages } from '../../i18n/messages/detail.ts';
import { humanize } from '../../live/labels.ts';

/** A key of {@link kindMessages}. */
export type KindKey = keyof (typeof kindMessages)['en'];

/** The name of a device kind (`gas-cl2` → "Chlorine Cl₂" / "氯气 Cl₂"). */
export function kindName(t: Translate<KindKey>, kind: string): string {
  return Object.hasOwn(kindMessages.en, kind) ? t(kind as KindKey) : humanize(kind);
}
