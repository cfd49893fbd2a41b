'use client';

import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { ReleaseForm } from './ReleaseForm.tsx';
import { useRelease } from './ReleaseProvider.tsx';
import { ReleaseResultCard } from './ReleaseResultCard.tsx';
import styles from './Release.module.css';

/**
 * The release drawer (over the wall's left column): the form, the run's progress with Cancel,
 * the hub's refusal verbatim, then the result card. `data-zones-drawn-ms` on it says how long
 * from the click on Run until the zones were handed to the plan and two frames had passed.
 */
export function ReleasePanel() {
  const release = useRelease();
  const t = useT(releaseMessages);
  const [editing, setEditing] = useState(true);
  const rootRef = useRef<HTMLElement>(null);
  const run = release?.run;

  // A new result shows the card; measure click → zones drawn (two animation frames after the overlay is set).
  useEffect(() => {
    if (run?.phase !== 'done') return;
    setEditing(false);
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => {
        rootRef.current?.setAttribute('data-zones-drawn-ms', String(Math.round(performance.now() - run.startedAtMs)));
      });
    });
    return () => cancelAnimationFrame(raf);
  }, [run]);

  if (!release || !release.allowed || !release.open || !run) return null;
  const running = run.phase === 'submitting' || run.phase === 'running';
  const progress = run.phase === 'running' ? run.run.progress : 0;
  const stage = run.phase === 'running' ? ((run.run as { stage?: string }).stage ?? (run.run.state === 'queued' ? t('queued') : t('stageStarting'))) : t('queued');

  return (
    <section ref={rootRef} className={styles.panel} aria-label={t('title')} data-testid="release-panel" data-run-phase={run.phase} data-drill={release.drill || undefined}>
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>☣ {t('title')}</h2>
        <button type="button" className={styles.close} onClick={() => release.setOpen(false)} aria-label={t('close')}>
          ✕
        </button>
      </header>
      {release.drill ? (
        <p className={styles.drill} data-testid="release-drill">
          {t('drill')}
        </p>
      ) : null}
      {run.phase === 'done' && !editing ? (
        <ReleaseResultCard run={run.run} result={run.result} drill={release.drill} onEdit={() => setEditing(true)} onClear={() => release.clear()} />
      ) : (
        <ReleaseForm release={release} />
      )}
      {running ? (
        <div className={styles.progress} data-testid="release-progress" data-progress={progress}>
          <div className={styles.progressBar} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
            <span style={{ width: `${Math.max(3, progress * 100)}%` }} />
          </div>
          <p className={styles.progressText}>
            {t('progress', { pct: Math.round(progress * 100) })} · <span data-testid="release-stage">{stage}</span>
          </p>
          <button type="button" className={styles.button} onClick={() => release.cancel()} data-testid="release-cancel">
            {t('cancel')}
          </button>
        </div>
      ) : null}
      {run.phase === 'refused' ? (
        <p className={styles.error} role="alert" data-testid="release-error">
          <strong>{t('refused')}</strong> {run.message}
        </p>
      ) : run.phase === 'failed' ? (
        <p className={styles.error} role="alert" data-testid="release-error">
          <strong>{t('failed')}</strong> {run.message}
        </p>
      ) : run.phase === 'cancelled' ? (
        <p className={styles.hint} role="status">
          {t('cancelled')}
        </p>
      ) : null}
    </section>
  );
}

/** The header button that opens the release drawer (commander and drill planner only). */
export function ReleaseButton({ className }: { className?: string }) {
  const release = useRelease();
  const t = useT(releaseMessages);
  if (!release?.allowed) return null;
  return (
    <button type="button" className={className} aria-pressed={release.open} title={t('openHint')} onClick={() => release.setOpen(!release.open)} data-testid="release-open">
      {t('open')}
    </button>
  );
}
