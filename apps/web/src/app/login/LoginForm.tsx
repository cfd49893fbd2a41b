'use client';

import { useActionState } from 'react';
import { loginAction, type LoginFormState } from '../../lib/auth-actions.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { appMessages } from '../../i18n/messages/app.ts';

/** The login form: posts to the login server action and shows the hub's answer when it fails. */
export function LoginForm({ next }: { next: string }) {
  const t = useT(appMessages);
  const [state, formAction, pending] = useActionState<LoginFormState, FormData>(loginAction, { error: null, username: '' });
  return (
    <form action={formAction} className="login-form" aria-describedby={state.error ? 'login-error' : undefined}>
      <input type="hidden" name="next" value={next} />
      <label className="field">
        <span className="field__label">{t('username')}</span>
        <input name="username" autoComplete="username" required autoFocus defaultValue={state.username} />
      </label>
      <label className="field">
        <span className="field__label">{t('password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.error ? (
        <p id="login-error" className="form-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
