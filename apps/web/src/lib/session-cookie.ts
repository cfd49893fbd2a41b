// The session cookie's name and options, shared by the proxy, server actions and route handlers.

/** httpOnly cookie holding the hub's bearer token. */
export const SESSION_COOKIE = 'safetwin_session';

/** Cookie options for a token that the hub refuses after `expiresAtMs`. */
export function sessionCookieOptions(expiresAtMs: number, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure,
    expires: new Date(expiresAtMs),
  };
}

/** Only same-site paths are allowed as the after-login target (no `//evil.example`, no `/\\evil`). */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/session-expired')) return '/';
  return next;
}
