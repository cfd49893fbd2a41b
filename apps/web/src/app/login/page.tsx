import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LogoMark } from '../../components/LogoMark.tsx';
import { safeNextPath } from '../../lib/session-cookie.ts';
import { lookupSession } from '../../lib/session.ts';
import { LoginForm } from './LoginForm.tsx';

export const metadata: Metadata = { title: 'Sign in' };

/** /login: the sign-in page; a user who is already signed in goes straight on. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const lookup = await lookupSession();
  if (lookup.status === 'ok') redirect(next);

  return (
    <main className="login-page">
      <div className="login-card">
        <header className="login-card__brand">
          <LogoMark size={56} />
          <div>
            <h1>SafeTwin</h1>
            <p className="muted">Work-safety supervision · chemical parks and coal mines</p>
          </div>
        </header>
        {params.expired !== undefined ? (
          <p className="notice" role="status">
            Your session has ended. Sign in again.
          </p>
        ) : null}
        <LoginForm next={next} />
      </div>
    </main>
  );
}
