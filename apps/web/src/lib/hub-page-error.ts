import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { HubError } from './hub-error.ts';

/** Turns a failed hub call in a page into the right outcome: re-login, 404, or a HubError to show; rethrows anything else. */
export function pageHubError(error: unknown): HubError {
  if (!(error instanceof HubError)) throw error;
  if (error.isAuthFailure) redirect('/session-expired');
  if (error.status === 403 || error.status === 404) notFound();
  return error;
}
