import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Principal } from '@safetwin/protocol';
import { hubMe, hubSites } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { SiteSummary } from './hub-types.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** A logged-in user: the hub token (sent to the browser for socket.io) and who it is. */
export interface Session {
  token: string;
  user: Principal;
}

/** What the session cookie amounts to for this request. */
export type SessionLookup =
  | { status: 'ok'; session: Session }
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'hub-error'; error: HubError };

/** Reads the cookie and asks the hub who it belongs to; once per request (React cache). */
export const lookupSession = cache(async (): Promise<SessionLookup> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return { status: 'none' };
  try {
    return { status: 'ok', session: { token, user: await hubMe(token) } };
  } catch (error) {
    if (error instanceof HubError && error.isAuthFailure) return { status: 'expired' };
    if (error instanceof HubError) return { status: 'hub-error', error };
    throw error;
  }
});

/** The session of a protected page: redirects to /login when there is none or it expired; throws HubError when the hub is down. */
export async function requireSession(): Promise<Session> {
  const lookup = await lookupSession();
  if (lookup.status === 'none') redirect('/login');
  if (lookup.status === 'expired') redirect('/session-expired');
  if (lookup.status === 'hub-error') throw lookup.error;
  return lookup.session;
}

/** The sites the user may see; once per request. */
export const sitesFor = cache((token: string): Promise<SiteSummary[]> => hubSites(token));
