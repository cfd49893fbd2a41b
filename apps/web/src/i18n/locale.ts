/** The languages the UI is written in; the first is the fallback. */
export const LOCALES = ['en', 'zh-CN'] as const;

/** One of the UI's languages. */
export type Locale = (typeof LOCALES)[number];

/** The cookie that holds a language chosen with the switch (it wins over the browser's). */
export const LOCALE_COOKIE = 'safetwin_locale';

/** Narrows any string to a Locale, or null. */
export function asLocale(value: string | null | undefined): Locale | null {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
}

/**
 * Parses an Accept-Language header (RFC 9110 §12.5.4) into language tags, best first.
 * Entries with q=0 are refused; malformed entries are skipped.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; order: number }[] = [];
  header.split(',').forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim();
    if (!tag || !/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$|^\*$/.test(tag)) return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    entries.push({ tag, q, order });
  });
  return entries.sort((a, b) => b.q - a.q || a.order - b.order).map((e) => e.tag);
}

/**
 * The UI language: the cookie set by the switch if valid, else the best match of the browser's
 * Accept-Language (any Chinese → zh-CN, any English → en), else English.
 */
export function negotiateLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const chosen = asLocale(cookieValue);
  if (chosen) return chosen;
  for (const tag of acceptedLanguages(acceptLanguage)) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return LOCALES[0];
}
