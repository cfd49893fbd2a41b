'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hubLogin } from './hub-client.ts';
import { HubError, loginErrorMessage } from './hub-error.ts';
import { SESSION_COOKIE, safeNextPath, sessionCookieOptions } from './session-cookie.ts';
import { hubUrl } from './server-config.ts';

/** What the login form shows after an attempt: the error, and the username to keep in the field. */
export interface LoginFormState {
  error: string | null;
  username: string;
}

/** Server action behind the login form: asks the hub, stores the token in an httpOnly cookie, goes on to `next`. */
export async function loginAction(_previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: 'Enter your username and password.', username };

  let login;
  try {
    login = await hubLogin(username, password);
  } catch (error) {
    if (error instanceof HubError) return { error: loginErrorMessage(error, hubUrl()), username };
    throw error;
  }
  // Mark the cookie Secure when the page was served over HTTPS (directly or behind a proxy).
  const secure = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  (await cookies()).set(SESSION_COOKIE, login.token, sessionCookieOptions(login.expiresAt, secure));
  redirect(safeNextPath(form.get('next')));
}

/** Server action behind the header's "Log out" button: forgets the token. */
export async function logoutAction(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login');
}
