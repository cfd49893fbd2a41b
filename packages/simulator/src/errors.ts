// Errors of the simulator, with stable codes callers can branch on.

/**
 * Stable error codes of the simulator: `unknown-device` (no such simulated device),
 * `wrong-site` (the device is of another site), `wrong-device` (the device cannot take the
 * scenario), `bad-scenario` (bad parameters or kind), `not-implemented`, `bad-options`.
 */
export type SimulatorErrorCode =
  | 'simulator:unknown-device'
  | 'simulator:wrong-site'
  | 'simulator:wrong-device'
  | 'simulator:bad-scenario'
  | 'simulator:not-implemented'
  | 'simulator:bad-options';

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
