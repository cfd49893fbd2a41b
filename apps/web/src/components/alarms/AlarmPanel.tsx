'use client';

import { Fragment, useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { Role } from '@safetwin/protocol';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { alarmCountText, alarmCounts } from '../../live/alarm-list.ts';
import { stackEntries } from '../../live/alarm-stack.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import type { LinkState } from '../../live/device-state.ts';
import { AlarmItem } from './AlarmItem.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmMessages } from '../../i18n/messages/alarms.ts';

/** Props of the alarm panel: the site's alarm store, its devices (labels and units), who is looking, and the hub link. */
export interface AlarmPanelProps {
  alarms: AlarmStore;
  /** Device id → catalogue entry, for labels and units. */
  devices: ReadonlyMap<string, DeviceInfo>;
  /** The user's role: drill planners see the alarms without action buttons. */
  role: Role;
  /** While the link is down the list may be out of date, and says so. */
  link: LinkState;
}

/**
 * The site's alarm stack: level 1 first, then unacknowledged, then newest (ISA-101), alarms of one
 * cause folded under their first-out (expand to see the rest), with acknowledge / shelve /
 * unshelve and the graded response's countdown and confirmation.
 */
export function AlarmPanel({ alarms, devices, role, link }: AlarmPanelProps) {
  const t = useT(alarmMessages);
  const subscribe = useCallback((onChange: () => void) => alarms.subscribe(onChange), [alarms]);
  const list = useSyncExternalStore(
    subscribe,
    () => alarms.alarms,
    () => alarms.alarms,
  );
  const entries = useMemo(() => stackEntries(list), [list]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (groupId: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(groupId)) next.add(groupId);
        return next;
      }),
    [],
  );
  const counts = alarmCounts(list);
  const stateClass = link === 'down' ? ' alarm-panel--offline' : counts.unacknowledged > 0 ? ' alarm-panel--unack' : '';

  return (
    <section
      className={`alarm-panel${stateClass}`}
      aria-labelledby="alarm-panel-title"
      data-alarm-count={counts.total}
      data-unack-count={counts.unacknowledged}
      data-entry-count={entries.length}
    >
      <header className="alarm-panel__head">
        <h2 id="alarm-panel-title">{t('title')}</h2>
        <p className="alarm-panel__count" data-testid="alarm-count" aria-live="polite">
          {alarms.received ? alarmCountText(counts, t) : t('waiting')}
        </p>
        {link === 'down' ? (
          <p className="alarm-panel__stale" role="status">
            {t('linkDown')}
          </p>
        ) : null}
      </header>
      {entries.length > 0 ? (
        <ol className="alarm-stack">
          {entries.map(({ head, pinned, members }) => {
            const groupId = head.groupId;
            const open = groupId !== null && expanded.has(groupId);
            return (
              <Fragment key={head.id}>
                <AlarmItem
                  alarm={head}
                  device={devices.get(head.deviceId)}
                  role={role}
                  store={alarms}
                  group={members.length > 0 && groupId !== null ? { kind: 'head', members: members.length, expanded: open, onToggle: () => toggle(groupId) } : undefined}
                />
                {pinned.map((m) => (
                  <AlarmItem key={m.id} alarm={m} device={devices.get(m.deviceId)} role={role} store={alarms} group={MEMBER} />
                ))}
                {open ? members.map((m) => <AlarmItem key={m.id} alarm={m} device={devices.get(m.deviceId)} role={role} store={alarms} group={MEMBER} />) : null}
              </Fragment>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}

const MEMBER = { kind: 'member' } as const;
