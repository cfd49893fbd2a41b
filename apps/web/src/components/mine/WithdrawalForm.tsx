'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { HubError } from '../../lib/hub-error.ts';
import { orderWithdrawal } from '../../live/mine-client.ts';
import { useMine } from './MineProvider.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

/**
 * A commander's withdrawal order: pick the roadway where the hazard is (everyone there and
 * downstream in the air flow is paged an escape route by the hub) and a reason; a refusal shows
 * the hub's own message.
 */
export function WithdrawalForm({ onDone }: { onDone(): void }) {
  const mine = useMine()!;
  const t = useT(mineMessages);
  const [roadwayId, setRoadwayId] = useState('');
  const [reason, setReason] = useState(() => t('orderReasonDefault'));
  const [phase, setPhase] = useState<'idle' | 'running'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  // Places people work and walk: fan ducts are not.
  const roadways = useMemo(
    () => mine.mine.roadways.edges.filter((r) => r.kind !== 'vent-duct').map((r) => ({ id: r.id, label: `${mine.roadwayName(r.id)} (${r.id})` })).sort((a, b) => a.label.localeCompare(b.label)),
    [mine],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!roadwayId) {
      setMessage(t('orderNeedsSource'));
      return;
    }
    if (!mine.caller) return;
    setPhase('running');
    setMessage(null);
    try {
      await orderWithdrawal(mine.caller, mine.mine.id, { sourceRoadwayIds: [roadwayId], reason });
      mine.refresh();
      onDone();
    } catch (err) {
      setMessage(t('orderRefused', { message: err instanceof HubError || err instanceof Error ? err.message : String(err) }));
    } finally {
      setPhase('idle');
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} data-testid="mine-order-form" aria-label={t('orderTitle')}>
      <label>
        {t('orderSource')}
        <select name="source" value={roadwayId} onChange={(e) => setRoadwayId(e.target.value)}>
          <option value="">{t('orderSourcePick')}</option>
          {roadways.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('orderReason')}
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p className={kpi.muted}>{t('orderHint')}</p>
      <div className={styles.actions}>
        <button type="submit" className={styles.button} disabled={phase === 'running'}>
          {phase === 'running' ? t('orderRunning') : t('orderSubmit')}
        </button>
        <button type="button" className={styles.buttonQuiet} onClick={onDone}>
          {t('orderCancel')}
        </button>
      </div>
      {message ? (
        <p className={styles.error} role="alert" data-testid="mine-order-error">
          {message}
        </p>
      ) : null}
    </form>
  );
}
