import type { AlarmLoadView } from '@safetwin/protocol';

/**
 * The site's alarm load (the hub's `alarm-load` event, also read from a subscribe answer that
 * carries `alarmLoad`): the flood banner and the alarm KPIs listen to it. Null until the hub said.
 */
export class AlarmLoadStore {
  private current: AlarmLoadView | null = null;
  private readonly listeners = new Set<() => void>();

  /** The latest load, or null before the first. */
  get load(): AlarmLoadView | null {
    return this.current;
  }

  /** Takes a newer load (an older `asOfMs` is ignored: events may cross a subscribe answer). */
  apply(load: AlarmLoadView): void {
    if (this.current && load.asOfMs < this.current.asOfMs) return;
    this.current = load;
    for (const listener of this.listeners) listener();
  }

  /** Listens for changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
