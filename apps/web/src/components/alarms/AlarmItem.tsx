'use client';

import { memo, useState, useTransition } from 'react';
import type { AlarmView, Role } from '@safetwin/protocol';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { acknowledgeAlarmAction, shelveAlarmAction, unshelveAlarmAction } from '../../lib/alarm-actions.ts';
import type { AlarmActionResult } from '../../lib/alarm-action-result.ts';
import { activatedAtMs, alarmActions } from '../../live/alarm-list.ts';
import { alarmReadingText, alarmStateText, formatAlarmAge } from '../../live/alarm-format.ts';
import { responseAction, type ResponseAction } from '../../live/alarm-stack.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import { metricLabel } from '../../live/labels.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { AlarmLevelBadge } from './AlarmLevelBadge.tsx';
import { ResponseForm } from './ResponseForm.tsx';
import { ResponseStatus } from './ResponseStatus.tsx';
import { ShelveForm } from './ShelveForm.tsx';
import { confirmResponseAction } from './response-actions.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmMessages } from '../../i18n/messages/alarms.ts';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import styles from './AlarmWall.module.css';

/** How an item sits in its group: alone, the group's head (with its members' count), or a member shown under it. */
export type GroupRole = { kind: 'alone' } | { kind: 'head'; members: number; expanded: boolean; onToggle: () => void } | { kind: 'member' };

/** The inline form an item has open. */
type OpenForm = 'shelve' | ResponseAction | null;

/** One standing alarm: level, device, value against set-point, state, repeats, age, response countdown and the actions it allows. */
export const AlarmItem = memo(function AlarmItem({
  alarm,
  device,
  role,
  store,
  group = { kind: 'alone' },
}: {
  alarm: AlarmView;
  device: DeviceInfo | undefined;
  role: Role;
  store: AlarmStore;
  group?: GroupRole;
}) {
  const now = useNow();
  const t = useT(alarmMessages);
  const tw = useT(alarmWallMessages);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<OpenForm>(null);
  const actions = alarmActions(alarm, role);
  const respond = responseAction(alarm, role);
  const unit = device?.metrics[alarm.metric]?.unit;
  const closeForm = () => {
    setForm(null);
    setError(null);
  };

  const act = (call: () => Promise<AlarmActionResult>, after?: () => void) =>
    startTransition(async () => {
      let result: AlarmActionResult;
      try {
        result = await call();
      } catch {
        result = { ok: false, code: 'web:action-failed', error: t('actionFailed') };
      }
      if (result.ok) {
        // The socket brings the same change; applying the answer now makes the click feel immediate.
        store.apply(result.alarm);
        setError(null);
        after?.();
      } else {
        setError(result.error);
      }
    });

  const groupClass = group.kind === 'member' ? ` ${styles.member}` : group.kind === 'head' ? ` ${styles.head}` : '';
  return (
    <li
      className={`alarm alarm--level-${alarm.level} alarm--${alarm.state}${groupClass}`}
      data-alarm-id={alarm.id}
      data-alarm-state={alarm.state}
      data-device-id={alarm.deviceId}
      data-group-id={alarm.groupId ?? undefined}
      data-first-out={alarm.firstOut || undefined}
      aria-busy={pending || undefined}
    >
      <AlarmLevelBadge level={alarm.level} kind={alarm.kind} blink={alarm.state === 'unacknowledged'} />
      <div className="alarm__device">
        <span className="mono">{alarm.deviceId}</span>
        {alarm.firstOut && group.kind === 'head' ? <span className={styles.firstOut}>{tw('firstOut')}</span> : null}
        <span className="alarm__label">
          {device?.label ? `${device.label} · ` : ''}
          {metricLabel(alarm.metric, unit ?? '')}
        </span>
      </div>
      <div className="alarm__reading" title={t('readingHint')}>
        {alarm.value === null && alarm.setpoint === null ? '—' : alarmReadingText(alarm, unit, t)}
      </div>
      <div className="alarm__status">
        <span className={`alarm__state alarm__state--${alarm.state}`}>{alarmStateText(alarm, t)}</span>
        <span className="alarm__count" title={t('activations', { n: alarm.count })} data-alarm-count={alarm.count}>
          {alarm.count > 1 ? `×${alarm.count}` : ''}
        </span>
        <span className="alarm__age" title={alarm.raisedAt ? `Raised ${new Date(alarm.raisedAt).toISOString()}` : undefined}>
          {now > 0 ? formatAlarmAge(Math.max(0, now - activatedAtMs(alarm))) : '—'}
        </span>
      </div>
      <div className="alarm__actions">
        {actions.includes('ack') ? (
          <button type="button" className="button button--primary button--small" disabled={pending} onClick={() => act(() => acknowledgeAlarmAction(alarm.id))}>
            {t('acknowledge')}
          </button>
        ) : null}
        {actions.includes('shelve') && form !== 'shelve' ? (
          <button type="button" className="button button--small" disabled={pending} onClick={() => setForm('shelve')}>
            {t('shelve')}
          </button>
        ) : null}
        {actions.includes('unshelve') ? (
          <button type="button" className="button button--small" disabled={pending} onClick={() => act(() => unshelveAlarmAction(alarm.id))}>
            {t('unshelve')}
          </button>
        ) : null}
        {respond && form !== respond ? (
          <button type="button" className={`button button--small ${styles.respond}`} disabled={pending} onClick={() => setForm(respond)} data-respond={respond}>
            {tw(respond === 'confirm-plan' ? 'confirmPlan' : 'rectificationPlan')}
          </button>
        ) : null}
      </div>
      {alarm.response || group.kind === 'head' ? (
        <div className={styles.extra}>
          <ResponseStatus response={alarm.response} />
          {group.kind === 'head' ? (
            <button
              type="button"
              className={`button button--quiet button--small ${styles.groupToggle}`}
              aria-expanded={group.expanded}
              title={tw('groupMembersTitle', { n: group.members })}
              onClick={group.onToggle}
              data-group-toggle={group.members}
            >
              {group.expanded ? `▾ ${tw('groupHide')}` : `▸ ${tw('groupMembers', { n: group.members })}`}
            </button>
          ) : null}
        </div>
      ) : null}
      {form === 'shelve' && actions.includes('shelve') ? (
        <ShelveForm pending={pending} onCancel={closeForm} onShelve={(minutes, reason) => act(() => shelveAlarmAction(alarm.id, minutes, reason), closeForm)} onInvalid={setError} />
      ) : null}
      {form !== null && form === respond ? (
        <ResponseForm
          action={respond}
          pending={pending}
          onCancel={closeForm}
          onSubmit={(note, photo) => act(() => confirmResponseAction(alarm.id, respond, note, photo), closeForm)}
          onInvalid={setError}
        />
      ) : null}
      {error ? (
        <p className="alarm__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
});
