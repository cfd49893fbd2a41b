import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '../../lib/session-cookie.ts';

/** GET /session-expired: the hub refused our token; forget it and ask the user to sign in again. */
export async function GET(): Promise<never> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login?expired=1');
}
