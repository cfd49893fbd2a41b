'use client';

import { useTransition } from 'react';
import { useLocale } from './I18nProvider.tsx';
import { setLocaleAction } from './locale-action.ts';
import { LOCALES, type Locale } from './locale.ts';
import styles from './LanguageSwitch.module.css';

/** Each language named in itself, so anyone can find their own. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'EN', 'zh-CN': '中文' };

/** The visible language switch (EN | 中文); the choice is kept in a cookie. */
export function LanguageSwitch() {
  const current = useLocale();
  const [pending, start] = useTransition();
  return (
    <div className={styles.switch} role="group" aria-label="Language / 语言" data-testid="language-switch">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={styles.option}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => locale !== current && start(() => setLocaleAction(locale))}
        >
          {NATIVE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
