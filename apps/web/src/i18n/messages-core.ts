import type { Locale } from './locale.ts';

/** A feature's strings: English, and Chinese with exactly the same keys. `{name}` marks a placeholder. */
export type MessageBundle<K extends string> = { readonly en: Readonly<Record<K, string>>; readonly 'zh-CN': Readonly<Record<K, string>> };

/** Values for placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Looks a key up and fills its placeholders. */
export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

/** Declares a feature's strings; the type system makes zh-CN carry the same keys as en. */
export function defineMessages<K extends string>(bundle: { en: Record<K, string>; 'zh-CN': Record<NoInfer<K>, string> }): MessageBundle<K> {
  return bundle;
}

/** Replaces `{name}` placeholders; numbers are formatted for the locale; unknown placeholders stay visible. */
export function formatMessage(template: string, values: MessageValues | undefined, locale: Locale): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** Whether `key` (an id from the hub or the engine, which this wall may not know) is one of `bundle`'s keys. */
export function isMessageKey<K extends string>(bundle: MessageBundle<K>, key: string): key is K {
  return Object.hasOwn(bundle.en, key);
}

/** A translate function for one bundle and locale. */
export function translator<K extends string>(bundle: MessageBundle<K>, locale: Locale): Translate<K> {
  const table = bundle[locale];
  return (key, values) => formatMessage(table[key] ?? bundle.en[key] ?? key, values, locale);
}

/** The keys of a bundle, e.g. `MessageKey<typeof appMessages>`. */
export type MessageKey<B> = B extends MessageBundle<infer K> ? K : never;
