'use client';

import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ResponseAction } from '../../live/alarm-stack.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { alarmMessages } from '../../i18n/messages/alarms.ts';
import { alarmWallMessages } from '../../i18n/messages/alarm-wall.ts';
import { RESPONSE_NOTE_MAX, RESPONSE_NOTE_MIN, RESPONSE_PHOTO_MAX_KB } from './response-input.ts';

/** The inline form behind "Confirm plan…" (level 2: note and optional photo) or "Rectification plan…" (level 3: note). */
export function ResponseForm({
  action,
  pending,
  onSubmit,
  onCancel,
  onInvalid,
}: {
  action: ResponseAction;
  pending: boolean;
  onSubmit: (note: string, photo: string | null) => void;
  onCancel: () => void;
  onInvalid: (message: string) => void;
}) {
  const t = useT(alarmWallMessages);
  const tAlarm = useT(alarmMessages);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const plan = action === 'confirm-plan';

  const pickPhoto = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return setPhoto(null);
    if (file.size > (RESPONSE_PHOTO_MAX_KB * 1_024 * 3) / 4) {
      onInvalid(t('photoTooLarge', { kb: RESPONSE_PHOTO_MAX_KB }));
      event.target.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setPhoto(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim().length < RESPONSE_NOTE_MIN) onInvalid(t('noteTooShort', { n: RESPONSE_NOTE_MIN }));
    else onSubmit(note.trim(), plan ? photo : null);
  };
  return (
    <form className="alarm__shelve" onSubmit={submit} aria-label={t(plan ? 'confirmPlanForm' : 'rectificationForm')} data-response-form={action}>
      <label className="field field--inline alarm__shelve-reason">
        <span className="field__label">{t('note')}</span>
        <input
          type="text"
          name="note"
          required
          minLength={RESPONSE_NOTE_MIN}
          maxLength={RESPONSE_NOTE_MAX}
          placeholder={t(plan ? 'notePlaceholderPlan' : 'notePlaceholderRect')}
          autoComplete="off"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoFocus
        />
      </label>
      {plan ? (
        <label className="field field--inline">
          <span className="field__label">{t('photo')}</span>
          <input type="file" name="photo" accept="image/png,image/jpeg,image/webp" onChange={pickPhoto} />
        </label>
      ) : null}
      <button type="submit" className="button button--primary button--small" disabled={pending}>
        {t(plan ? 'submitPlan' : 'submitRect')}
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onCancel}>
        {tAlarm('cancel')}
      </button>
    </form>
  );
}
