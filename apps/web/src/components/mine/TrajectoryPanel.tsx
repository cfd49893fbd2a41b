'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { HubError } from '../../lib/hub-error.ts';
import { formatValue } from '../../live/format.ts';
import { fetchTrajectory, positionAt } from '../../live/mine-trajectory.ts';
import { useMine } from './MineProvider.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

/** Windows offered, minutes back from now. */
const WINDOWS_MIN = [15, 60, 240, 480] as const;

/** The header button that opens the trajectory drawer (mine walls only). */
export function TrajectoryButton() {
  const mine = useMine();
  const t = useT(mineMessages);
  if (!mine) return null;
  return (
    <button type="button" className={styles.headerButton} aria-pressed={mine.trajectoryOpen} onClick={() => mine.setTrajectoryOpen(!mine.trajectoryOpen)} data-testid="mine-trajectory-open">
      {t('trajectoryButton')}
    </button>
  );
}

/**
 * Trajectory playback: pick a person and a window; the path is drawn on the plan and in the
 * twin, a slider moves the marker through the window, and the table lists the fixes (time,
 * roadway, position) with the one at the slider highlighted.
 */
export function TrajectoryPanel() {
  const mine = useMine();
  const t = useT(mineMessages);
  const [personId, setPersonId] = useState('');
  const [windowMin, setWindowMin] = useState<number>(WINDOWS_MIN[0]);
  const [phase, setPhase] = useState<'idle' | 'loading'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const miners = useMemo(() => [...(mine?.mine.miners ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [mine?.mine]);
  if (!mine?.trajectoryOpen) return null;
  const shown = mine.trajectory;

  const load = async (e: FormEvent) => {
    e.preventDefault();
    if (!personId || !mine.caller) return;
    setPhase('loading');
    setMessage(null);
    const toMs = Date.now();
    try {
      const trajectory = await fetchTrajectory(mine.caller, mine.mine.id, personId, toMs - windowMin * 60_000, toMs);
      mine.showTrajectory({ trajectory, atMs: trajectory.points[0]?.ts ?? toMs });
      if (trajectory.points.length === 0) setMessage(t('trajectoryEmpty'));
    } catch (err) {
      const notThere = err instanceof HubError && err.status === 404 && err.code !== 'person:not-found' && !/person/i.test(err.message);
      setMessage(notThere ? t('trajectoryUnavailable') : t('trajectoryError', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPhase('idle');
    }
  };
  const close = () => {
    mine.showTrajectory(null);
    mine.setTrajectoryOpen(false);
  };

  const points = shown?.trajectory.points ?? [];
  const current = shown ? positionAt(points, shown.atMs) : null;
  return (
    <section className={styles.drawer} data-testid="mine-trajectory" aria-label={t('trajectoryTitle')}>
      <h2 className={`${kpi.title} ${styles.titleRow}`}>
        <span>{t('trajectoryTitle')}</span>
        <button type="button" className={styles.buttonQuiet} onClick={close}>
          ✕ {t('trajectoryClose')}
        </button>
      </h2>
      <form className={styles.form} onSubmit={(e) => void load(e)}>
        <label>
          {t('trajectoryPerson')}
          <select name="person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('trajectoryPersonPick')}</option>
            {miners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {m.team}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trajectoryWindow')}
          <select name="window" value={windowMin} onChange={(e) => setWindowMin(Number(e.target.value))}>
            {WINDOWS_MIN.map((m) => (
              <option key={m} value={m}>
                {t('trajectoryLast', { min: m })}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.actions}>
          <button type="submit" className={styles.buttonQuiet} disabled={!personId || phase === 'loading'}>
            {phase === 'loading' ? t('trajectoryLoading') : t('trajectoryShow')}
          </button>
        </div>
      </form>
      {message ? <p className={styles.error} role="alert">{message}</p> : null}
      {shown && points.length > 0 ? (
        <>
          <p className={kpi.lead} data-testid="mine-trajectory-at">
            {t('trajectoryAt', { time: new Date(shown.atMs).toLocaleTimeString() })} · {t('trajectoryPoints', { n: points.length })}
          </p>
          <input
            className={styles.slider}
            type="range"
            min={points[0]!.ts}
            max={points[points.length - 1]!.ts}
            step="any"
            value={shown.atMs}
            onChange={(e) => mine.showTrajectory({ trajectory: shown.trajectory, atMs: Number(e.target.value) })}
            aria-label={t('trajectoryAt', { time: new Date(shown.atMs).toLocaleTimeString() })}
            data-testid="mine-trajectory-slider"
          />
          <table className={styles.table} data-testid="mine-trajectory-table">
            <thead>
              <tr>
                <th>{t('trajectoryTime')}</th>
                <th>{t('trajectoryRoadway')}</th>
                <th>{t('trajectoryPosition')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={`${p.ts}-${i}`} data-current={current?.index === i}>
                  <td>{new Date(p.ts).toLocaleTimeString()}</td>
                  <td>
                    {mine.roadwayName(p.roadwayId)}
                    {p.chainageM !== null ? ` · ${t('trajectoryChainage', { m: Math.round(p.chainageM) })}` : ''}
                  </td>
                  <td>
                    {formatValue(p.position.eastM)}, {formatValue(p.position.northM)}, {formatValue(-p.position.upM)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
