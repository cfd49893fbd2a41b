'use client';

import type { IncidentView } from '@safetwin/protocol';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { labelIn, reasonIn } from '../../i18n/hub-text.ts';
import { incidentMessages } from '../../i18n/messages/incident.ts';
import { formatDurationS } from '../../live/incident-format.ts';
import styles from './Incident.module.css';

/** Where people stand, each with its own glyph and colour (the word is always there too). */
const PEOPLE = [
  { key: 'inZone', glyph: '☣', tone: 'bad' },
  { key: 'evacuating', glyph: '➜', tone: 'waiting' },
  { key: 'sheltered', glyph: '⌂', tone: 'busy' },
  { key: 'safe', glyph: '✓', tone: 'good' },
] as const;

/** "Who goes where?": people by state, the groups to evacuate in order with assembly point and ETA, who shelters, unusable assembly points, doses over AEGL. */
export function IncidentPeople({ incident }: { incident: IncidentView }) {
  const t = useT(incidentMessages);
  const locale = useLocale();
  const ev = incident.assessment?.evacuation ?? null;
  const apLabel = new Map((ev?.assemblyPoints ?? []).map((ap) => [ap.id, labelIn(ap, locale)]));
  const evacuate = (ev?.groups ?? []).filter((g) => g.decision === 'evacuate').sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
  const shelter = (ev?.groups ?? []).filter((g) => g.decision === 'shelter');
  const unusable = (ev?.assemblyPoints ?? []).filter((ap) => !ap.usable);
  const doses = incident.assessment?.doses ?? [];
  return (
    <section className={styles.section} data-testid="incident-people">
      <h3 className={styles.sectionTitle}>{t('peopleTitle')}</h3>
      <dl className={styles.people}>
        {PEOPLE.map((p) => (
          <div key={p.key} className={`${styles.peopleCell} ${styles[`tone_${p.tone}`] ?? ''}`} data-people={p.key}>
            <dt>
              <span aria-hidden="true">{p.glyph}</span> {t(p.key)}
            </dt>
            <dd>{incident.people[p.key]}</dd>
          </div>
        ))}
      </dl>
      {evacuate.length > 0 ? (
        <>
          <h4 className={styles.subTitle}>{t('evacuateOrder')}</h4>
          <ol className={styles.groups}>
            {evacuate.map((g) => (
              <li key={g.id} data-testid="incident-group" data-group-id={g.id}>
                <span className={styles.groupOrder}>{g.priority ?? '·'}</span>
                <span className={styles.groupLabel}>{labelIn(g, locale)}</span>
                {g.route ? (
                  <span className={styles.groupRoute}>
                    {t('groupRoute', { persons: g.persons, ap: apLabel.get(g.route.assemblyPointId) ?? g.route.assemblyPointId, eta: formatDurationS(g.route.etaS) })}
                  </span>
                ) : null}
                {g.zoneArrivesS !== null ? <span className={styles.zoneIn}>{t('zoneIn', { t: formatDurationS(g.zoneArrivesS) })}</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {shelter.length > 0 ? <p className={styles.shelter}>{t('shelterList', { groups: shelter.map((g) => `${labelIn(g, locale)} (${g.persons})`).join(', ') })}</p> : null}
      {unusable.map((ap) => (
        <p key={ap.id} className={styles.unusable} data-testid="incident-unusable-ap">
          {t('unusableAp', { ap: labelIn(ap, locale), reason: reasonIn(ap.reasonText, ap.reason, locale) ?? '' })}
        </p>
      ))}
      {doses.map((d) => (
        <p key={d.personId} className={styles.warn}>
          {t('doseOver', { person: d.label, level: d.level.toUpperCase(), fraction: d.fraction.toFixed(1) })}
        </p>
      ))}
    </section>
  );
}
