import { describe, expect, it } from 'vitest';
import { demoSites } from '@safetwin/twin-models';
import { translator } from '../../i18n/messages-core.ts';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { pointNameIn } from './point-names.ts';

const park = demoSites().find((s) => s.kind === 'chemical-park')!;
const mine = demoSites().find((s) => s.kind === 'coal-mine')!;
const zh = translator(releaseMessages, 'zh-CN');
const en = translator(releaseMessages, 'en');

describe("a run's points of interest named in the wall's language", () => {
  it('words assembly points, buildings, gates and occupied equipment from the site description', () => {
    expect(pointNameIn('assembly-point:CP-AP-1', park, 'zh-CN', zh)).toBe('1号紧急集合点（西北）（1,200 人）');
    expect(pointNameIn('assembly-point:CP-AP-1', park, 'en', en)).toBe('assembly point 1 (north-west) (1,200 persons)');
    expect(pointNameIn('building:CP-B-01', park, 'zh-CN', zh)).toBe('园区应急指挥中心（白天 60 人 / 夜间 15 人）');
    expect(pointNameIn('gate:CP-GATE-S', park, 'zh-CN', zh)).toBe('南大门');
    const controlRoom = park.kind === 'chemical-park' ? park.equipment.find((e) => e.kind === 'control-room')! : null;
    expect(pointNameIn(`control-room:${controlRoom!.id}`, park, 'zh-CN', zh)).toBe(controlRoom!.name.zh);
  });

  it("words a mine's intake shaft collar", () => {
    expect(pointNameIn('intake-shaft:CM-R-02', mine, 'zh-CN', zh)).toBe('副井 井口（进风）');
  });

  it('gives null (the hub label is shown) for an id the site does not hold or a malformed one', () => {
    expect(pointNameIn('gate:NOPE', park, 'zh-CN', zh)).toBeNull();
    expect(pointNameIn('pond:CP-AP-1', park, 'zh-CN', zh)).toBeNull();
    expect(pointNameIn('CP-AP-1', park, 'zh-CN', zh)).toBeNull();
    expect(pointNameIn('gate:CP-GATE-S', mine, 'zh-CN', zh)).toBeNull();
  });
});
