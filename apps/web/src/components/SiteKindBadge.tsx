import type { SiteKind } from '../lib/hub-types.ts';

const KINDS: Record<SiteKind, { shape: string; text: string }> = {
  'chemical-park': { shape: '⬢', text: 'Chemical park' },
  'coal-mine': { shape: '▼', text: 'Coal mine' },
};

/** A site's kind as shape + word, so parks and mines differ without colour. */
export function SiteKindBadge({ kind }: { kind: SiteKind }) {
  const label = KINDS[kind] ?? { shape: '■', text: kind };
  return (
    <span className={`kind-badge kind-badge--${kind}`}>
      <span aria-hidden="true">{label.shape}</span> {label.text}
    </span>
  );
}
