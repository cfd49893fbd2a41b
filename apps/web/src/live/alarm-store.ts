import type { AlarmView } from '@safetwin/protocol';
import { mergeAlarm, standingAlarms, worstAlarm } from './alarm-list.ts';
import { KeyedListeners } from './keyed-listeners.ts';

/**
 * The site's standing alarms, outside React and apart from the readings store. Alarm changes are
 * rare next to readings, so listeners hear of each one at once (no frame batching); the panel
 * listens to the whole list, a table row only to its own device's worst alarm, so an alarm
 * re-renders the panel and at most a couple of rows, never the table.
 */
export class AlarmStore {
  private list: readonly AlarmView[] = [];
  private byDevice = new Map<string, AlarmView>();
  private readonly listeners = new Set<() => void>();
  private readonly deviceListeners = new KeyedListeners();
  private receivedFlag = false;

  /** Standing alarms, latest activation first; the same array until something changes. */
  get alarms(): readonly AlarmView[] {
    return this.list;
  }

  /** True once a subscribe answer delivered the hub's list (before that, "no alarms" means "not known yet"). */
  get received(): boolean {
    return this.receivedFlag;
  }

  /** The worst standing alarm of a device (same object until it changes), or undefined. */
  forDevice(deviceId: string): AlarmView | undefined {
    return this.byDevice.get(deviceId);
  }

  /** Replaces the list with a subscribe answer's `alarms` (after every (re)subscribe: what we missed is in it). */
  replace(alarms: readonly AlarmView[]): void {
    this.receivedFlag = true;
    this.set(standingAlarms(alarms), true);
  }

  /** Merges one `alarm` event (or an action's answer) by id; `normal` removes it. */
  apply(alarm: AlarmView): void {
    const next = mergeAlarm(this.list, alarm);
    if (next !== this.list) this.set(next, false);
  }

  /** Listens for any change of the list; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens for changes of one device's worst alarm; returns the unsubscribe function. */
  subscribeDevice(deviceId: string, listener: () => void): () => void {
    return this.deviceListeners.subscribe(deviceId, listener);
  }

  private set(list: readonly AlarmView[], always: boolean): void {
    const changedList = list !== this.list;
    this.list = list;
    const previous = this.byDevice;
    const grouped = new Map<string, AlarmView[]>();
    for (const alarm of list) {
      const group = grouped.get(alarm.deviceId);
      if (group) group.push(alarm);
      else grouped.set(alarm.deviceId, [alarm]);
    }
    const next = new Map<string, AlarmView>();
    for (const [deviceId, alarms] of grouped) next.set(deviceId, worstAlarm(alarms)!);
    this.byDevice = next;
    for (const deviceId of new Set([...previous.keys(), ...next.keys()])) {
      if (previous.get(deviceId) === next.get(deviceId)) continue;
      this.deviceListeners.notify(deviceId);
    }
    if (changedList || always) for (const listener of this.listeners) listener();
  }
}
