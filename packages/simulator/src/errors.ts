// Errors of the simulator, with stable codes callers can branch on.

/** Stable error codes of the simulator. */
export type SimulatorErrorCode = 'simulator:unknown-device' | 'simulator:bad-scenario' | 'simulator:not-implemented' | 'simulator:bad-options';

/** An error the simulator throws on a bad request (scenario, options). */
export class SimulatorError extends Error {
  constructor(
    readonly code: SimulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
