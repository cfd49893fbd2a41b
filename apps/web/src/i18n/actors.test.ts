import { describe, expect, it } from 'vitest';
import { actorIn } from './actors.ts';

describe('who did something, in the UI language', () => {
  it("names the hub's own logic and leaves people's user names as recorded", () => {
    expect(actorIn('system', 'zh-CN')).toBe('系统');
    expect(actorIn('system:interlock', 'zh-CN')).toBe('瓦斯电闭锁');
    expect(actorIn('system:interlock', 'en')).toBe('methane interlock');
    expect(actorIn('commander', 'zh-CN')).toBe('commander');
    expect(actorIn('system:unknown-logic', 'zh-CN')).toBe('system:unknown-logic');
  });
});
