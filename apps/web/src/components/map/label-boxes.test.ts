import { describe, expect, it } from 'vitest';
import { estimateWidthPx, labelsOnScreen, metresPerPixel, textBoxPx } from './label-boxes.ts';
import type { LonLat } from './site-projector.ts';

/** A point `eastM` east and `northM` north of the park's corner (1 m ≈ 1/111 320° of latitude). */
const at = (eastM: number, northM: number): LonLat => [118.7 + eastM / (111_320 * Math.cos((32.2 * Math.PI) / 180)), 32.2 + northM / 111_320];
const label = (id: string, text: string, position: LonLat, offsetPx: [number, number] = [0, 0]) => ({ id, text, position, offsetPx, sizePx: 14 });

describe('metresPerPixel', () => {
  it('is the 512 px Web Mercator world: 78 272 m a pixel at zoom 0 on the equator, halving each level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(16, 32)).toBeCloseTo((78_271.5 * Math.cos((32 * Math.PI) / 180)) / 65_536, 6);
  });
});

describe('textBoxPx', () => {
  /** Every glyph 0.5 em: widths that add up exactly. */
  const halfEm = (text: string, sizePx: number) => [...text].length * sizePx * 0.5;
  it('wraps at the layer\'s width between words, as wide as the widest line', () => {
    expect(textBoxPx('north gate', 10, 8, halfEm)).toEqual({ widthPx: 50, heightPx: 10 });
    // "assembly point 3" is 8 em: one line; "assembly point 12" is 8.5 em: "assembly point" (7 em) and "12".
    expect(textBoxPx('assembly point 3', 10, 8, halfEm)).toEqual({ widthPx: 80, heightPx: 10 });
    expect(textBoxPx('assembly point 12', 10, 8, halfEm)).toEqual({ widthPx: 70, heightPx: 20 });
  });

  it('breaks a word longer than a line between its characters (a Chinese name has no spaces)', () => {
    const square = (text: string, sizePx: number) => [...text].length * sizePx;
    expect(textBoxPx('江北新材料科技园紧急集合点', 10, 8, square)).toEqual({ widthPx: 80, heightPx: 20 });
  });

  it('estimates CJK glyphs a full em and others 0.55 em where no canvas measures', () => {
    expect(estimateWidthPx('北门', 14)).toBe(28);
    expect(estimateWidthPx('gate', 20)).toBeCloseTo(44, 9);
  });
});

