import { describe, expect, it } from 'vitest';
import { alarmWallMessages } from './alarm-wall.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('alarm wall messages', () => {
  it('zh-CN has the same keys as en, each with the same placeholders', () => {
    expect(Object.keys(alarmWallMessages['zh-CN']).sort()).toEqual(Object.keys(alarmWallMessages.en).sort());
    for (const [key, en] of Object.entries(alarmWallMessages.en)) {
      expect(placeholders(alarmWallMessages['zh-CN'][key as keyof typeof alarmWallMessages.en]), key).toEqual(placeholders(en));
    }
  });
});
