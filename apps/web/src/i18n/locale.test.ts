import { describe, expect, it } from 'vitest';
import { acceptedLanguages, negotiateLocale } from './locale.ts';
import { defineMessages, translator } from './messages-core.ts';

describe('negotiateLocale', () => {
  it('prefers the cookie set by the switch', () => {
    expect(negotiateLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('en', 'zh-CN')).toBe('en');
  });
  it('ignores an unknown cookie and falls back to the browser', () => {
    expect(negotiateLocale('fr', 'zh-TW,zh;q=0.8')).toBe('zh-CN');
  });
  it('follows q-values, not order', () => {
    expect(negotiateLocale(undefined, 'en;q=0.5, zh;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'de, en;q=0.8, zh;q=0.7')).toBe('en');
  });
  it('falls back to English for missing, refused or malformed headers', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('en');
    expect(negotiateLocale(undefined, 'zh;q=0')).toBe('en');
    expect(negotiateLocale(undefined, ';;,q=2')).toBe('en');
  });
  it('parses tags best first', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', '*']);
  });
});

describe('translator', () => {
  const messages = defineMessages({ en: { online: '{n} online', hi: 'Hello {name}' }, 'zh-CN': { online: '{n} 在线', hi: '你好 {name}' } });
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translator(messages, 'en')('online', { n: 12345 })).toBe('12,345 online');
    expect(translator(messages, 'zh-CN')('online', { n: 3 })).toBe('3 在线');
  });
  it('keeps an unknown placeholder visible', () => {
    expect(translator(messages, 'en')('hi')).toBe('Hello {name}');
  });
});
