import { describe, expect, it } from 'vitest';
import { getDemoSite } from '@safetwin/twin-models';
import { nearDistanceM } from './plan-distance.ts';
import { labelsApart, mapLabel, planLayers } from './plan-layers.ts';
import { siteMapData } from './site-map-data.ts';

describe('mapLabel', () => {
  const CASES = [
    { text: 'Binjiang Ammonia Co., Ltd.', expected: 'Binjiang Ammonia' },
    { text: '滨江合成氨有限公司', expected: '滨江合成氨' },
    { text: '临江天然气净化股份有限公司', expected: '临江天然气净化' },
    { text: 'assembly point 2 (north)', expected: 'assembly point 2' },
    { text: '2号紧急集合点（北）', expected: '2号紧急集合点' },
    { text: 'north gate', expected: 'north gate' },
    { text: '(north)', expected: '(north)' },
  ];
  for (const c of CASES) it(`${c.text} → ${c.expected}`, () => expect(mapLabel(c.text)).toBe(c.expected));
});

describe('planLayers', () => {
  it('builds the park plan: fence, areas, roads, assembly areas, POI glyphs, and labels in the language asked', () => {
    const layers = planLayers(siteMapData(getDemoSite('cp-nanjing')!), { locale: 'zh-CN', labelPx: 14 });
    expect(layers.base.map((l) => l.id)).toEqual(['plan-boundary', 'plan-areas', 'plan-roads', 'plan-assembly-areas', 'plan-poi-glyphs']);
    expect(layers.labels().under.map((l) => l.id)).toEqual(['plan-labels-zh-CN']);
    const texts = (layers.labels().under[0]!.props.data as Array<{ text: string }>).map((l) => l.text);
    expect(texts).toContain('滨江合成氨');
  });

  it('builds the mine plan without park layers', () => {
    const layers = planLayers(siteMapData(getDemoSite('cm-yangquan')!), { locale: 'en', labelPx: 14 });
    expect(layers.base.map((l) => l.id)).toEqual(['plan-boundary', 'plan-roadways', 'plan-poi-glyphs']);
    const texts = (layers.labels().under[0]!.props.data as Array<{ text: string }>).map((l) => l.text);
    expect(texts).toContain('longwall face');
    expect(texts).toContain('ventilation shaft');
    expect(texts.filter((x) => x.startsWith('heading'))).toHaveLength(1);
  });

  it('makes new label layers on each call (deck.gl cannot take back a layer it finalized)', () => {
    const layers = planLayers(siteMapData(getDemoSite('cm-yangquan')!), { locale: 'en', labelPx: 14 });
    const [first, again] = [layers.labels().under[0]!, layers.labels().under[0]!];
    expect(again).not.toBe(first);
    expect(again.id).toBe(first.id);
    expect(again.props.data).toBe(first.props.data);
  });
});

describe('labelsApart', () => {
  it('keeps labels in order and drops those too close to a kept one', () => {
    // 0.001° of latitude ≈ 111 m.
    const labels = [
      { id: 'refuge', position: [113.58, 37.86] as [number, number] },
      { id: 'shaft-1', position: [113.58, 37.8605] as [number, number] },
      { id: 'shaft-2', position: [113.58, 37.862] as [number, number] },
    ];
    expect(labelsApart(labels, 100).map((l) => l.id)).toEqual(['refuge', 'shaft-2']);
    expect(labelsApart(labels, 10).map((l) => l.id)).toEqual(['refuge', 'shaft-1', 'shaft-2']);
  });

  it('measures nearby distances in metres', () => {
    expect(nearDistanceM([118.8, 32.0], [118.8, 32.001])).toBeCloseTo(111.3, 0);
    expect(nearDistanceM([118.8, 60.0], [118.802, 60.0])).toBeCloseTo(111.3, 0);
  });
});
