import type { AlarmTransitionView, AlarmView } from '@safetwin/protocol';
import { isNewActivation } from '../alarm-engine.ts';
import { HIDDEN_STATES } from '../alarm-lifecycle.ts';

/** An operator scope of a site: null for full viewers (commander, park manager), else one enterprise's officers. */
export type OperatorScope = string | null;

/** What one alarm change means for the operators: an activation, and whom it notifies. */
export interface AlarmNotice {
  alarm: AlarmView;
  /** A new activation (the process went abnormal), not a repeat of a standing one. */
  raised: boolean;
  /** Every scope that sees the alarm (its activation counts there). */
  scopes: readonly OperatorScope[];
  /** The scopes it notifies (a subset of `scopes`). */
  notifies: readonly OperatorScope[];
}

interface GroupNotices {
  lastAt: number;
  /** The most severe level each scope was notified of in this group. */
  levelByScope: Map<OperatorScope, number>;
}

/**
 * The notification rule (ISA-18.2 / EEMUA 191: one notification per incident, not per
 * detector). An activation notifies a scope when it is ungrouped, or the first of its
 * group that the scope sees (the first-out for full viewers; an officer whose plant is
 * reached by a neighbour's leak hears of it once, at their first detector), or more severe
 * (a lower level) than anything the scope was notified of in the group — a level-1
 * precursor is never silenced by an earlier level-2 card. Repeats count as activations and
 * never notify twice. O(scopes) per change.
 */
export class NotificationRule {
  private readonly groups = new Map<string, GroupNotices>();

  constructor(private readonly scopesOf: (alarm: AlarmView) => readonly OperatorScope[]) {}

  /** Marks an alarm's scopes as already notified of its group (after a restart). */
  seed(alarm: AlarmView, at: number): void {
    if (alarm.groupId === null) return;
    const g = this.group(alarm.groupId, at);
    for (const scope of this.scopesOf(alarm)) g.levelByScope.set(scope, Math.min(g.levelByScope.get(scope) ?? 5, alarm.level));
  }

  /** The notice of a change, or null when it is no activation (acks, clears, shelving …). */
  classify(alarm: AlarmView, transition: AlarmTransitionView, before: AlarmView): AlarmNotice | null {
    if (transition.event !== 'activate' || alarm.count <= before.count) return null;
    const raised = isNewActivation(alarm, transition, before); // else a repeat of a standing alarm
    const scopes = this.scopesOf(alarm);
    // A repeat, or an activation the operators hid on purpose (shelved, suppressed, out of service): it counts, it does not notify.
    if (!raised || HIDDEN_STATES.has(alarm.state)) return { alarm, raised, scopes, notifies: [] };
    if (alarm.groupId === null) return { alarm, raised, scopes, notifies: scopes };
    const g = this.group(alarm.groupId, transition.at);
    g.lastAt = Math.max(g.lastAt, transition.at);
    const notifies = scopes.filter((scope) => alarm.level < (g.levelByScope.get(scope) ?? 5));
    for (const scope of notifies) g.levelByScope.set(scope, alarm.level);
    return { alarm, raised, scopes, notifies };
  }

  /** Forgets groups with no activation since `beforeMs` (they are closed: nothing joins them any more). */
  prune(beforeMs: number): void {
    for (const [id, g] of this.groups) if (g.lastAt < beforeMs) this.groups.delete(id);
  }

  private group(id: string, at: number): GroupNotices {
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { lastAt: at, levelByScope: new Map() }));
    return g;
  }
}
