// Errors from talking to the hub, with the hub's stable codes (`auth:invalid`, …) or our own
// `hub:*` codes for transport problems, and the message a user should read for each.

/** Codes for failures that happen before the hub could answer. */
export type TransportErrorCode = 'hub:unreachable' | 'hub:timeout' | 'hub:bad-response';

/** A failed hub request: `status` 0 when the hub never answered. */
export class HubError extends Error {
  override readonly name = 'HubError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** True when the hub refused our token (expired, revoked, or signed by a restarted hub). */
  get isAuthFailure(): boolean {
    return this.status === 401 || this.code === 'auth:invalid' || this.code === 'auth:missing';
  }

  /** True when the hub could not be reached or did not answer in time. */
  get isTransportFailure(): boolean {
    return this.status === 0;
  }
}

/** The sentence a user sees for a failed login. */
export function loginErrorMessage(error: HubError, hubUrl: string): string {
  if (error.code === 'auth:invalid' || error.status === 401) return 'Wrong username or password.';
  if (error.code === 'hub:unreachable') return `Cannot reach the SafeTwin hub at ${hubUrl}. Is it running?`;
  if (error.code === 'hub:timeout') return `The SafeTwin hub at ${hubUrl} did not answer in time. Try again.`;
  if (error.status === 429) return 'Too many login attempts. Wait a moment and try again.';
  return `The hub refused the login: ${error.message} (${error.code}).`;
}
