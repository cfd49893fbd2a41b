import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { ScreenLabel } from './label-boxes.ts';
import { labelGroup, placeLabelGroups, type LabelGroup } from './label-groups.ts';
import type { LonLat } from './site-projector.ts';

/** A point `eastM` east and `northM` north of the park's corner. */
const at = (eastM: number, northM: number): LonLat => [118.7 + eastM / (111_320 * Math.cos((32.2 * Math.PI) / 180)), 32.2 + northM / 111_320];
interface Named extends ScreenLabel {
  id: string;
}
const label = (id: string, position: LonLat, offsetPx: [number, number] = [0, 0]): Named => ({ id, text: id, position, offsetPx, sizePx: 14 });

/** A group whose draw records what it was given (as a fake layer's id list). */
function recorded(items: Named[], rank?: 'before-plan' | 'after-plan', onTop?: boolean): { group: LabelGroup; drawn: () => Named[] } {
  let last: Named[] = [];
  const group = labelGroup(items, (kept) => {
    last = kept;
    return [{ id: items.map((i) => i.id).join('+') } as unknown as Layer];
  }, rank, onTop);
  return { group, drawn: () => last };
}

describe('placeLabelGroups', () => {
  // Two names on the same spot: only one fits at any scale.
  const place = label('refuge chamber', at(0, 0));
  const gas = label('1.5 % power cut', at(0, 0));

  it('a live group outranks the plan\'s names by default; an after-plan group gives way to them', () => {
    const plan = recorded([place]);
    const live = recorded([gas]);
    placeLabelGroups(plan.group, [live.group], 8, 1);
    expect(live.drawn().map((l) => l.id)).toEqual(['1.5 % power cut']);
    expect(plan.drawn()).toEqual([]);

    const plan2 = recorded([place]);
    const minor = recorded([gas], 'after-plan');
    placeLabelGroups(plan2.group, [minor.group], 8, 1);
    expect(plan2.drawn().map((l) => l.id)).toEqual(['refuge chamber']);
    expect(minor.drawn()).toEqual([]);
  });

  it('draws every label of every group, each by its owner, while the view is not known; empty groups draw nothing', () => {
    const plan = recorded([place]);
    const live = recorded([gas]);
    const empty = recorded([]);
    const layers = placeLabelGroups(plan.group, [live.group, empty.group], 8);
    expect(layers.under.map((l) => l.id)).toEqual(['1.5 % power cut', 'refuge chamber']);
    expect(layers.onTop).toEqual([]);
    expect(live.drawn().map((l) => l.id)).toEqual(['1.5 % power cut']);
    expect(plan.drawn().map((l) => l.id)).toEqual(['refuge chamber']);
  });

  it('returns the layers of a group drawn on top (a reading) apart from those under the live markers', () => {
    const layers = placeLabelGroups(recorded([place]).group, [recorded([gas], 'before-plan', true).group], 8, 1);
    expect(layers.onTop.map((l) => l.id)).toEqual(['1.5 % power cut']);
    expect(layers.under.map((l) => l.id)).toEqual(['refuge chamber']);
  });

  it('gives each owner its own labels back, with what they carry and the offset a moved one got', () => {
    const glyphed = { ...label('shaft', at(0, 0), [0, 18]), clearRadiusPx: 10 };
    const blocker = label('CO 30 ppm', at(0, 0), [0, 18]);
    const plan = recorded([glyphed]);
    const live = recorded([blocker]);
    placeLabelGroups(plan.group, [live.group], 8, 1);
    expect(live.drawn()).toEqual([blocker]);
    // The place name moved above its glyph (below was taken): its owner draws it there.
    expect(plan.drawn()).toHaveLength(1);
    expect(plan.drawn()[0]!.id).toBe('shaft');
    expect(plan.drawn()[0]!.offsetPx[1]).toBeLessThan(0);
    expect('group' in plan.drawn()[0]!).toBe(false);
  });
});
