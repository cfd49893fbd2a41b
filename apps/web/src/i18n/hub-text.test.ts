import { describe, expect, it } from 'vitest';
import { engineNoteText, HUB_TEXT_KEYS, hubText } from '@safetwin/protocol';
import { simNote } from '@safetwin/sim';
import { labelIn, reasonIn, wordHubText } from './hub-text.ts';
import { hubTextMessages } from './messages/hub-text.ts';

describe('the hub\'s words in the UI language', () => {
  it('words every hub sentence in both languages, each with the placeholders of the English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of HUB_TEXT_KEYS) {
      // Chinese words, or (a bare joint of two sentences) Chinese punctuation.
      expect(hubTextMessages['zh-CN'][key], key).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/);
      expect(placeholders(hubTextMessages['zh-CN'][key]), key).toEqual(placeholders(hubTextMessages.en[key]));
    }
  });

  it('fills names and nested sentences in the same language', () => {
    const text = hubText('source.provisional-item', {
      item: { zh: '液氯球罐1', en: 'liquid chlorine sphere 1' },
      detector: 'CP-E1-GT-004',
      basis: hubText('source.basis-highest'),
      why: hubText('source.few-hits', { hits: 2, needed: 3 }),
    });
    expect(wordHubText(text, 'en')).toBe('provisional source: liquid chlorine sphere 1, the item nearest to detector CP-E1-GT-004 (highest reading), because only 2 detector(s) saw gas; at least 3 are needed to tell the candidates apart');
    expect(wordHubText(text, 'zh-CN')).toBe('暂定泄漏源：液氯球罐1，距探测器 CP-E1-GT-004（读数最高）最近的设备，原因：仅 2 个探测器检测到气体；至少需要 3 个才能区分候选泄漏源');
  });

  it('words a timeline entry with its reason and valve set nested, and a person\'s reason as typed', () => {
    const proposed = hubText('event.valves-proposed', {
      why: hubText('why.after-failed-rank', { valve: 'XV-1', rank: 2 }),
      set: hubText('valves.set', { valves: hubText('valves.both', { remote: 'XV-2', manual: 'HV-3' }), beforeKg: 12.5, totalKg: 40 }),
    });
    expect(wordHubText(proposed, 'en')).toBe('after XV-1 failed, isolation rank 2: XV-2 (remote), HV-3 (manual): 12.5 kg before isolation, 40 kg in all');
    expect(wordHubText(proposed, 'zh-CN')).toBe('XV-1 失效后，采用第 2 隔离方案：阀门组合 XV-2（远程），HV-3（手动）：隔离前泄放 12.5 kg，共 40 kg');
    const typed = hubText('event.state', { from: hubText('state.responding'), to: hubText('state.contained'), reason: 'leak plugged' });
    expect(wordHubText(typed, 'zh-CN')).toBe('状态 处置中 → 已控制：leak plugged');
  });

  it('keeps the small numbers the hub rounded (the rate bound of a pinhole, a trace in ppm)', () => {
    const caveat = hubText('brief.rate-unpinned', { id: 'X', lowKgS: 0.0042, highKgS: 0.042, rateKgS: 0.013 });
    expect(wordHubText(caveat, 'en')).toContain('0.0042–0.042 kg/s');
    expect(wordHubText(hubText('ap.in-zone', { ppm: 0.00051, zonePpm: 0.0005 }), 'zh-CN')).toContain('0.00051 ppm ≥ 0.0005 ppm');
  });

  it('shows what an older view carries: the English label or reason', () => {
    expect(labelIn({ label: 'pipe CP-N-0002 → CP-N-0003' }, 'zh-CN')).toBe('pipe CP-N-0002 → CP-N-0003');
    expect(labelIn({ label: 'park canteen', name: { zh: '园区公共食堂', en: 'park canteen' } }, 'zh-CN')).toBe('园区公共食堂');
    expect(reasonIn(undefined, 'no detector saw gas in the last 5 min', 'zh-CN')).toBe('no detector saw gas in the last 5 min');
    expect(reasonIn(hubText('source.no-hits', { minutes: 5 }), 'no detector saw gas in the last 5 min', 'zh-CN')).toBe('最近 5 分钟内没有探测器检测到气体');
    expect(reasonIn(null, null, 'en')).toBeNull();
  });

  it("words a plume engine note the hub passed on as the engine's own notes are worded, its English for a key it does not know", () => {
    const note = simNote('source.direction-varied', { spreadDeg: '27', capDeg: 20 });
    expect(wordHubText(engineNoteText(note), 'en')).toBe('wind direction varied by 27° (σθ) over the window; offsets beyond 20° are not considered');
    expect(wordHubText(engineNoteText(note), 'zh-CN')).toBe('时间窗内风向变化达 27°（σθ）；超过 20° 的偏转未予考虑');
    expect(wordHubText(engineNoteText({ key: 'future.note', values: { x: '1' }, text: 'something new' }), 'zh-CN')).toBe('something new');
    // Nested in a hub sentence (an isolation reason, say), it is worded in the same language.
    expect(wordHubText(hubText('join.semicolon', { first: hubText('assess.point-source'), rest: engineNoteText(note) }), 'zh-CN')).toBe('泄漏源是一个位置点，不是管网中的设备：无法规划阀门；时间窗内风向变化达 27°（σθ）；超过 20° 的偏转未予考虑');
  });
});
