// Labels from several owners placed on the screen together: the plan's place names and the live
// names other features draw (a mine's gas readings and people under an order). One pass over all of
// them, in rank order, so a live name and a place name never pile up on each other: each owner then
// draws the ones it kept, at the offsets they got.
import type { Layer } from '@deck.gl/core';
import { labelsOnScreen, type LabelPlacing, type ScreenLabel } from './label-boxes.ts';

/** When a group's labels are placed relative to the plan's place names. */
export type LabelRank = 'before-plan' | 'after-plan';

/** One owner's labels, most important first, and how it draws those that fit. */
export interface LabelGroup {
  items: readonly ScreenLabel[];
  /** Layers for `kept` (a subset of `items` in their order; a moved label comes back as a copy with its new offset). */
  draw: (kept: ScreenLabel[]) => Layer[];
  /** 'before-plan' (default): live information outranks the place names; 'after-plan': only where names leave room. */
  rank?: LabelRank;
  /** Drawn over the live markers (a reading that must be read), not under them like names. */
  onTop?: boolean;
}

/** The placed labels' layers: under the live markers, and over them. */
export interface PlacedLabelLayers {
  under: Layer[];
  onTop: Layer[];
}

/** A group typed by its own label kind (the registry holds them erased). */
export function labelGroup<T extends ScreenLabel>(items: readonly T[], draw: (kept: T[]) => Layer[], rank: LabelRank = 'before-plan', onTop = false): LabelGroup {
  return { items, draw: (kept) => draw(kept as T[]), rank, onTop };
}

/**
 * The layers of `groups` with their labels placed together on the screen at `metresPerPx` (label-boxes.ts): the
 * 'before-plan' groups in the order given, then `plan`, then the 'after-plan' groups. Without a scale (the view not
 * known yet) every label is drawn.
 */
export function placeLabelGroups(plan: LabelGroup, groups: readonly LabelGroup[], maxWidthEm: number, metresPerPx?: number, placing?: LabelPlacing): PlacedLabelLayers {
  const ordered = [...groups.filter((g) => (g.rank ?? 'before-plan') === 'before-plan'), plan, ...groups.filter((g) => g.rank === 'after-plan')];
  const drawn = ordered.filter((group) => group.items.length > 0);
  // Unplaced, each owner gets its own array back (the same data: deck.gl lays the text out again only when it changes).
  const kept = metresPerPx === undefined ? drawn.map((group) => group.items as ScreenLabel[]) : placedByGroup(drawn, maxWidthEm, metresPerPx, placing);
  const layers = drawn.map((group, g) => ({ group, layers: group.draw(kept[g]!) }));
  return { under: layers.filter((l) => !l.group.onTop).flatMap((l) => l.layers), onTop: layers.filter((l) => l.group.onTop).flatMap((l) => l.layers) };
}

/** The labels of `groups` that fit on the screen together, group by group. */
function placedByGroup(groups: readonly LabelGroup[], maxWidthEm: number, metresPerPx: number, placing?: LabelPlacing): ScreenLabel[][] {
  const tagged = groups.flatMap((group, g) => group.items.map((label) => ({ ...label, group: g })));
  const byGroup: ScreenLabel[][] = groups.map(() => []);
  for (const { group, ...label } of labelsOnScreen(tagged, metresPerPx, maxWidthEm, placing)) byGroup[group]!.push(label as ScreenLabel);
  return byGroup;
}
