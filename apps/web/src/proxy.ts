import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from './lib/session-cookie.ts';

/**
 * Optimistic auth check before rendering: no session cookie → /login?next=…. The hub still checks
 * the token on every request (pages redirect to /session-expired when it refuses).
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const login = request.nextUrl.clone();
  login.pathname = '/login';
  login.search = '';
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') login.searchParams.set('next', next);
  return NextResponse.redirect(login);
}

/** Everything except the login flow, Next's own files and static assets (files with an extension). */
export const config = {
  matcher: ['/((?!login|session-expired|_next/|.*\\..*).*)'],
};
