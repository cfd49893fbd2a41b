'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from './locale.ts';
import { translator, type MessageBundle, type Translate } from './messages-core.ts';

const LocaleContext = createContext<Locale>('en');

/** Provides the negotiated UI language to client components (set once in the root layout). */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

/** The UI language. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** A translate function for a feature's bundle in the current language. */
export function useT<K extends string>(bundle: MessageBundle<K>): Translate<K> {
  const locale = useLocale();
  return useMemo(() => translator(bundle, locale), [bundle, locale]);
}
