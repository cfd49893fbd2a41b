// `sim-run` socket events of one wall, handed from the hub socket (use-hub-socket.ts) to whoever
// follows a run (the release panel). One feed per wall, created with it: no page-wide state.
import type { SimRunView } from '@safetwin/protocol';

/** Fan-out of the hub's `sim-run` events to listeners. */
export class SimRunFeed {
  private readonly listeners = new Set<(run: SimRunView) => void>();

  /** Called by the socket for every `sim-run` event of the subscribed site. */
  publish(run: SimRunView): void {
    for (const listener of this.listeners) listener(run);
  }

  /** Listens to every run event; returns the unsubscribe function. */
  subscribe(listener: (run: SimRunView) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
