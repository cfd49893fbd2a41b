import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
// Chinese glyphs served by this app (no font CDN; the wall machines may have no CJK fonts).
import '@fontsource-variable/noto-sans-sc';
import './globals.css';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { getLocale } from '../i18n/server.ts';

/** Page title template and the product icon (served from the repo's root public/). */
export const metadata: Metadata = {
  title: { default: 'SafeTwin', template: '%s · SafeTwin' },
  description: 'Digital-twin command center for work-safety supervision of chemical parks and coal mines.',
  icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }] },
};

/** Dark UI: tell the browser so form controls and scrollbars match. */
export const viewport: Viewport = { colorScheme: 'dark', themeColor: '#0b1118' };

/** The document shell shared by every page, in the user's language (browser's, or the switch's). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
