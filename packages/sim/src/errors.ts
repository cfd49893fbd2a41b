// Errors of the plume engine, with stable codes callers (the CLI, the hub) can branch on.

/** Stable error codes of @safetwin/sim. */
export type SimErrorCode =
  | 'sim:bad-input'
  | 'sim:unknown-chemical'
  | 'sim:missing-property'
  | 'sim:unknown-command'
  | 'sim:bad-json';

/** An error the engine throws on a request it cannot answer; `path` names the bad field. */
export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}
