import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

/** Page title template and the product icon (served from the repo's root public/). */
export const metadata: Metadata = {
  title: { default: 'SafeTwin', template: '%s · SafeTwin' },
  description: 'Digital-twin command center for work-safety supervision of chemical parks and coal mines.',
  icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }] },
};

/** Dark UI: tell the browser so form controls and scrollbars match. */
export const viewport: Viewport = { colorScheme: 'dark', themeColor: '#0b1118' };

/** The document shell shared by every page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
