import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from './lib/session-cookie.ts';

/** Static assets from public/ are served to anyone (ids in page paths may contain dots, so match by extension). */
const STATIC_FILE = /\.(?:svg|png|jpe?g|webp|gif|ico|txt|json|webmanifest|css|js|map|woff2?)$/i;

/**
 * Optimistic auth check before rendering: no session cookie → /login?next=…. The hub still checks
 * the token on every request (pages redirect to /session-expired when it refuses).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (STATIC_FILE.test(pathname) || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const login = request.nextUrl.clone();
  login.pathname = '/login';
  login.search = '';
  if (pathname !== '/') login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

/**
 * Everything except the sign-in flow, Next's own files, Cesium's static assets (workers fetch
 * tiles and XML) and the benchmark pages (which exist only with SAFETWIN_BENCH=1).
 */
export const config = {
  matcher: ['/((?!login|session-expired|_next/|cesium/|bench/).*)'],
};
