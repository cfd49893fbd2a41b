// The web app's i18n front door: en and zh-CN, negotiated from the browser, switchable.
export { LOCALES, LOCALE_COOKIE, negotiateLocale, asLocale, acceptedLanguages, type Locale } from './locale.ts';
export { defineMessages, formatMessage, translator, type MessageBundle, type MessageKey, type MessageValues, type Translate } from './messages-core.ts';
export { I18nProvider, useLocale, useT } from './I18nProvider.tsx';
export { labelIn, nameIn, reasonIn, wordHubText } from './hub-text.ts';
