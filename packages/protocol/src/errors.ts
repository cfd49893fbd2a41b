import { z } from 'zod';

/** Stable error codes: clients branch on these, never on the message. */
export const ERROR_CODES = [
  'request:bad-json',
  'request:bad-body',
  'request:too-large',
  'request:not-found',
  'request:unsupported-media-type',
  'auth:missing',
  'auth:invalid',
  'auth:forbidden',
  'ingest:bad-reading',
  'ingest:unknown-device',
  'ingest:out-of-range',
  'ingest:bad-time',
  'ingest:wrong-site',
  'ingest:unavailable',
  'command:unknown-device',
  'command:not-actuated',
  'command:no-gateway',
  'command:timeout',
  'alarm:not-found',
  'alarm:invalid-transition',
  /** 409: the alarm rules were changed since the version the edit started from (`baseVersion`). */
  'alarm-rules:stale-version',
  /** 409: no graded response of that kind is due on the alarm (none demanded, or already confirmed). */
  'alarm:nothing-due',
  /** 409: the incident's state does not allow the change (the message names both states). */
  'incident:invalid-transition',
  /** 409: the incident has no isolation to carry out (none assessed, or no alternative of that rank). */
  'incident:no-isolation',
  /** 409: the valve is not in a state that allows the request (e.g. field-done on a valve that is not a field task). */
  'incident:valve-state',
  'sim:bad-input',
  'sim:no-live-weather',
  'sim:not-found',
  'sim:bad-state',
  /** 429: the site has its limit of unfinished runs, or the hub its limit of replays. */
  'sim:busy',
  /** 504: a replay ran past its time limit. */
  'sim:timeout',
  /** 503: the job queue (Redis) did not take the run. */
  'sim:queue-unavailable',
  'simulator:not-running',
  'simulator:unknown-device',
  'simulator:wrong-site',
  'simulator:wrong-device',
  'simulator:bad-scenario',
  'simulator:not-implemented',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error body the hub sends: `{error: {code, message}}`. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
