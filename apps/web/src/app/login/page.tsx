import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LogoMark } from '../../components/LogoMark.tsx';
import { safeNextPath } from '../../lib/session-cookie.ts';
import { lookupSession } from '../../lib/session.ts';
import { LoginForm } from './LoginForm.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { appMessages } from '../../i18n/messages/app.ts';
import { getT } from '../../i18n/server.ts';

export const metadata: Metadata = { title: 'Sign in' };

/** /login: the sign-in page; a user who is already signed in goes straight on. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const lookup = await lookupSession();
  if (lookup.status === 'ok') redirect(next);
  const t = await getT(appMessages);

  return (
    <main className="login-page">
      <div className="login-card">
        <header className="login-card__brand">
          <LogoMark size={56} />
          <div>
            <h1>SafeTwin</h1>
            <p className="muted">{t('tagline')}</p>
          </div>
          <LanguageSwitch />
        </header>
        {params.expired !== undefined ? (
          <p className="notice" role="status">
            {t('sessionEnded')}
          </p>
        ) : null}
        <LoginForm next={next} />
      </div>
    </main>
  );
}
