'use client';

import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { formatAge } from '../../live/format.ts';
import { POWER_LOOK, cutCauseText, cutMachines, machinePower } from '../../live/mine-format.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { rgbCss } from '../../wall/palette.ts';
import { useMine } from './MineProvider.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

/**
 * The mine's power: every machine powered, or the machines cut (by which methane sensor and
 * reading, whether the cut was confirmed by the machine's feedback, failed, or must be made by
 * hand), worst first.
 */
export function PowerPanel() {
  const mine = useMine();
  const t = useT(mineMessages);
  const locale = useLocale();
  const now = useNow();
  if (!mine) return null;
  const power = mine.power;
  const cut = power ? cutMachines(power.machines) : [];
  return (
    <section className={`${kpi.card} ${cut.length > 0 ? styles.cardAlert : ''}`} data-testid="mine-power" data-cut-count={power ? cut.length : undefined} aria-label={t('powerTitle')}>
      <h2 className={`${kpi.title} ${styles.titleRow}`}>
        <span>{t('powerTitle')}</span>
        {power && cut.length > 0 ? <span>{t('powerCutCount', { cut: cut.length, n: power.machines.length })}</span> : null}
      </h2>
      {!power ? <p className={kpi.muted}>{t('powerLoading')}</p> : null}
      {power && cut.length === 0 ? <p className={kpi.lead} style={{ color: rgbCss(POWER_LOOK.powered.rgb) }}>{t('powerAllOn', { n: power.machines.length })}</p> : null}
      {cut.length > 0 ? (
        <ul className={styles.list}>
          {cut.map((m) => {
            const state = machinePower(m);
            const look = POWER_LOOK[state];
            const confirmedAt = m.command?.action === 'power.cut' ? m.command.confirmedAt : null;
            return (
              <li key={m.equipmentId} className={styles.row} data-equipment-id={m.equipmentId} data-power={state}>
                <span className={styles.badge} style={{ color: rgbCss(look.rgb) }}>
                  {look.glyph} {t(look.key)}
                </span>
                <span className={styles.name}>{locale === 'zh-CN' ? m.name.zh : m.name.en}</span>
                {m.heldBy.map((c) => (
                  <span key={c.sensorId} className={styles.detail} data-cut-by={c.sensorId}>
                    {t('powerBy', { cause: cutCauseText(c) })}
                  </span>
                ))}
                {m.cutLocally ? <span className={styles.detail}>{t('powerLocal')}</span> : null}
                {m.command?.failure ? <span className={`${styles.detail} ${styles.over}`}>{m.command.failure}</span> : null}
                {confirmedAt !== null && now > 0 ? <span className={styles.detail}>{t('powerConfirmed', { age: formatAge(now - confirmedAt) })}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {mine.error ? <p className={styles.error} role="alert">{mine.error}</p> : null}
    </section>
  );
}
