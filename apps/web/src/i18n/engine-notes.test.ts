import { describe, expect, it } from 'vitest';
import { SIM_NOTE_EN, simNote, type SimNoteKey } from '@safetwin/sim';
import { engineLines, wordEngineNote } from './engine-notes.ts';
import { engineNoteMessages } from './messages/engine-notes.ts';

describe("the plume engine's warnings in the UI language", () => {
  it('words every engine note in Chinese with the placeholders of its English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(SIM_NOTE_EN) as SimNoteKey[]) {
      expect(engineNoteMessages['zh-CN'][key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(engineNoteMessages['zh-CN'][key]), key).toEqual(placeholders(SIM_NOTE_EN[key]));
    }
  });

  it("words a note with the engine's values; English is the engine's own sentence", () => {
    const note = simNote('threshold.beyond-handover-plume', { ppm: 20, handoverM: 138 });
    expect(wordEngineNote(note, 'en')).toBe(note.text);
    expect(wordEngineNote(note, 'zh-CN')).toBe('20 ppm：达到的距离超出重气 → 被动扩散的转换点（138 米）；该距离由虚源的被动高斯烟羽给出，不是 Britter–McQuaid 的结果');
  });

  it('names a model and lists levels the Chinese way', () => {
    expect(wordEngineNote(simNote('model.elevated-dense', { heightM: '30', passive: 'gaussian-plume' }), 'zh-CN')).toContain('按被动高斯烟羽模型计算');
    expect(wordEngineNote(simNote('threshold.beyond-handover-plume', { ppm: '20, 2, 0.5', handoverM: 307 }), 'zh-CN')).toMatch(/^20、2、0\.5 ppm：/);
    expect(wordEngineNote(simNote('threshold.beyond-handover-plume', { ppm: '20, 2, 0.5', handoverM: 307 }), 'en')).toMatch(/^20, 2, 0\.5 ppm: /);
  });

  it("shows the English where a note's values do not fill the wall's wording, or a note was dropped as malformed", () => {
    const short = { key: 'dense.plume-alpha', values: {}, text: 'Britter–McQuaid plume: α = 1.20 > 1, outside the correlations (extrapolated)' };
    expect(wordEngineNote(short, 'zh-CN')).toBe(short.text);
    // Two English lines, one note left after decoding: the lines are shown as they are.
    expect(engineLines(['a', 'b'], [simNote('dense.steady')], 'zh-CN')).toEqual(['a', 'b']);
  });

  it('shows the English of a key it does not know, and of a run stored before notes were sent', () => {
    expect(wordEngineNote({ key: 'future.note', values: {}, text: 'something new' }, 'zh-CN')).toBe('something new');
    expect(engineLines(['old warning'], undefined, 'zh-CN')).toEqual(['old warning']);
    const notes = [simNote('dense.steady')];
    expect(engineLines(notes.map((n) => n.text), notes, 'zh-CN')).toEqual([engineNoteMessages['zh-CN']['dense.steady']]);
  });
});
