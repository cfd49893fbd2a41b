'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { asLocale, LOCALE_COOKIE } from './locale.ts';

/** One year: the language switch is a lasting preference of this browser. */
const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** Server action behind the language switch: remembers the choice in a cookie and re-renders. */
export async function setLocaleAction(value: string): Promise<void> {
  const locale = asLocale(value);
  if (!locale) throw new Error(`unknown language '${value}'`);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: LOCALE_COOKIE_MAX_AGE_S });
  revalidatePath('/', 'layout');
}
