import type { ErrorCode } from '@safetwin/protocol';

/** An error the hub answers with `{error: {code, message}}` and an HTTP status. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'HubError';
  }

  /** The JSON body every client gets. */
  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** 400: the request body is not the contract. */
export const badBody = (message: string) => new HubError('request:bad-body', message, 400);
/** 401: no credentials. */
export const authMissing = (message = 'missing credentials: send Authorization: Bearer <token or gateway key>') =>
  new HubError('auth:missing', message, 401);
/** 401: credentials not recognised. */
export const authInvalid = (message = 'invalid or expired credentials') => new HubError('auth:invalid', message, 401);
/** 403: recognised, but not allowed here. */
export const forbidden = (message: string) => new HubError('auth:forbidden', message, 403);
/** 404: no such thing (or not visible to this user). */
export const notFound = (message: string) => new HubError('request:not-found', message, 404);
