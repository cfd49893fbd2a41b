'use client';

import { memo, useCallback, useState, useSyncExternalStore, useTransition, type FormEvent } from 'react';
import type { AlarmView, Role } from '@safetwin/protocol';
import type { DeviceInfo } from '../../lib/hub-types.ts';
import { acknowledgeAlarmAction, shelveAlarmAction, unshelveAlarmAction } from '../../lib/alarm-actions.ts';
import { SHELVE_MAX_MINUTES, SHELVE_REASON_MAX, checkShelveInput, type AlarmActionResult } from '../../lib/alarm-action-result.ts';
import { activatedAtMs, alarmActions, alarmCountText, alarmCounts } from '../../live/alarm-list.ts';
import { alarmReadingText, alarmStateText, formatAlarmAge } from '../../live/alarm-format.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import type { LinkState } from '../../live/device-state.ts';
import { metricLabel } from '../../live/labels.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { AlarmLevelBadge } from './AlarmLevelBadge.tsx';
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

/** The site's standing alarms, latest first, with acknowledge / shelve / unshelve; the start of the wall's alarm stack. */
export function AlarmPanel({ alarms, devices, role, link }: AlarmPanelProps) {
  const t = useT(alarmMessages);
  const subscribe = useCallback((onChange: () => void) => alarms.subscribe(onChange), [alarms]);
  const list = useSyncExternalStore(
    subscribe,
    () => alarms.alarms,
    () => alarms.alarms,
  );
  const counts = alarmCounts(list);
  const stateClass = link === 'down' ? ' alarm-panel--offline' : counts.unacknowledged > 0 ? ' alarm-panel--unack' : '';

  return (
    <section className={`alarm-panel${stateClass}`} aria-labelledby="alarm-panel-title" data-alarm-count={counts.total} data-unack-count={counts.unacknowledged}>
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
      {list.length > 0 ? (
        <ol className="alarm-stack">
          {list.map((alarm) => (
            <AlarmItem key={alarm.id} alarm={alarm} device={devices.get(alarm.deviceId)} role={role} store={alarms} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** One standing alarm: level, device, value against set-point, state, repeats, age and the actions it allows. */
const AlarmItem = memo(function AlarmItem({ alarm, device, role, store }: { alarm: AlarmView; device: DeviceInfo | undefined; role: Role; store: AlarmStore }) {
  const now = useNow();
  const t = useT(alarmMessages);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [shelving, setShelving] = useState(false);
  const actions = alarmActions(alarm, role);
  const unit = device?.metrics[alarm.metric]?.unit;

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

  return (
    <li
      className={`alarm alarm--level-${alarm.level} alarm--${alarm.state}`}
      data-alarm-id={alarm.id}
      data-alarm-state={alarm.state}
      data-device-id={alarm.deviceId}
      aria-busy={pending || undefined}
    >
      <AlarmLevelBadge level={alarm.level} kind={alarm.kind} />
      <div className="alarm__device">
        <span className="mono">{alarm.deviceId}</span>
        <span className="alarm__label">
          {device?.label ? `${device.label} · ` : ''}
          {metricLabel(alarm.metric, unit ?? '')}
        </span>
      </div>
      <div className="alarm__reading" title={t('readingHint')}>
        {alarmReadingText(alarm, unit)}
      </div>
      <div className="alarm__status">
        <span className={`alarm__state alarm__state--${alarm.state}`}>{alarmStateText(alarm, t)}</span>
        <span className="alarm__count" title={t('activations', { n: alarm.count })}>
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
        {actions.includes('shelve') && !shelving ? (
          <button type="button" className="button button--small" disabled={pending} onClick={() => setShelving(true)}>
            {t('shelve')}
          </button>
        ) : null}
        {actions.includes('unshelve') ? (
          <button type="button" className="button button--small" disabled={pending} onClick={() => act(() => unshelveAlarmAction(alarm.id))}>
            {t('unshelve')}
          </button>
        ) : null}
      </div>
      {shelving && actions.includes('shelve') ? (
        <ShelveForm
          pending={pending}
          onCancel={() => {
            setShelving(false);
            setError(null);
          }}
          onShelve={(minutes, reason) => act(() => shelveAlarmAction(alarm.id, minutes, reason), () => setShelving(false))}
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

/** The small inline form behind "Shelve…": how long and why (the hub records both with the user). */
function ShelveForm({
  pending,
  onShelve,
  onCancel,
  onInvalid,
}: {
  pending: boolean;
  onShelve: (minutes: number, reason: string) => void;
  onCancel: () => void;
  onInvalid: (message: string) => void;
}) {
  const t = useT(alarmMessages);
  const [minutes, setMinutes] = useState('30');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkShelveInput(Number(minutes), reason);
    if (!checked.ok) onInvalid(checked.error);
    else onShelve(checked.minutes, checked.reason);
  };
  return (
    <form className="alarm__shelve" onSubmit={submit} aria-label={t('shelveForm')}>
      <label className="field field--inline">
        <span className="field__label">{t('minutes')}</span>
        <input type="number" name="minutes" min={1} max={SHELVE_MAX_MINUTES} step={1} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <label className="field field--inline alarm__shelve-reason">
        <span className="field__label">{t('reason')}</span>
        <input
          type="text"
          name="reason"
          required
          minLength={3}
          maxLength={SHELVE_REASON_MAX}
          placeholder={t('reasonPlaceholder')}
          autoComplete="off"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
      </label>
      <button type="submit" className="button button--small" disabled={pending}>
        {t('shelveSubmit')}
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
