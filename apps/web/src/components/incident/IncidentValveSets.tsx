'use client';

import type { IncidentView, IsolationAlternativeView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { wordHubText } from '../../i18n/hub-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import type { Translate } from '../../i18n/messages-core.ts';
import { formatDurationS } from '../../live/incident-format.ts';
import styles from './Incident.module.css';

type IncidentKey = keyof (typeof incidentMessages)['en'];

/**
 * What the valve set on the card costs — how soon it shuts, the mass released, what else it shuts down — and the other
 * sets the hub ranked behind it (by mass released, then by what else they shut down), so a commander weighing the
 * confirmation sees the trade-off. The set shown first is the one being carried out, else the proposed rank 1.
 */
export function IncidentValveSets({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const alternatives = incident.assessment?.isolation?.alternatives ?? [];
  if (alternatives.length === 0) return null;
  const carried = carriedSet(incident, alternatives);
  const others = alternatives.filter((a) => a !== carried);
  return (
    <div data-testid="incident-valve-sets">
      {carried ? <SetFigures set={carried} t={t} locale={locale} /> : null}
      {others.length > 0 ? (
        <details className={styles.sets}>
          <summary className={styles.muted}>{t('otherSets', { n: others.length })}</summary>
          <ol className={styles.setList}>
            {others.map((a) => (
              <li key={a.rank} data-testid="incident-valve-set" data-rank={a.rank}>
                <span className={styles.setValves}>{t('setLine', { rank: a.rank, valves: a.valves.map((v) => `${v.valveId} (${t(v.actuation)})`).join(t('listSep')) || '—' })}</span>
                <SetFigures set={a} t={t} locale={locale} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** One set's time to shut, mass and side effects. */
function SetFigures({ set, t, locale }: { set: IsolationAlternativeView; t: Translate<IncidentKey>; locale: Locale }) {
  const time = formatDurationS(set.timeToIsolateS);
  const beforeKg = Math.round(set.releasedBeforeIsolationKg);
  const effects = set.sideEffectTexts?.length ? set.sideEffectTexts.map((e) => wordHubText(e, locale)) : set.sideEffects;
  return (
    <>
      <p className={styles.muted} data-testid="incident-set-figures">
        {Number.isFinite(set.totalReleaseKg) ? t('setFigures', { time, beforeKg, totalKg: Math.round(set.totalReleaseKg) }) : t('setFiguresUnbounded', { time, beforeKg })}
      </p>
      {effects.length > 0 ? <p className={styles.setEffects} data-testid="incident-set-effects">{t('alsoShuts', { effects: effects.join(t('listSep')) })}</p> : null}
    </>
  );
}

/**
 * The alternative the card's valves are: the one being carried out (the same valve ids), else the proposed rank 1.
 * Null when the valves being closed are none of those planned now (the assessment warns of it): no figures to give them.
 */
function carriedSet(incident: IncidentView, alternatives: readonly IsolationAlternativeView[]): IsolationAlternativeView | null {
  if (incident.valves.length === 0) return alternatives[0] ?? null;
  const ids = new Set(incident.valves.map((v) => v.valveId));
  return alternatives.find((a) => a.valves.length === ids.size && a.valves.every((v) => ids.has(v.valveId))) ?? null;
}
