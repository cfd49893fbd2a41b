import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, negotiateLocale, type Locale } from './locale.ts';
import { translator, type MessageBundle, type Translate } from './messages-core.ts';

/** The request's UI language: the switch's cookie, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
}

/** A translate function for a feature's bundle in the request's language (server components). */
export async function getT<K extends string>(bundle: MessageBundle<K>): Promise<Translate<K>> {
  return translator(bundle, await getLocale());
}
