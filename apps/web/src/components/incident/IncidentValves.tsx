'use client';

import type { IncidentValveView, IncidentView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { reasonIn, wordHubText } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { isMessageKey, type MessageKey, type Translate } from '../../i18n/messages-core.ts';
import { likelySourcesLine, valveLook } from '../../live/incident-format.ts';
import { useIncidents } from './IncidentProvider.tsx';
import { ActionError } from './ActionError.tsx';
import { IncidentValveSets } from './IncidentValveSets.tsx';
import styles from './Incident.module.css';

/**
 * The valves for a view: those being carried out, else the proposed rank-1 set still to close
 * (the actions start with the first assessment; until then the proposal is what the wall knows).
 */
export function valvesToShow(incident: IncidentView): IncidentValveView[] {
  if (incident.valves.length > 0) return incident.valves;
  const best = incident.assessment?.isolation?.alternatives[0];
  return (best?.valves ?? []).map((v) => ({ ...v, state: 'to-close', commandId: null, commandedAt: null, closedAt: null, confirmedAt: null, evidence: null }));
}

/** "Which valves?": each valve's state as glyph + word + colour; Confirm for commanders, Done for field tasks. */
export function IncidentValves({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const wall = useIncidents();
  const allowed = wall?.permissions;
  const iso = incident.assessment?.isolation ?? null;
  const valves = valvesToShow(incident);
  const likely = likelySourcesLine(incident, locale);
  const awaiting = valves.filter((v) => v.state === 'awaiting-confirmation');
  const busy = wall?.action?.phase === 'running';
  return (
    <section className={styles.section} data-testid="incident-valves">
      <h3 className={styles.sectionTitle}>{t('valvesTitle')}</h3>
      {likely ? <p className={styles.muted} data-testid="incident-isolation-targets">{t('isolatesLikely', likely)}</p> : null}
      {iso && !iso.isolable ? <p className={styles.warn} data-testid="incident-not-isolable">{t('notIsolable', { reason: reasonIn(iso.reasonText, iso.reason, locale) ?? '' })}</p> : null}
      {valves.length === 0 ? <p className={styles.muted}>{incident.assessment ? t('noValves') : t('noAssessment')}</p> : null}
      <ul className={styles.valves}>
        {valves.map((v) => {
          const look = valveLook(v.state);
          return (
            <li key={v.valveId} className={`${styles.valve} ${styles[`tone_${look.tone}`] ?? ''}`} data-testid="incident-valve" data-valve-id={v.valveId} data-valve-state={v.state}>
              <span className={styles.valveGlyph} aria-hidden="true">
                {look.glyph}
              </span>
              <span className={styles.valveState}>{t(look.key)}</span>
              <span className={styles.valveId}>
                {v.valveId} <span className={styles.muted}>· {valveFunction(v.function, t)} · {t(v.actuation)}</span>
              </span>
              {v.state === 'field-task' && allowed?.fieldDone ? (
                <button type="button" className={styles.smallButton} title={t('fieldDoneHint')} disabled={busy} onClick={() => wall!.act(`field-done:${v.valveId}`, { kind: 'field-done', valveId: v.valveId })} data-testid="incident-field-done">
                  ✔ {t('fieldDone')}
                </button>
              ) : null}
              {v.evidence ? <span className={styles.evidence}>{v.evidenceTexts?.length ? v.evidenceTexts.map((e) => wordHubText(e, locale)).join(t('listSep')) : v.evidence}</span> : null}
              <ActionError actionKey={`field-done:${v.valveId}`} />
            </li>
          );
        })}
      </ul>
      <IncidentValveSets incident={incident} />
      {awaiting.length > 0 && allowed?.confirmIsolation ? (
        <button type="button" className={styles.primaryButton} title={t('confirmHint')} disabled={busy} onClick={() => wall!.act('confirm', { kind: 'confirm-isolation', rank: 1 })} data-testid="incident-confirm">
          {awaiting.length === 1 ? t('confirmIsolationOne') : t('confirmIsolation', { n: awaiting.length })}
        </button>
      ) : null}
      <ActionError actionKey="confirm" />
    </section>
  );
}

/** A valve's function in the UI language ("紧急切断阀"); one the wall does not know as the hub sent it. */
function valveFunction(fn: string, t: Translate<MessageKey<typeof incidentMessages>>): string {
  const key = `valveFn_${fn}`;
  return isMessageKey(incidentMessages, key) ? t(key) : fn;
}
