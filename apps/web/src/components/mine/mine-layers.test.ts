import { describe, expect, it } from 'vitest';
import type { PersonState } from '../../live/mine-types.ts';
import { minePeopleLayers, PEOPLE_NAMES_LAYER, type PersonLabel } from './mine-layers.ts';

const person = (id: string, state: PersonState, east: number): PersonLabel => ({ id, name: id, state, position: [113.5 + east * 1e-4, 37.9] });

describe('minePeopleLayers', () => {
  const people = [person('Wang', 'working', 0), person('Li', 'withdrawing', 1), person('Zhao', 'no-route', 2), person('Sun', 'paged', 3)];
  const { layers, names, rings } = minePeopleLayers(people, 1, 15, (s) => s);

  it('names those under an order first, by urgency, before the plan\'s place names; those at work only after them', () => {
    expect(names.map((g) => g.rank)).toEqual(['before-plan', 'after-plan']);
    expect(names[0]!.items.map((l) => l.text)).toEqual(['✕ Zhao · no-route', '◔ Sun · paged', '➜ Li · withdrawing']);
    expect(names[1]!.items.map((l) => l.text)).toEqual(['Wang']);
  });

  it('puts each name right of its ring, on one line, free to move round it; the rings are marks every name keeps clear of', () => {
    const first = names[0]!.items[0]!;
    expect(first).toMatchObject({ align: 'start', offsetPx: [15, 0], sizePx: 15, maxWidthEm: Infinity });
    // Ring 9 px with half its 3 px line.
    expect(first.clearRadiusPx).toBe(10.5);
    expect(rings).toHaveLength(3);
    expect(rings.every((r) => r.radiusPx === 10.5)).toBe(true);
    expect(layers.map((l) => l.id)).toEqual(['mine-people-rings']);
  });

  it('draws the kept names in the text layer the tooltip knows, with the offset each got', () => {
    const moved = { ...names[0]!.items[0]!, offsetPx: [-90, 0] as const };
    const [layer] = names[0]!.draw([moved]);
    expect(layer!.id).toBe(PEOPLE_NAMES_LAYER);
    const data = layer!.props.data as Array<{ offsetPx: readonly [number, number]; person: PersonLabel }>;
    expect(data[0]!.offsetPx).toEqual([-90, 0]);
    expect(data[0]!.person.name).toBe('Zhao');
    expect(names[1]!.draw([])[0]!.id).toBe(`${PEOPLE_NAMES_LAYER}-working`);
  });
});
