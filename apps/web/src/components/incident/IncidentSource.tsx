'use client';

import type { IncidentView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { labelIn, reasonIn } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { alongMessage, flowShiftValues, formatPercent, formatRateRange } from '../../live/incident-format.ts';
import styles from './Incident.module.css';

/** "Where is the leak?": the top three candidates with confidence bars, or why the detectors cannot tell yet. */
export function IncidentSource({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const a = incident.assessment;
  const reason = a ? reasonIn(a.source.reasonText, a.source.reason, locale) : null;
  return (
    <section className={styles.section} data-testid="incident-source">
      <h3 className={styles.sectionTitle}>{t('sourceTitle')}</h3>
      {!a ? (
        <p className={styles.muted}>{t('noAssessment')}</p>
      ) : (
        <>
          {!a.source.discriminating ? (
            <p className={styles.notDiscriminating} data-testid="incident-not-discriminating">
              {t('notDiscriminating')}
              {reason ? t('reasonAfter', { reason }) : ''}
            </p>
          ) : null}
          {a.source.candidates.length === 0 ? (
            <p className={styles.chosen} data-testid="incident-chosen-source">
              {t('plannedFor', { source: a.source.chosen.id ?? `${Math.round(a.source.chosen.place.eastM)} m E, ${Math.round(a.source.chosen.place.northM)} m N` })}
            </p>
          ) : null}
          <ol className={styles.candidates}>
            {a.source.candidates.slice(0, 3).map((c) => (
              <li key={c.id} className={styles.candidate} data-testid="incident-candidate" data-candidate-id={c.id}>
                <span className={styles.candidateLabel}>{labelIn(c, locale)}</span>
                <span className={styles.bar} aria-hidden="true">
                  <span className={styles.barFill} style={{ width: `${Math.round(c.probability * 100)}%` }} />
                </span>
                <span className={styles.candidateP}>{formatPercent(c.probability)}</span>
                <span className={styles.candidateRate} data-testid="incident-candidate-rate">{t('rate', { rate: formatRateRange(c.rateKgS, c.rateFactor) })}</span>
                {c.along ? (
                  <span className={styles.candidateAlong} data-testid="incident-candidate-along">
                    {t(...alongMessage(c.along, c.releaseHeightM, locale))}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <p className={styles.muted}>{t('detectors', { hit: a.source.hitDetectorIds.length, used: a.source.detectorsUsed })}</p>
          {(a.source.flowShifts ?? []).map((s) => (
            <p key={s.deviceId} className={styles.muted} data-testid="incident-flow-shift">{t('flowShift', flowShiftValues(s))}</p>
          ))}
        </>
      )}
    </section>
  );
}
