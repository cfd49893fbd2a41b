'use client';

import { useState, type FormEvent } from 'react';
import { SHELVE_MAX_MINUTES, SHELVE_REASON_MAX, checkShelveInput } from '../../lib/alarm-action-result.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmMessages } from '../../i18n/messages/alarms.ts';

/** The small inline form behind "Shelve…": how long and why (the hub records both with the user). */
export function ShelveForm({
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
