/** Listeners grouped by a key (a device id): subscribe per key, notify one key. */
export class KeyedListeners {
  private readonly byKey = new Map<string, Set<() => void>>();

  /** Adds a listener for `key`; returns the unsubscribe function (empty keys are dropped). */
  subscribe(key: string, listener: () => void): () => void {
    let listeners = this.byKey.get(key);
    if (!listeners) this.byKey.set(key, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byKey.delete(key);
    };
  }

  /** Calls every listener of `key`. */
  notify(key: string): void {
    const listeners = this.byKey.get(key);
    if (listeners) for (const listener of listeners) listener();
  }
}