describe('labelsOnScreen', () => {
  const gate = label('gate', 'north gate', at(0, 0));
  const ap = label('ap', 'assembly point 3', at(100, 0));
  it('keeps two labels 100 m apart where that is 200 px, drops the second where it is 10 px', () => {
    expect(labelsOnScreen([gate, ap], 0.5, 8).map((l) => l.id)).toEqual(['gate', 'ap']);
    expect(labelsOnScreen([gate, ap], 10, 8).map((l) => l.id)).toEqual(['gate']);
  });

  it('a name beginning at its offset (align start, a person right of their tag) takes the room right of it, not round it', () => {
    // "north gate" at 14 px is 10 × 0.55 em = 77 px wide. At 1 m/px a start-aligned name 10 px right of its anchor
    // spans x 10…87; a centred one on an anchor 60 m west spans −98…−21 when shifted +10: apart. Centred at the same
    // offset the first spans −28.5…48.5 and reaches into a name centred 80 m east (41.5…118.5 with its own +0).
    const person = { ...label('person', 'north gate', at(0, 0), [10, 0]), align: 'start' as const };
    const east = label('east', 'north gate', at(95, 0));
    expect(labelsOnScreen([person, east], 1, 8).map((l) => l.id)).toEqual(['person']);
    const centred = label('centred', 'north gate', at(0, 0), [-50, 0]);
    expect(labelsOnScreen([centred, east], 1, 8).map((l) => l.id)).toEqual(['centred', 'east']);
  });

  it('a label\'s own maxWidthEm overrides the call\'s (Infinity: one line, as wide as its text)', () => {
    const long = { ...label('long', 'assembly point twelve north', at(0, 0)), maxWidthEm: Infinity };
    // Wrapped at 8 em it is two lines of 14 px (y −14…14) and reaches a name 20 px below (y 13…27); on one line it spans
    // y −7…7 and clears it.
    const below = label('below', 'gate', at(0, -20));
    expect(labelsOnScreen([long, below], 1, 8).map((l) => l.id)).toEqual(['long', 'below']);
    expect(labelsOnScreen([{ ...long, maxWidthEm: undefined }, below], 1, 8).map((l) => l.id)).toEqual(['long']);
  });

  it('a name beside its mark moves to the left of it when the right runs out of the view', () => {
    // "north gate" is 77 px wide; the frame ends 50 px east of the anchor.
    const person = { ...label('person', 'north gate', at(0, 0), [15, 0]), align: 'start' as const, clearRadiusPx: 10 };
    const frame = { centre: at(-100, 0), widthPx: 300, heightPx: 100 };
    const [placed] = labelsOnScreen([person], 1, 8, { frame });
    // Now its text begins 10 + 4 + 77 px west of the anchor and ends 14 px short of it.
    expect(placed!.offsetPx[0]).toBeCloseTo(-(10 + 4 + 77), 6);
    expect(placed!.offsetPx[1]).toBe(0);
  });

  it('keeps names out from under the legends (covers) and names no point a legend hides', () => {
    const frame = { centre: at(0, 0), widthPx: 400, heightPx: 200 };
    // A legend over the frame's top-left quarter, and a name whose box (−38.5…38.5, −7…7 about its anchor 40 px below the centre) would reach into it.
    const covers = [{ x0: -200, x1: 0, y0: -100, y1: 0 }];
    expect(labelsOnScreen([label('near', 'north gate', at(0, -5))], 1, 8, { frame, covers })).toEqual([]);
    expect(labelsOnScreen([label('clear', 'north gate', at(60, -20))], 1, 8, { frame, covers }).map((l) => l.id)).toEqual(['clear']);
    // An anchor under the legend gets no name even where its box would clear it.
    expect(labelsOnScreen([label('hidden', 'x', at(-100, 50), [0, 80])], 1, 8, { frame, covers })).toEqual([]);
  });

  it('the first given wins a place (the caller orders by importance)', () => {
    expect(labelsOnScreen([ap, gate], 10, 8).map((l) => l.id)).toEqual(['ap']);
  });

  it('places text by its pixel offset: a name drawn under its glyph clears one drawn above a neighbour', () => {
    const below = label('below', 'assembly point 1', at(0, 0), [0, 18]);
    const above = label('above', 'longwall face', at(0, 0), [0, -17]);
    expect(labelsOnScreen([below, above], 10, 8).map((l) => l.id)).toEqual(['below', 'above']);
    expect(labelsOnScreen([below, label('also-below', 'refuge chamber', at(0, 0), [0, 18])], 10, 8).map((l) => l.id)).toEqual(['below']);
  });

  it('north is up: a label 30 m north of another sits 30 px above it at 1 m a pixel', () => {
    const south = label('south', 'gate', at(0, 0));
    expect(labelsOnScreen([south, label('north', 'gate', at(0, 30))], 1, 8)).toHaveLength(2);
    expect(labelsOnScreen([south, label('north', 'gate', at(0, 10))], 1, 8)).toHaveLength(1);
  });

  it('nothing to place, nothing kept', () => {
    expect(labelsOnScreen([], 1, 8)).toEqual([]);
  });
});

describe('labelsOnScreen with marks of other features on the plan', () => {
  it('a reading that must be seen (overMarks) lies over a mark where a name gives way to it', () => {
    const reading = label('reading', 'CH4 1.5 %', at(0, 0));
    const ring = { position: at(0, 0), radiusPx: 10 };
    expect(labelsOnScreen([reading], 1, 8, { obstacles: [ring] })).toEqual([]);
    expect(labelsOnScreen([{ ...reading, overMarks: true }], 1, 8, { obstacles: [ring] }).map((l) => l.id)).toEqual(['reading']);
  });

  /** "gate" is 4 × 0.55 em at 14 px: 30.8 × 14 px. */
  const name = (id: string, eastM: number, clearRadiusPx?: number) => ({ ...label(id, 'gate', at(eastM, 0), [0, 18]), ...(clearRadiusPx === undefined ? {} : { clearRadiusPx }) });
  const ring = (eastM: number, radiusPx = 14.5) => ({ position: at(eastM, 0), radiusPx });

  it('a name under its glyph moves below a larger ring drawn on the same point (an assembly point in an incident)', () => {
    // Its own offset puts the box's top 11 px below the point: inside a 14.5 px ring (+ 4 px gap); just outside it is 14.5 + 7 + 4 px.
    const [kept] = labelsOnScreen([name('ap', 0, 10.5)], 1, 8, { obstacles: [ring(0)] });
    expect(kept!.offsetPx).toEqual([0, 25.5]);
  });

  it('keeps its own offset where nothing is in the way', () => {
    const [kept] = labelsOnScreen([name('ap', 0, 10.5)], 1, 8, { obstacles: [ring(200)] });
    expect(kept!.offsetPx).toEqual([0, 18]);
  });

  it('tries below, above, right, then left of its point, and gives way when every side is taken', () => {
    // Rings 30 px below and above the point: the name goes to the right of its 10.5 px glyph.
    const blocked = [ring(0), { position: at(0, -30), radiusPx: 14.5 }, { position: at(0, 30), radiusPx: 14.5 }];
    const [right] = labelsOnScreen([name('ap', 0, 10.5)], 1, 8, { obstacles: blocked });
    expect(right!.offsetPx[1]).toBe(0);
    expect(right!.offsetPx[0]).toBeCloseTo(14.5 + 30.8 / 2 + 4, 6);
    const everywhere = [...blocked, ring(35), ring(-35)];
    expect(labelsOnScreen([name('ap', 0, 10.5)], 1, 8, { obstacles: everywhere })).toEqual([]);
  });

  it("a name the panel's edge would cut moves to the side of its point still in view, or gives way", () => {
    // The point 10 px from the frame's right edge: "gate" (30.8 px wide) centred under it would stick out; to its left it fits.
    const frame = { centre: at(-190, 0), widthPx: 400, heightPx: 100 };
    const [moved] = labelsOnScreen([name('gate', 0, 10.5)], 1, 8, { frame });
    expect(moved!.offsetPx[0]).toBeCloseTo(-(10.5 + 30.8 / 2 + 4), 6);
    // Off the frame altogether: nothing drawn for it.
    expect(labelsOnScreen([name('gate', 0, 10.5)], 1, 8, { frame: { ...frame, centre: at(-500, 0) } })).toEqual([]);
  });

  it('a name moved just outside its own ring is kept wherever its point is and at any scale (no rounding drops it)', () => {
    // Another label first, so this one's anchor is away from the origin; scales of a 4K wall's type.
    for (const scale of [16 / 18, 20 / 18, 24 / 18]) {
      for (let k = 0; k < 50; k++) {
        const first = label('first', 'x', at(-400, -400));
        const ap = { ...label('ap', 'assembly point 3', at(37.3 * k, -11.9 * k), [0, Math.round(14 * scale * 1.3)]), sizePx: Math.round(14 * scale), clearRadiusPx: 14 * scale * 0.75 };
        const kept = labelsOnScreen([first, ap], 0.7, 8, { obstacles: [{ position: ap.position, radiusPx: 14.5 * scale }] });
        expect(kept.map((l) => l.id), `scale ${scale.toFixed(2)}, k ${k}`).toEqual(['first', 'ap']);
      }
    }
  });

  it('draws no name for a point outside the view, even where its text alone would fit inside', () => {
    // The point 5 px beyond the frame's right edge: its name could sit to its left, inside the frame, pointing at nothing.
    const frame = { centre: at(-205, 0), widthPx: 400, heightPx: 100 };
    expect(labelsOnScreen([name('gate', 0, 10.5)], 1, 8, { frame })).toEqual([]);
  });

  it('a name without a clearance (a plot, a roadway) is dropped under a mark rather than moved', () => {
    expect(labelsOnScreen([name('plot', 0)], 1, 8, { obstacles: [ring(0)] })).toEqual([]);
  });
});
